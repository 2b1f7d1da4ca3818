using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Screener.Sim.Faults;
using Screener.Sim.Market;

namespace Screener.Sim.Server;

/// <summary>
/// The public fapi REST endpoints the screener bootstraps from: exchangeInfo, depth, ping and time. Every
/// response carries <c>X-MBX-USED-WEIGHT-1M</c>; weights and error bodies follow PROTOCOL.md §5 and §7.
/// </summary>
internal sealed class RestApi
{
    private static readonly int[] DepthLimits = [5, 10, 20, 50, 100, 500, 1000];
    private const int DefaultDepthLimit = 500;

    private readonly MarketPump _pump;
    private readonly ExchangeClock _clock;
    private readonly RequestWeightMeter _meter = new();
    private readonly IReadOnlyList<SymbolSpec> _symbols;
    private readonly FaultSwitch _faults;

    public RestApi(MarketPump pump, ExchangeClock clock, IReadOnlyList<SymbolSpec> symbols, FaultSwitch faults)
    {
        _pump = pump;
        _clock = clock;
        _symbols = symbols;
        _faults = faults;
    }

    /// <summary>Serves the request when its path is a known endpoint; false lets the caller answer 404.</summary>
    public async Task<bool> TryHandleAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method)) return false;
        var response = context.Request.Path.Value switch
        {
            "/fapi/v1/ping" => (1, 200, "{}"u8.ToArray()),
            "/fapi/v1/time" => (1, 200, ServerTime()),
            "/fapi/v1/exchangeInfo" => (1, 200, ExchangeInfoWriter.Write(_symbols, _clock.NowMs)),
            "/fapi/v1/depth" => Depth(context.Request.Query),
            _ => ((int Weight, int Status, byte[] Body)?)null,
        };
        if (response is not { } found) return false;
        var (weight, status, body) = found;

        var ip = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var used = _meter.Add(ip, weight, _clock.NowMs);
        var latency = _faults.Current.RestLatency;
        if (latency > TimeSpan.Zero) await Task.Delay(latency, context.RequestAborted);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json;charset=UTF-8";
        context.Response.Headers["X-MBX-USED-WEIGHT-1M"] = used.ToString(CultureInfo.InvariantCulture);
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
        return true;
    }

    private (int Weight, int Status, byte[] Body) Depth(IQueryCollection query)
    {
        int? limit = null;
        if (query.TryGetValue("limit", out var limitText))
        {
            if (!int.TryParse(limitText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                return (1, 400, Error(-1100, $"Illegal characters found in parameter 'limit'; legal range is '^[0-9]{{1,20}}$'."));
            limit = parsed;
        }
        // fapi: no limit → 500 levels for weight 1 [obs 2026-10]; otherwise 2/5/10/20 by size, charged even when refused.
        var weight = limit switch { null => 1, <= 50 => 2, <= 100 => 5, <= 500 => 10, _ => 20 };
        var symbol = query["symbol"].ToString();
        if (symbol.Length == 0)
            return (weight, 400, Error(-1102, "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed."));
        if (limit is { } l && Array.IndexOf(DepthLimits, l) < 0)
            return (weight, 400, Error(-4021, $"'{l}' is not valid depth limit."));
        var snapshot = _pump.Read(m => m.TryGetSnapshot(symbol, limit ?? DefaultDepthLimit, out var s) ? s : null);
        if (snapshot is null) return (weight, 400, Error(-1121, "Invalid symbol."));
        return (weight, 200, DepthBody(snapshot, _clock.NowMs));
    }

    private byte[] ServerTime() => Json(w => w.WriteNumber("serverTime", _clock.NowMs));

    private static byte[] DepthBody(BookSnapshot snapshot, long nowMs) => Json(w =>
    {
        w.WriteNumber("lastUpdateId", snapshot.LastUpdateId);
        w.WriteNumber("E", Math.Max(nowMs, snapshot.TransactionTimeMs));
        w.WriteNumber("T", snapshot.TransactionTimeMs);
        Levels(w, "bids", snapshot.Bids);
        Levels(w, "asks", snapshot.Asks);
    });

    private static void Levels(Utf8JsonWriter w, string name, IReadOnlyList<BookLevel> levels)
    {
        w.WriteStartArray(name);
        foreach (var level in levels)
        {
            w.WriteStartArray();
            w.WriteStringValue(level.Price);
            w.WriteStringValue(level.Quantity);
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }

    private static byte[] Error(int code, string message) => Json(w =>
    {
        w.WriteNumber("code", code);
        w.WriteString("msg", message);
    });

    private static byte[] Json(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
