namespace Screener.Offline.Validate.Charts;

/// <summary>Which way a <see cref="BarChart"/>'s bars grow.</summary>
public enum BarOrientation
{
    /// <summary>Bars grow to the right from a value axis at the bottom; the first bar is at the top. Suits long names.</summary>
    Horizontal,

    /// <summary>Bars grow upwards; the first bar is on the left.</summary>
    Vertical,
}
