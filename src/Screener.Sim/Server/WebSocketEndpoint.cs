using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Screener.Sim.Server;

/// <summary>
/// Accepts fstream WebSocket upgrades. The framework keep-alive sends a Ping every
/// <see cref="SimSettings.PingInterval"/> and aborts the socket when no Pong arrives within
/// <see cref="SimSettings.PongTimeout"/> (.NET 9+ semantics), which is the fstream ping rule.
/// </summary>
internal sealed class WebSocketEndpoint
{
    private readonly SimSettings _settings;
    private readonly StreamHub _hub;
    private readonly ConnectionRegistry _registry;
    private readonly ILogger _logger;
    private readonly CancellationToken _stopping;

    public WebSocketEndpoint(SimSettings settings, StreamHub hub, ConnectionRegistry registry, ILogger logger, CancellationToken stopping)
    {
        _settings = settings;
        _hub = hub;
        _registry = registry;
        _logger = logger;
        _stopping = stopping;
    }

    public async Task HandleAsync(HttpContext context, WsEndpoint endpoint)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            KeepAliveInterval = _settings.PingInterval,
            KeepAliveTimeout = _settings.PongTimeout,
        });
        var connection = new SimConnection(_registry.NextId(), socket, context, endpoint, _hub, _registry, _settings, _logger);
        _registry.Add(connection);
        _logger.LogDebug("Connection {Id} opened on {Path} ({Route}, combined={Combined})", connection.Id, context.Request.Path, endpoint.Route, endpoint.Combined);
        try
        {
            await connection.RunAsync(_stopping);
        }
        finally
        {
            _registry.Remove(connection);
            _logger.LogDebug("Connection {Id} closed", connection.Id);
        }
    }
}
