using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Screener.Sim.Faults;
using Screener.Sim.Market;

namespace Screener.Sim.Server;

/// <summary>
/// A Binance USDⓈ-M futures look-alike on loopback: Kestrel serving fstream WebSocket paths
/// (<c>/public</c>, <c>/market</c>, legacy) and the fapi REST bootstrap, fed by a <see cref="SimMarket"/>
/// stepped in real time (or, in blast mode, a pre-generated tape sent at full speed). Start with <see cref="StartAsync"/>, point a client at <see cref="WebSocketBase"/>
/// and <see cref="RestBase"/>, dispose to stop.
/// </summary>
public sealed class SimExchange : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly MarketPump _pump;
    private readonly ConnectionServices _services;
    private readonly ConnectionRegistry _registry;
    private readonly CancellationTokenSource _stopping;
    private readonly FaultSwitch _faults;
    private readonly FaultScheduler _scheduler;
    private readonly RestRateLimiter _limiter;
    private readonly ExchangeCounters _counters;
    private readonly ExchangeClock _clock;
    private int _disposed;

    private SimExchange(SimSettings settings, WebApplication app, MarketPump pump, ConnectionServices services,
        CancellationTokenSource stopping, FaultScheduler scheduler, RestRateLimiter limiter, IReadOnlyList<string> symbols, Uri restBase)
    {
        Settings = settings;
        _app = app;
        _pump = pump;
        _services = services;
        _registry = services.Registry;
        _stopping = stopping;
        _faults = services.Faults;
        _scheduler = scheduler;
        _limiter = limiter;
        _counters = services.Counters;
        _clock = services.Clock;
        Symbols = symbols;
        RestBase = restBase;
        WebSocketBase = new UriBuilder(restBase) { Scheme = "ws" }.Uri;
    }

    public SimSettings Settings { get; }

    /// <summary>The blast tape in blast mode (<see cref="SimSettings.Blast"/>), else null.</summary>
    public BlastTape? Tape => _services.Blast;

    /// <summary><c>ws://127.0.0.1:port</c>; append <c>/public/stream?streams=…</c>, <c>/market/ws</c>, ….</summary>
    public Uri WebSocketBase { get; }

    /// <summary><c>http://127.0.0.1:port</c>; append <c>/fapi/v1/…</c>.</summary>
    public Uri RestBase { get; }

    /// <summary>Simulated symbols (upper case): TRADING USDT perpetuals that stream and answer REST, in exchangeInfo order.</summary>
    public IReadOnlyList<string> Symbols { get; }

    /// <summary>
    /// exchangeInfo rows after <see cref="Symbols"/> that are listed but never stream (a quarterly, a SETTLING
    /// and a PENDING_TRADING perpetual, a USDC perpetual), for universe filters to reject.
    /// </summary>
    public IReadOnlyList<string> ExtraListings { get; } = Server.ExtraListings.All.Select(l => l.Symbol).ToArray();

    public int OpenConnections => _registry.Count;

    /// <summary>Text frames written to WebSockets so far (data and control replies).</summary>
    public long FramesSent => _registry.FramesSent;

    /// <summary>
    /// REST requests received on a known endpoint, whatever the answer (200, 4xx, 429, 418), counted on arrival:
    /// what a client sent, for checking that it stays quiet during a ban.
    /// </summary>
    public long RestRequestCount => Interlocked.Read(ref _counters.RestRequests);

    /// <summary>
    /// REST requests that came from an IP before the <c>Retry-After</c> of its last 429 had passed (storm or weight
    /// limit): a client that honours Retry-After and has one request at a time in flight never sends one.
    /// </summary>
    public long RestCallsBeforeRetryAfter => Interlocked.Read(ref _counters.RestBeforeRetryAfter);

    /// <summary>REST calls answered 429 (weight limit or <c>rest-429-storm</c>).</summary>
    public long Rest429Count => Interlocked.Read(ref _counters.Rest429);

    /// <summary>REST calls answered 418 (banned IP or <c>rest-418</c>).</summary>
    public long Rest418Count => Interlocked.Read(ref _counters.Rest418);

    /// <summary>End of the longest ban in force (exchange clock), or null when nobody is banned.</summary>
    public DateTimeOffset? BannedUntil =>
        _limiter.AnyBannedUntil(_faults.Active, _clock.NowMs) is { } until ? DateTimeOffset.FromUnixTimeMilliseconds(until) : null;

    /// <summary>WebSocket upgrades refused (418) because the IP was banned.</summary>
    public long WebSocketsRefusedWhileBanned => Interlocked.Read(ref _counters.WsRefusedWhileBanned);

    /// <summary>Open WebSockets closed 1008 because their IP got banned.</summary>
    public long WebSocketsClosedForBan => Interlocked.Read(ref _counters.WsClosedForBan);

    /// <summary>Strict mode: connections closed 1008 "Too many requests" for sending too many frames per second.</summary>
    public long MessageRateCloses => Interlocked.Read(ref _counters.MessageRateCloses);

    /// <summary>Strict mode: connections closed 1008 "Invalid request" after error 4 (too many subscriptions).</summary>
    public long SubscriptionLimitCloses => Interlocked.Read(ref _counters.SubscriptionLimitCloses);

    /// <summary>Strict mode: subscriptions ACKed on a path family that does not carry them (they stay silent).</summary>
    public long UncarriedSubscriptions => Interlocked.Read(ref _counters.UncarriedSubscriptions);

    /// <summary>What each fault has done so far.</summary>
    public SimFaultCounters FaultCounters => _counters.FaultSnapshot();

    /// <summary>
    /// Fault switches read on every request and frame; replace to inject or clear faults while running. Setting
    /// a value (even an equal one) restarts its "from activation" clock. Throws on an invalid value.
    /// </summary>
    public SimFaults Faults
    {
        get => _faults.Current;
        set => _faults.Current = value;
    }

    /// <summary>Simulated time of the last market step (Unix ms).</summary>
    public long MarketTimeMs => _pump.Read(m => m.NowMs);

    /// <summary>The planted in-play episodes so far (their truth; none of it reaches the wire), or none when episodes are off.</summary>
    public IReadOnlyList<Market.Episodes.InPlayEpisode> Episodes => _pump.Read(m => m.Episodes.ToArray());

    /// <summary>A book snapshot straight from the model, for tests that compare the wire with the truth.</summary>
    public BookSnapshot? GetSnapshot(string symbol, int limit) => _pump.Read(m => m.TryGetSnapshot(symbol, limit, out var s) ? s : null);

    public static async Task<SimExchange> StartAsync(SimSettings settings, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var wallMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var stepMs = (long)settings.StepInterval.TotalMilliseconds;
        var startMs = settings.StartTimeMs ?? settings.Blast?.StartTimeMs;
        var clock = new ExchangeClock(startMs ?? wallMs);
        var marketSettings = settings.ToMarketSettings(startMs ?? wallMs - wallMs % stepMs);
        var market = new SimMarket(marketSettings);
        // Blast mode steps a twin of the market through the whole tape; the served market stays at the tape's start.
        var tape = settings.Blast is { } blast ? await Task.Run(() => BlastTape.Generate(marketSettings, blast), cancellationToken) : null;

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(SimExchange).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Parse(settings.Host), settings.Port));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.Logging.ClearProviders();
        if (loggerFactory is null)
        {
            // Quiet by default: the host is a test fixture, only trouble is worth printing.
            builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        }
        else
        {
            builder.Services.AddSingleton(loggerFactory);
        }
        var app = builder.Build();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<SimExchange>();

        var counters = new ExchangeCounters();
        var faults = new FaultSwitch(settings.Faults, clock);
        var hub = new StreamHub();
        var services = new ConnectionServices(settings, hub, new ConnectionRegistry(), clock, faults, counters, logger, tape);
        var filter = new EventFaultFilter(faults, hub, market.Symbols, counters);
        var pump = new MarketPump(market, hub, filter, clock, logger);
        var limiter = new RestRateLimiter(settings.RestWeightLimit, settings.RestStrikesBeforeBan, settings.RestBanDuration, settings.RestMaxBanDuration);
        var stopping = new CancellationTokenSource();
        var rest = new RestApi(pump, clock, market.Symbols, faults, limiter, counters);
        var sockets = new WebSocketEndpoint(services, limiter, stopping.Token);
        var scheduler = new FaultScheduler(services, filter, limiter);

        // Ahead of the WebSocket middleware, so its WebSocket runs over a stream that counts client frames and can pause output.
        app.Use((context, next) =>
        {
            TappedUpgradeFeature.Install(context, inner => new TappedStream(inner,
                () => faults.Active.PauseRemainingMs(clock.NowMs), () => ExchangeCounters.Bump(ref counters.WritesPaused)));
            return next(context);
        });
        app.UseWebSockets();
        app.Run(async context =>
        {
            if (WsEndpoint.TryParse(context.Request.Path.Value ?? "/", context.Request.Query["streams"], out var endpoint))
                await sockets.HandleAsync(context, endpoint);
            else if (!await rest.TryHandleAsync(context))
                context.Response.StatusCode = StatusCodes.Status404NotFound;
        });
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            // Port taken or start cancelled: release what was built before reporting the failure.
            await app.DisposeAsync();
            stopping.Dispose();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var symbols = market.Symbols.Select(s => s.Symbol).ToArray();
        var exchange = new SimExchange(settings, app, pump, services, stopping, scheduler, limiter, symbols, new Uri(address));
        if (tape is null) pump.Start();
        scheduler.Start();
        logger.LogInformation("Simulated exchange listening on {Address} with {Count} symbols, strict={Strict}, faults: {Faults}",
            address, symbols.Length, settings.Strict, settings.Faults.Describe());
        return exchange;
    }

    /// <summary>Drops every open WebSocket without a close handshake; clients see a dead connection. Returns how many.</summary>
    public int DisconnectAll()
    {
        var count = _registry.AbortAll();
        ExchangeCounters.Add(ref _counters.DisconnectsForced, count);
        return count;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await _pump.DisposeAsync();
        await _scheduler.DisposeAsync();
        await _stopping.CancelAsync();
        _registry.AbortAll();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
