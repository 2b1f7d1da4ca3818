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
/// stepped in real time. Start with <see cref="StartAsync"/>, point a client at <see cref="WebSocketBase"/>
/// and <see cref="RestBase"/>, dispose to stop.
/// </summary>
public sealed class SimExchange : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly MarketPump _pump;
    private readonly ConnectionRegistry _registry;
    private readonly CancellationTokenSource _stopping;
    private readonly FaultSwitch _faults;
    private int _disposed;

    private SimExchange(SimSettings settings, WebApplication app, MarketPump pump, ConnectionRegistry registry,
        CancellationTokenSource stopping, FaultSwitch faults, IReadOnlyList<string> symbols, Uri restBase)
    {
        Settings = settings;
        _app = app;
        _pump = pump;
        _registry = registry;
        _stopping = stopping;
        _faults = faults;
        Symbols = symbols;
        RestBase = restBase;
        WebSocketBase = new UriBuilder(restBase) { Scheme = "ws" }.Uri;
    }

    public SimSettings Settings { get; }

    /// <summary><c>ws://127.0.0.1:port</c>; append <c>/public/stream?streams=…</c>, <c>/market/ws</c>, ….</summary>
    public Uri WebSocketBase { get; }

    /// <summary><c>http://127.0.0.1:port</c>; append <c>/fapi/v1/…</c>.</summary>
    public Uri RestBase { get; }

    /// <summary>Listed symbols (upper case), as exchangeInfo reports them.</summary>
    public IReadOnlyList<string> Symbols { get; }

    public int OpenConnections => _registry.Count;

    /// <summary>Text frames written to WebSockets so far (data and control replies).</summary>
    public long FramesSent => _registry.FramesSent;

    /// <summary>Fault switches read on every request; replace to inject or clear faults while running.</summary>
    public SimFaults Faults
    {
        get => _faults.Current;
        set => _faults.Current = value;
    }

    /// <summary>Simulated time of the last market step (Unix ms).</summary>
    public long MarketTimeMs => _pump.Read(m => m.NowMs);

    /// <summary>A book snapshot straight from the model, for tests that compare the wire with the truth.</summary>
    public BookSnapshot? GetSnapshot(string symbol, int limit) => _pump.Read(m => m.TryGetSnapshot(symbol, limit, out var s) ? s : null);

    public static async Task<SimExchange> StartAsync(SimSettings settings, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var wallMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var stepMs = (long)settings.StepInterval.TotalMilliseconds;
        var clock = new ExchangeClock(settings.StartTimeMs ?? wallMs);
        var market = new SimMarket(settings.ToMarketSettings(settings.StartTimeMs ?? wallMs - wallMs % stepMs));

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

        var hub = new StreamHub();
        var registry = new ConnectionRegistry();
        var pump = new MarketPump(market, hub, clock, logger);
        var stopping = new CancellationTokenSource();
        var faults = new FaultSwitch(settings.Faults);
        var rest = new RestApi(pump, clock, market.Symbols, faults);
        var sockets = new WebSocketEndpoint(settings, hub, registry, logger, stopping.Token);

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
        var exchange = new SimExchange(settings, app, pump, registry, stopping, faults, symbols, new Uri(address));
        pump.Start();
        logger.LogInformation("Simulated exchange listening on {Address} with {Count} symbols", address, symbols.Length);
        return exchange;
    }

    /// <summary>Drops every open WebSocket without a close handshake; clients see a dead connection. Returns how many.</summary>
    public int DisconnectAll() => _registry.AbortAll();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await _pump.DisposeAsync();
        await _stopping.CancelAsync();
        _registry.AbortAll();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
