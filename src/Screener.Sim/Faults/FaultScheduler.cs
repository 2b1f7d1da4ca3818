using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using Screener.Sim.Server;

namespace Screener.Sim.Faults;

/// <summary>
/// The exchange's timekeeper for everything that happens to sockets on a schedule, checked every
/// <see cref="TickMs"/>: the periodic faults (<c>disconnect-every</c>, <c>gap-every</c>, <c>malformed-every</c>,
/// each first due one period after activation), bans (a banned IP's open sockets are closed 1008), and the
/// connection lifetime (<c>lifetime</c>, else <see cref="SimSettings.ConnectionLifetime"/>; a normal close).
/// </summary>
internal sealed class FaultScheduler : IAsyncDisposable
{
    private const int TickMs = 10;
    private readonly FaultSwitch _faults;
    private readonly ConnectionServices _services;
    private readonly EventFaultFilter _events;
    private readonly RestRateLimiter _limiter;
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private ActiveFaults? _seen;
    private long _nextDisconnect;
    private long _nextGap;
    private long _nextMalformed;
    private int _malformedKind;

    public FaultScheduler(ConnectionServices services, EventFaultFilter events, RestRateLimiter limiter)
    {
        _services = services;
        _faults = services.Faults;
        _events = events;
        _limiter = limiter;
    }

    public void Start() => _loop = Task.Run(() => RunAsync(_stop.Token));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Expected on shutdown.
        }
        _stop.Dispose();
    }

    /// <summary>One pass at exchange time <paramref name="nowMs"/>.</summary>
    public void Tick(long nowMs)
    {
        var active = _faults.Active;
        var faults = active.Faults;
        if (!ReferenceEquals(active, _seen))
        {
            // New settings: periods restart from their activation.
            _seen = active;
            _nextDisconnect = active.ActivatedMs + Ms(faults.DisconnectEvery);
            _nextGap = active.ActivatedMs + Ms(faults.GapEvery);
            _nextMalformed = active.ActivatedMs + Ms(faults.MalformedEvery);
        }
        var counters = _services.Counters;
        var registry = _services.Registry;
        if (IsDue(ref _nextDisconnect, faults.DisconnectEvery, nowMs))
            ExchangeCounters.Add(ref counters.DisconnectsForced, registry.AbortAll());
        if (IsDue(ref _nextGap, faults.GapEvery, nowMs)) _events.ArmGap(faults.GapSymbol);
        var malformed = IsDue(ref _nextMalformed, faults.MalformedEvery, nowMs);
        var lifetimeMs = Ms(faults.Lifetime > TimeSpan.Zero ? faults.Lifetime : _services.Settings.ConnectionLifetime);
        foreach (var connection in registry.Snapshot())
        {
            if (_limiter.BannedUntil(connection.Ip, active, nowMs) is not null)
            {
                if (connection.TryClose(WebSocketCloseStatus.PolicyViolation, "Policy violation")) ExchangeCounters.Bump(ref counters.WsClosedForBan);
                continue;
            }
            if (nowMs - connection.OpenedMs >= lifetimeMs)
            {
                // Live ends a connection after 24 h with a plain close; the client reconnects and resyncs.
                if (connection.TryClose(WebSocketCloseStatus.NormalClosure, null)) ExchangeCounters.Bump(ref counters.LifetimesCut);
                continue;
            }
            if (malformed) connection.EnqueueMalformed(_malformedKind);
        }
        if (malformed) _malformedKind = (_malformedKind + 1) % MalformedFrames.Kinds;
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(TickMs));
        while (await timer.WaitForNextTickAsync(stopping))
        {
            try
            {
                Tick(_services.Clock.NowMs);
            }
            catch (Exception ex)
            {
                // A fault that throws must not stop bans and lifetimes from being enforced.
                _services.Logger.LogError(ex, "Fault scheduler tick failed");
            }
        }
    }

    /// <summary>True when a period ends at or before <paramref name="nowMs"/>; missed periods are skipped, not replayed.</summary>
    private static bool IsDue(ref long next, TimeSpan period, long nowMs)
    {
        var periodMs = Ms(period);
        if (periodMs <= 0 || nowMs < next) return false;
        while (next <= nowMs) next += periodMs;
        return true;
    }

    private static long Ms(TimeSpan value) => (long)value.TotalMilliseconds;
}
