using Screener.Sim.Faults;

namespace Screener.Sim.Server;

/// <summary>
/// The fapi REST weight rules (PROTOCOL.md §6), per client IP. Weight is counted in fixed windows aligned to
/// the UTC clock minute, as measured on fapi (a request at 00:01:23 counts toward 00:01:00; the count resets
/// at 00:02:00), and refused requests count too. A request that would take the window past the limit gets
/// 429 with <c>Retry-After</c> = seconds to the next window. A client that keeps sending after a 429 in the
/// same window is banned (418) on its <see cref="SimSettings.RestStrikesBeforeBan"/>-th further request;
/// bans start at <see cref="SimSettings.RestBanDuration"/> and double for repeat offenders up to
/// <see cref="SimSettings.RestMaxBanDuration"/> (live: 2 minutes to 3 days). While banned every call gets 418.
/// </summary>
internal sealed class RestRateLimiter
{
    private const long WindowMs = 60_000;
    private readonly object _gate = new();
    private readonly Dictionary<string, IpWeightState> _byIp = new(StringComparer.Ordinal);
    private readonly int _limit;
    private readonly int _strikesBeforeBan;
    private readonly long _banMs;
    private readonly long _maxBanMs;

    public RestRateLimiter(int limit, int strikesBeforeBan, TimeSpan ban, TimeSpan maxBan)
    {
        _limit = limit;
        _strikesBeforeBan = strikesBeforeBan;
        _banMs = Math.Max(1, (long)ban.TotalMilliseconds);
        _maxBanMs = Math.Max(_banMs, (long)maxBan.TotalMilliseconds);
    }

    public int Limit => _limit;

    /// <summary>
    /// Decides one request. <paramref name="weighted"/> false (fundingInfo) skips weight and strikes but not bans. A
    /// request that comes before the <c>Retry-After</c> of the IP's last 429 is marked
    /// <see cref="RestDecision.BeforeRetryAfter"/>, whatever its answer.
    /// </summary>
    public RestDecision Admit(string ip, int weight, bool weighted, ActiveFaults faults, long nowMs)
    {
        lock (_gate)
        {
            var state = State(ip, nowMs);
            var decision = Decide(state, weight, weighted, faults, nowMs) with { BeforeRetryAfter = nowMs < state.RetryAfterUntilMs };
            if (decision.Verdict == RestVerdict.TooMany) state.RetryAfterUntilMs = nowMs + decision.RetryAfterSeconds * 1000;
            return decision;
        }
    }

    private RestDecision Decide(IpWeightState state, int weight, bool weighted, ActiveFaults faults, long nowMs)
    {
        var faultBan = faults.BanUntilMs;
        if (Math.Max(faultBan, state.BannedUntilMs) > nowMs)
        {
            var until = Math.Max(faultBan, state.BannedUntilMs);
            return new RestDecision(RestVerdict.Banned, state.Used, Seconds(until - nowMs), until, ByFault: faultBan >= state.BannedUntilMs);
        }
        if (!weighted) return new RestDecision(RestVerdict.Allowed, state.Used);

        state.Used += weight;
        // A storm is trouble on the exchange's side: it answers 429 without counting strikes against the client.
        if (faults.IsStorming(nowMs)) return new RestDecision(RestVerdict.TooMany, state.Used, 1, ByFault: true);
        if (state.Refused && ++state.Strikes >= _strikesBeforeBan)
        {
            state.Bans++;
            var length = _banMs << Math.Min(state.Bans - 1, 30);
            state.BannedUntilMs = nowMs + Math.Min(length <= 0 ? _maxBanMs : length, _maxBanMs);
            state.Refused = false;
            state.Strikes = 0;
            return new RestDecision(RestVerdict.Banned, state.Used, Seconds(state.BannedUntilMs - nowMs), state.BannedUntilMs);
        }
        if (state.Refused || state.Used > _limit)
        {
            state.Refused = true;
            return new RestDecision(RestVerdict.TooMany, state.Used, Seconds(state.WindowStartMs + WindowMs - nowMs));
        }
        return new RestDecision(RestVerdict.Allowed, state.Used);
    }

    /// <summary>End of the ban on <paramref name="ip"/> (its own or a <c>rest-418</c> fault), or null when it is not banned.</summary>
    public long? BannedUntil(string ip, ActiveFaults faults, long nowMs)
    {
        lock (_gate)
        {
            var until = Math.Max(faults.BanUntilMs, _byIp.TryGetValue(ip, out var state) ? state.BannedUntilMs : 0);
            return until > nowMs ? until : null;
        }
    }

    /// <summary>The latest ban end over all IPs and faults still in force, or null.</summary>
    public long? AnyBannedUntil(ActiveFaults faults, long nowMs)
    {
        lock (_gate)
        {
            var until = _byIp.Values.Select(s => s.BannedUntilMs).Append(faults.BanUntilMs).Max();
            return until > nowMs ? until : null;
        }
    }

    private IpWeightState State(string ip, long nowMs)
    {
        if (!_byIp.TryGetValue(ip, out var state)) _byIp[ip] = state = new IpWeightState();
        var window = nowMs - nowMs % WindowMs;
        if (state.WindowStartMs != window)
        {
            state.WindowStartMs = window;
            state.Used = 0;
            state.Refused = false;
            state.Strikes = 0;
        }
        return state;
    }

    /// <summary>Whole seconds, rounded up and at least 1, so a client that sleeps Retry-After is never early.</summary>
    private static long Seconds(long ms) => Math.Max(1, (ms + 999) / 1000);
}
