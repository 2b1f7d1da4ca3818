namespace Screener.Analytics.Labels;

/// <summary>The direction a label's trade takes. The screener ranks symbols for being in play, not for a direction.</summary>
public enum LabelSide
{
    /// <summary>No side: the label is incomplete (<see cref="Label.Complete"/> is false).</summary>
    None = 0,

    /// <summary>Buy at the tick, sell within the horizon.</summary>
    Long = 1,

    /// <summary>Sell at the tick, buy back within the horizon.</summary>
    Short = 2,
}
