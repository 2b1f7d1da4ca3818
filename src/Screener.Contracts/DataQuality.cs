using System.Text.Json.Serialization;

namespace Screener.Contracts;

/// <summary>Data-quality flags on a snapshot. A flagged value is a known gap, never a silent NaN.</summary>
[Flags]
[JsonConverter(typeof(JsonStringEnumConverter<DataQuality>))]
public enum DataQuality
{
    Ok = 0,

    /// <summary>
    /// Not enough history yet: fewer ticks with a mid than the configured warm-up. Longer windows keep filling
    /// after this clears and are computed over the history they hold so far.
    /// </summary>
    WarmUp = 1,

    /// <summary>A stream the features depend on has been silent past its threshold.</summary>
    Stale = 2,

    /// <summary>The local order book is not in sync (waiting for a snapshot, or a gap was seen).</summary>
    BookOutOfSync = 4,
}
