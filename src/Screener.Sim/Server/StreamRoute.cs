namespace Screener.Sim.Server;

/// <summary>The fstream URL family a connection came in on (split announced 2026-03, legacy retired 2026-04-23).</summary>
internal enum StreamRoute
{
    /// <summary><c>/public/…</c>: high-frequency book streams (<c>@depth*</c>, <c>@bookTicker</c>, <c>@trade</c>).</summary>
    Public,

    /// <summary><c>/market/…</c>: everything else (<c>@aggTrade</c>, <c>@markPrice*</c>, <c>@kline_*</c>, <c>@forceOrder</c>, …).</summary>
    Market,

    /// <summary>Unprefixed <c>/ws</c>, <c>/stream</c>: ACKs everything but delivers only public streams.</summary>
    Legacy,
}
