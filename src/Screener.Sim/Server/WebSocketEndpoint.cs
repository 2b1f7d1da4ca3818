using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Screener.Sim.Server;

/// <summary>
/// Accepts fstream WebSocket upgrades. The framework keep-alive sends a Ping every
/// <see cref="SimSettings.PingInterval"/> and aborts the socket when no Pong arrives within
/// <see cref="SimSettings.PongTimeout"/> (.NET 9+ semantics), which is the fstream ping rule. A banned IP
/// gets the REST ban answer (418) instead of an upgrade.
/// </summary>
internal sealed class WebSocketEndpoint
{
    private readonly ConnectionServices _services;
    private readonly RestRateLimiter _limiter;
    private readonly CancellationToken _stopping;

    public WebSocketEndpoint(ConnectionServices services, RestRateLimiter limiter, CancellationToken stopping)
    {
        _services = services;
        _limiter = limiter;
        _stopping = stopping;
    }

    public async Task HandleAsync(HttpContext context, WsEndpoint endpoint)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        var ip = ClientAddress.Of(context);
        var now = _services.Clock.NowMs;
        if (_limiter.BannedUntil(ip, _services.Faults.Active, now) is { } until)
        {
            ExchangeCounters.Bump(ref _services.Counters.WsRefusedWhileBanned);
            context.Response.StatusCode = 418;
            context.Response.ContentType = "application/json;charset=UTF-8";
            context.Response.Headers.RetryAfter = Math.Max(1, (until - now + 999) / 1000).ToString(CultureInfo.InvariantCulture);
            await context.Response.Body.WriteAsync(RestBodies.Banned(until), context.RequestAborted);
            return;
        }

        var settings = _services.Settings;
        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            KeepAliveInterval = settings.PingInterval,
            KeepAliveTimeout = settings.PongTimeout,
        });
        var registry = _services.Registry;
        var connection = new SimConnection(registry.NextId(), socket, context, endpoint, _services, ip);
        // The WebSocket reads nothing before RunAsync, so attaching the scanner here misses no frame.
        TappedUpgradeFeature.Of(context)?.Scanner = new ClientFrameScanner(connection.OnClientFrame);
        registry.Add(connection);
        _services.Logger.LogDebug("Connection {Id} opened on {Path} ({Route}, combined={Combined})", connection.Id, context.Request.Path, endpoint.Route, endpoint.Combined);
        try
        {
            await connection.RunAsync(_stopping);
        }
        finally
        {
            registry.Remove(connection);
            _services.Logger.LogDebug("Connection {Id} closed", connection.Id);
        }
    }
}
