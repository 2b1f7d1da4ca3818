namespace Screener.Contracts.Time;

/// <summary>
/// The only way code reads wall-clock time. Stages never call <see cref="DateTime.UtcNow"/>: live nodes use
/// <see cref="SystemClock"/> at the edges (receive timestamps, heartbeats), replays use recorded times.
/// </summary>
public interface IClock
{
    /// <summary>Now, in UTC ticks (see <see cref="UtcTime"/>).</summary>
    long UtcNowTicks { get; }
}
