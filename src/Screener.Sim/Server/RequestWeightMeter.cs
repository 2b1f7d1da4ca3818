namespace Screener.Sim.Server;

/// <summary>
/// Used REST weight per client IP in fixed windows aligned to the UTC clock minute, as measured on fapi
/// (a request at 00:01:23 counts toward 00:01:00 and the count resets at 00:02:00). Refused requests count too.
/// </summary>
internal sealed class RequestWeightMeter
{
    private const long WindowMs = 60_000;
    private readonly object _gate = new();
    private readonly Dictionary<string, (long WindowStart, int Used)> _byIp = new(StringComparer.Ordinal);

    /// <summary>Adds <paramref name="weight"/> and returns the IP's total in the current window (the header value).</summary>
    public int Add(string ip, int weight, long nowMs)
    {
        var window = nowMs - nowMs % WindowMs;
        lock (_gate)
        {
            var (start, used) = _byIp.GetValueOrDefault(ip);
            used = start == window ? used + weight : weight;
            _byIp[ip] = (window, used);
            return used;
        }
    }
}
