namespace Screener.Analytics.Ranking;

/// <summary>
/// One symbol's recent board transitions (entries and exits, "flips"), for the flip budget and the re-entry
/// cooldown. Queries must come in non-decreasing round order: a query forgets the flips that fell out of its window.
/// </summary>
internal sealed class FlipHistory
{
    private readonly Queue<long> _flips = new();
    private long? _lastExit;

    public void Entered(long round) => _flips.Enqueue(round);

    public void Exited(long round)
    {
        _flips.Enqueue(round);
        _lastExit = round;
    }

    /// <summary>Flips in the <paramref name="window"/> rounds ending at <paramref name="round"/>: rounds (round - window, round].</summary>
    public int FlipsWithin(long round, int window)
    {
        while (_flips.Count > 0 && _flips.Peek() <= round - window) _flips.Dequeue();
        return _flips.Count;
    }

    /// <summary>
    /// Whether the symbol left fewer than <paramref name="cooldown"/> rounds before <paramref name="round"/>, or in
    /// that very round, whatever the cooldown.
    /// </summary>
    public bool IsCooling(long round, int cooldown) => _lastExit is { } exit && round - exit < Math.Max(cooldown, 1);
}
