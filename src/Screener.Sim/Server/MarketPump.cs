using Microsoft.Extensions.Logging;
using Screener.Sim.Faults;
using Screener.Sim.Market;

namespace Screener.Sim.Server;

/// <summary>
/// Paces <see cref="SimMarket.Step(System.Func{string,bool})"/> to the exchange clock (one step per step
/// interval, catching up after a stall so event times track wall time) and fans each step's events out,
/// after the <see cref="EventFaultFilter"/> has removed what the gap and silent faults withhold.
/// Owns the lock that keeps REST snapshots from reading the book mid-step.
/// </summary>
internal sealed class MarketPump : IAsyncDisposable
{
    private readonly SimMarket _market;
    private readonly StreamHub _hub;
    private readonly EventFaultFilter _filter;
    private readonly ExchangeClock _clock;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    public MarketPump(SimMarket market, StreamHub hub, EventFaultFilter filter, ExchangeClock clock, ILogger logger)
    {
        _market = market;
        _hub = hub;
        _filter = filter;
        _clock = clock;
        _logger = logger;
    }

    public void Start() => _loop = Task.Run(() => RunAsync(_stop.Token));

    /// <summary>Runs <paramref name="read"/> against the market between steps.</summary>
    public T Read<T>(Func<SimMarket, T> read)
    {
        lock (_gate) return read(_market);
    }

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

    private async Task RunAsync(CancellationToken stopping)
    {
        var stepMs = _market.Settings.StepMs;
        while (!stopping.IsCancellationRequested)
        {
            var wait = _market.NowMs + stepMs - _clock.NowMs;
            if (wait > 0) await Task.Delay(TimeSpan.FromMilliseconds(wait), stopping);
            try
            {
                IReadOnlyList<SimEvent> events;
                lock (_gate) events = _market.Step(_hub.IsWanted);
                _hub.Publish(_filter.Apply(events));
            }
            catch (Exception ex)
            {
                // A broken step must not silently freeze the feed; log it loudly and keep the clock going.
                _logger.LogError(ex, "Market step failed at {NowMs}", _market.NowMs);
                await Task.Delay(TimeSpan.FromMilliseconds(stepMs), stopping);
            }
        }
    }
}
