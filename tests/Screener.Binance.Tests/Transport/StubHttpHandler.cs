using System.Net;

namespace Screener.Binance.Tests.Transport;

/// <summary>Answers requests from a queue of canned responses and records what was asked.</summary>
internal sealed class StubHttpHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, HttpResponseMessage>> _responses = new();
    private readonly Lock _lock = new();

    public List<Uri> Requests { get; } = [];

    /// <summary>Used when the queue is empty.</summary>
    public Func<HttpRequestMessage, HttpResponseMessage>? Fallback { get; set; }

    /// <summary>Used when the queue is empty and <see cref="Fallback"/> is not set: an answer that may take its time without holding a thread.</summary>
    public Func<HttpRequestMessage, Task<HttpResponseMessage>>? AsyncFallback { get; set; }

    public StubHttpHandler Respond(HttpStatusCode status, byte[] body, Action<HttpResponseMessage>? headers = null)
    {
        lock (_lock)
            _responses.Enqueue(_ =>
            {
                var response = new HttpResponseMessage(status) { Content = new ByteArrayContent(body) };
                headers?.Invoke(response);
                return response;
            });
        return this;
    }

    public StubHttpHandler Respond(HttpStatusCode status, string body, Action<HttpResponseMessage>? headers = null) =>
        Respond(status, System.Text.Encoding.UTF8.GetBytes(body), headers);

    public int Count
    {
        get { lock (_lock) return Requests.Count; }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Func<HttpRequestMessage, HttpResponseMessage>? respond;
        lock (_lock)
        {
            Requests.Add(request.RequestUri!);
            respond = _responses.Count > 0 ? _responses.Dequeue() : Fallback;
        }

        if (respond is null && AsyncFallback is { } later) return later(request);
        return Task.FromResult(respond?.Invoke(request) ?? new HttpResponseMessage(HttpStatusCode.NotFound));
    }
}
