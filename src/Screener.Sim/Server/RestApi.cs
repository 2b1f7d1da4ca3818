using System.Globalization;
using Microsoft.AspNetCore.Http;
using Screener.Sim.Faults;
using Screener.Sim.Market;

namespace Screener.Sim.Server;

/// <summary>
/// The public fapi REST endpoints: exchangeInfo, depth, ping, time, ticker/24hr, premiumIndex, openInterest
/// and fundingInfo, behind the <see cref="RestRateLimiter"/>. Weighted responses carry
/// <c>X-MBX-USED-WEIGHT-1M</c>; fundingInfo has no weight and no header, as live. Weights and error bodies
/// follow PROTOCOL.md §5-§7.
/// </summary>
internal sealed class RestApi
{
    private static readonly int[] DepthLimits = [5, 10, 20, 50, 100, 500, 1000];
    private const int DefaultDepthLimit = 500;

    private readonly MarketPump _pump;
    private readonly ExchangeClock _clock;
    private readonly IReadOnlyList<SymbolSpec> _symbols;
    private readonly IReadOnlyList<Listing> _listings;
    private readonly FaultSwitch _faults;
    private readonly RestRateLimiter _limiter;
    private readonly ExchangeCounters _counters;

    public RestApi(MarketPump pump, ExchangeClock clock, IReadOnlyList<SymbolSpec> symbols, FaultSwitch faults, RestRateLimiter limiter, ExchangeCounters counters)
    {
        _pump = pump;
        _clock = clock;
        _symbols = symbols;
        _listings = [.. symbols.Select(Listing.Simulated), .. ExtraListings.All];
        _faults = faults;
        _limiter = limiter;
        _counters = counters;
    }

    /// <summary>Serves the request when its path is a known endpoint; false lets the caller answer 404.</summary>
    public async Task<bool> TryHandleAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method)) return false;
        if (Route(context.Request.Path.Value, context.Request.Query) is not { } call) return false;
        ExchangeCounters.Bump(ref _counters.RestRequests);

        var ip = ClientAddress.Of(context);
        var faults = _faults.Active;
        var decision = _limiter.Admit(ip, call.Weight, call.Weighted, faults, _clock.NowMs);
        if (decision.BeforeRetryAfter) ExchangeCounters.Bump(ref _counters.RestBeforeRetryAfter);
        var reply = decision.Verdict switch
        {
            RestVerdict.Allowed => call.Produce(),
            RestVerdict.TooMany => Refuse(429, RestBodies.TooManyRequests(_limiter.Limit), decision, ref _counters.Rest429, ref _counters.Storm429s),
            _ => Refuse(418, RestBodies.Banned(decision.BannedUntilMs), decision, ref _counters.Rest418, ref _counters.Fault418s),
        };

        var latency = faults.Faults.RestLatency;
        if (latency > TimeSpan.Zero) await Task.Delay(latency, context.RequestAborted);
        var response = context.Response;
        response.StatusCode = reply.Status;
        response.ContentType = "application/json;charset=UTF-8";
        if (call.Weighted) response.Headers["X-MBX-USED-WEIGHT-1M"] = decision.UsedWeight.ToString(CultureInfo.InvariantCulture);
        if (decision.Verdict != RestVerdict.Allowed) response.Headers.RetryAfter = decision.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        await response.Body.WriteAsync(reply.Body, context.RequestAborted);
        return true;
    }

    private static RestReply Refuse(int status, byte[] body, RestDecision decision, ref long total, ref long byFault)
    {
        ExchangeCounters.Bump(ref total);
        if (decision.ByFault) ExchangeCounters.Bump(ref byFault);
        return new RestReply(status, body);
    }

    private RestCall? Route(string? path, IQueryCollection query)
    {
        var symbol = query["symbol"].ToString();
        var hasSymbol = symbol.Length > 0;
        return path switch
        {
            "/fapi/v1/ping" => new RestCall(1, () => Ok("{}"u8.ToArray())),
            "/fapi/v1/time" => new RestCall(1, () => Ok(RestBodies.ServerTime(_clock.NowMs))),
            "/fapi/v1/exchangeInfo" => new RestCall(1, () => Ok(ExchangeInfoWriter.Write(_listings, _limiter.Limit, _clock.NowMs))),
            "/fapi/v1/depth" => Depth(query, symbol),
            "/fapi/v1/ticker/24hr" => hasSymbol
                ? new RestCall(1, () => Known(_pump.Read(m => m.Ticker(symbol)), RestBodies.Ticker))
                : new RestCall(40, () => Ok(RestBodies.Tickers(_pump.Read(m => m.Tickers())))),
            "/fapi/v1/premiumIndex" => hasSymbol
                ? new RestCall(1, () => Known(_pump.Read(m => m.Premium(symbol)), RestBodies.Premium))
                : new RestCall(10, () => Ok(RestBodies.Premiums(_pump.Read(m => m.Premiums())))),
            "/fapi/v1/openInterest" => hasSymbol
                ? new RestCall(1, () => Known(_pump.Read(m => m.OpenInterest(symbol)), RestBodies.OpenInterest))
                : new RestCall(1, MissingSymbol),
            "/fapi/v1/fundingInfo" => new RestCall(0, () => Ok(RestBodies.FundingInfo(_symbols)), Weighted: false),
            _ => null,
        };
    }

    private RestCall Depth(IQueryCollection query, string symbol)
    {
        int? limit = null;
        if (query.TryGetValue("limit", out var limitText))
        {
            if (!int.TryParse(limitText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                return new RestCall(1, () => new RestReply(400, RestBodies.Error(-1100, "Illegal characters found in parameter 'limit'; legal range is '^[0-9]{1,20}$'.")));
            limit = parsed;
        }
        // fapi: no limit → 500 levels for weight 1 [obs 2026-10]; otherwise 2/5/10/20 by size, charged even when refused.
        var weight = limit switch { null => 1, <= 50 => 2, <= 100 => 5, <= 500 => 10, _ => 20 };
        if (symbol.Length == 0) return new RestCall(weight, MissingSymbol);
        if (limit is { } l && Array.IndexOf(DepthLimits, l) < 0)
            return new RestCall(weight, () => new RestReply(400, RestBodies.Error(-4021, $"'{l}' is not valid depth limit.")));
        return new RestCall(weight, () => Known(
            _pump.Read(m => m.TryGetSnapshot(symbol, limit ?? DefaultDepthLimit, out var s) ? s : null),
            snapshot => RestBodies.Depth(snapshot, _clock.NowMs)));
    }

    private static RestReply Ok(byte[] body) => new(200, body);

    private static RestReply MissingSymbol() =>
        new(400, RestBodies.Error(-1102, "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed."));

    /// <summary>200 with the row, or the live answer for a symbol that is not simulated: 400 -1121.</summary>
    private static RestReply Known<T>(T? row, Func<T, byte[]> write) where T : class =>
        row is null ? new RestReply(400, RestBodies.Error(-1121, "Invalid symbol.")) : Ok(write(row));
}
