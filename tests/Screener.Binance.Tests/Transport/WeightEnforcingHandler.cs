using System.Globalization;
using System.Net;
using Screener.Contracts.Time;
using static Screener.Binance.Tests.Fixture;

namespace Screener.Binance.Tests.Transport;

/// <summary>
/// A REST stub that meters weight like fapi: fixed UTC-minute windows, the IP's used weight in
/// <c>X-MBX-USED-WEIGHT-1M</c> on every response (other processes included via <see cref="ExternalWeight"/>), a refused
/// request still costs its weight, over the limit → 429 with Retry-After to the window's end, and any request before a
/// Retry-After has passed → a 418 ban. Tests assert <see cref="Issued418"/> stays 0 unless they test the ban.
/// </summary>
internal sealed class WeightEnforcingHandler(ManualClock clock, int limit = 2400) : HttpMessageHandler
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, int> _used = new();
    private long _retryAfterUntil;
    private long _bannedUntil;

    /// <summary>Weight other processes on the IP spent in every window.</summary>
    public int ExternalWeight { get; set; }

    /// <summary>Statuses to answer next instead of metering (each with its Retry-After seconds), for forced 429/418s.</summary>
    public Queue<(HttpStatusCode Status, int? RetryAfterSeconds, string Body)> Forced { get; } = new();

    public int Issued418 { get; private set; }

    public int Issued429 { get; private set; }

    public int Requests { get; private set; }

    /// <summary>Highest used weight reported in each window.</summary>
    public IReadOnlyDictionary<long, int> UsedByWindow
    {
        get { lock (_lock) return new Dictionary<long, int>(_used); }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Requests++;
            var now = clock.UtcNowTicks;
            var window = UtcTime.Floor(now, TimeSpan.TicksPerMinute);
            if (_bannedUntil > now) return Task.FromResult(Ban(now));
            if (_retryAfterUntil > now)
            {
                _bannedUntil = now + TimeSpan.FromMinutes(2).Ticks;
                return Task.FromResult(Ban(now));
            }

            var used = _used.GetValueOrDefault(window, ExternalWeight) + WeightOf(request.RequestUri!);
            _used[window] = used;
            if (Forced.TryDequeue(out var forced))
                return Task.FromResult(Respond(forced.Status, forced.Body, used, forced.RetryAfterSeconds, now));
            if (used > limit)
            {
                Issued429++;
                var retry = (int)Math.Ceiling(TimeSpan.FromTicks(window + TimeSpan.TicksPerMinute - now).TotalSeconds);
                _retryAfterUntil = window + TimeSpan.TicksPerMinute;
                return Task.FromResult(Respond(HttpStatusCode.TooManyRequests,
                    """{"code":-1003,"msg":"Too many requests; current limit is 2400 requests per minute."}""", used, retry, now));
            }

            return Task.FromResult(Respond(HttpStatusCode.OK, BodyOf(request.RequestUri!), used, null, now));
        }
    }

    private HttpResponseMessage Respond(HttpStatusCode status, string body, int used, int? retryAfter, long now)
    {
        if (status == HttpStatusCode.TooManyRequests && retryAfter is { } seconds)
            _retryAfterUntil = Math.Max(_retryAfterUntil, now + TimeSpan.FromSeconds(seconds).Ticks);
        if ((int)status == 418)
        {
            Issued418++;
            _bannedUntil = now + TimeSpan.FromSeconds(retryAfter ?? 120).Ticks;
        }

        var response = new HttpResponseMessage(status) { Content = new StringContent(body) };
        response.Headers.Add("X-MBX-USED-WEIGHT-1M", used.ToString(CultureInfo.InvariantCulture));
        if (retryAfter is { } after) response.Headers.Add("Retry-After", after.ToString(CultureInfo.InvariantCulture));
        return response;
    }

    private HttpResponseMessage Ban(long now)
    {
        Issued418++;
        var until = UtcTime.ToUnixMs(_bannedUntil);
        var response = new HttpResponseMessage((HttpStatusCode)418)
        {
            Content = new StringContent($$"""{"code":-1003,"msg":"Way too many requests; IP banned until {{until}}."}"""),
        };
        response.Headers.Add("Retry-After", ((int)Math.Ceiling(TimeSpan.FromTicks(_bannedUntil - now).TotalSeconds)).ToString(CultureInfo.InvariantCulture));
        return response;
    }

    private static int WeightOf(Uri uri)
    {
        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        return uri.AbsolutePath switch
        {
            "/fapi/v1/depth" => int.Parse(query["limit"] ?? "500", CultureInfo.InvariantCulture) switch
            {
                <= 50 => 2, <= 100 => 5, <= 500 => 10, _ => 20,
            },
            "/fapi/v1/premiumIndex" => query["symbol"] is null ? 10 : 1,
            "/fapi/v1/ticker/24hr" => query["symbol"] is null ? 40 : 1,
            "/fapi/v1/fundingInfo" => 0,
            _ => 1,
        };
    }

    private static string BodyOf(Uri uri) => uri.AbsolutePath switch
    {
        "/fapi/v1/depth" => Text("futures-depth-snapshot-2026.json"),
        "/fapi/v1/exchangeInfo" => Text("futures-exchangeInfo-excerpt.json"),
        "/fapi/v1/openInterest" => Text("futures-openInterest.json"),
        "/fapi/v1/premiumIndex" => Text("futures-premiumIndex.json"),
        "/fapi/v1/fundingInfo" => Text("futures-fundingInfo.json"),
        "/fapi/v1/ticker/24hr" => Text("futures-ticker24hr-rest.json"),
        _ => "{}",
    };
}
