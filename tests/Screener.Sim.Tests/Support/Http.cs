using System.Net;
using System.Text.Json;

namespace Screener.Sim.Tests.Support;

/// <summary>One REST exchange as the specs look at it: status, body and the headers the protocol cares about.</summary>
internal sealed record HttpReply(HttpStatusCode Status, string Body, int? UsedWeight, string? RetryAfter)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public static async Task<HttpReply> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var used = response.Headers.TryGetValues("X-MBX-USED-WEIGHT-1M", out var values) ? int.Parse(values.Single()) : (int?)null;
        var retry = response.Headers.TryGetValues("Retry-After", out var after) ? after.Single() : null;
        return new HttpReply(response.StatusCode, await response.Content.ReadAsStringAsync(), used, retry);
    }
}
