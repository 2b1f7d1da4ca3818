using Screener.Analytics.Scoring;
using Screener.Contracts;

namespace Screener.Pipeline.Models;

/// <summary>
/// The predictor the graph runs, and the hand-over to a new one between ticks without stopping the graph.
/// <para>A new predictor is <see cref="Offer"/>ed (by the model watcher, from any thread). The clock stage, before it
/// emits the ticks of a cadence time, calls <see cref="Schedule"/>: an offered predictor becomes the one for that tick
/// time and every later one. Substreams pick their predictor by the tick's time (<see cref="For"/>), so a snapshot of an
/// earlier tick that is still in flight finishes on the old predictor, and every symbol of a round uses the same one.
/// When the ranking stage completes the first round at or after the switch time (<see cref="RoundCompleted"/>), every
/// earlier snapshot is done: the old predictor is disposed and the <see cref="ModelSwitch"/> returned for the journal.
/// Because the switch time is a tick time, what happens in the graph depends only on the stream's content from there on.</para>
/// </summary>
public sealed class PredictorHost : IDisposable
{
    private readonly Lock _gate = new();
    private volatile State _state;

    public PredictorHost(IPredictor initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        _state = new State(initial, null, long.MaxValue);
    }

    /// <summary>The predictor of the latest scheduled tick (the new one as soon as a switch is scheduled).</summary>
    public IPredictor Current
    {
        get
        {
            var s = _state;
            return s.Scheduled ? s.Next! : s.Active;
        }
    }

    /// <summary>A predictor offered and not yet switched to, if any.</summary>
    public IPredictor? Pending => _state.Next;

    /// <summary>
    /// Offers <paramref name="next"/>: it is switched to at the next tick the clock schedules. An earlier offer that is
    /// not yet scheduled is replaced (and disposed); while a switch is scheduled but not complete, the offer is refused.
    /// </summary>
    /// <returns>False when refused: a switch is under way; offer again after it completes.</returns>
    public bool Offer(IPredictor next)
    {
        ArgumentNullException.ThrowIfNull(next);
        lock (_gate)
        {
            var s = _state;
            if (s.Scheduled) return false;
            var replaced = s.Next;
            _state = s with { Next = next };
            (replaced as IDisposable)?.Dispose();
            return true;
        }
    }

    /// <summary>Called by the clock stage before it emits the ticks of <paramref name="tickTime"/>.</summary>
    public void Schedule(long tickTime)
    {
        if (_state is not { Next: not null, Scheduled: false }) return;
        lock (_gate)
        {
            var s = _state;
            if (s is { Next: not null, Scheduled: false }) _state = s with { From = tickTime };
        }
    }

    /// <summary>The predictor for a tick at <paramref name="tickTime"/>.</summary>
    public IPredictor For(long tickTime)
    {
        var s = _state;
        return s.Next is not null && tickTime >= s.From ? s.Next : s.Active;
    }

    /// <summary>
    /// Called by the ranking stage when the round at <paramref name="roundTime"/> is complete (rounds complete in time
    /// order). Returns the switch when this round completes it, else null.
    /// </summary>
    public ModelSwitch? RoundCompleted(long roundTime)
    {
        var s = _state;
        if (s.Next is null || roundTime < s.From) return null;
        lock (_gate)
        {
            s = _state;
            if (s.Next is null || roundTime < s.From) return null;
            _state = new State(s.Next, null, long.MaxValue);
            (s.Active as IDisposable)?.Dispose();
            return new ModelSwitch(s.From, s.Active.ModelVersion, s.Next.ModelVersion);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            var s = _state;
            (s.Active as IDisposable)?.Dispose();
            (s.Next as IDisposable)?.Dispose();
        }
    }

    /// <param name="From">The tick time the switch to <paramref name="Next"/> takes effect; <see cref="long.MaxValue"/> until scheduled.</param>
    private sealed record State(IPredictor Active, IPredictor? Next, long From)
    {
        public bool Scheduled => Next is not null && From != long.MaxValue;
    }
}
