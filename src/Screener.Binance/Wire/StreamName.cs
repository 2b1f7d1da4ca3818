namespace Screener.Binance.Wire;

/// <summary>Reads what a combined-stream name (<c>btcusdt@depth@100ms</c>) says about its payload.</summary>
internal static class StreamName
{
    private static ReadOnlySpan<byte> DepthMarker => "@depth"u8;

    /// <summary>
    /// True for partial-depth streams (<c>@depth5</c>, <c>@depth10</c>, <c>@depth20</c>, any speed): on futures
    /// their payload is shaped like a <c>depthUpdate</c> but holds the top N levels, not a diff.
    /// </summary>
    public static bool IsPartialDepth(ReadOnlySpan<byte> name)
    {
        var at = name.IndexOf(DepthMarker);
        var next = at + DepthMarker.Length;
        return at >= 0 && next < name.Length && name[next] is >= (byte)'0' and <= (byte)'9';
    }

    /// <summary>The symbol part of a diff-depth stream name (<c>&lt;s&gt;@depth</c> or <c>&lt;s&gt;@depth@&lt;n&gt;ms</c>).</summary>
    public static bool TryGetDiffDepthSymbol(ReadOnlySpan<byte> name, out ReadOnlySpan<byte> symbol)
    {
        symbol = default;
        var at = name.IndexOf(DepthMarker);
        if (at <= 0) return false;
        var rest = name[(at + DepthMarker.Length)..];
        if (!rest.IsEmpty && rest[0] != (byte)'@') return false;
        symbol = name[..at];
        return true;
    }
}
