namespace Screener.Sim.Server;

/// <summary>
/// Which URL family carries which stream. A subscription on a family that does not carry it is still
/// ACKed and listed, and then silently receives nothing, as live fstream does (reported 2026-04-24).
/// </summary>
internal static class StreamCatalog
{
    public static bool IsCarried(StreamRoute route, string stream) => route switch
    {
        StreamRoute.Public or StreamRoute.Legacy => IsPublic(stream),
        StreamRoute.Market => !IsPublic(stream),
        _ => false,
    };

    /// <summary>True for streams that live on <c>/public</c>.</summary>
    public static bool IsPublic(string stream)
    {
        if (stream.StartsWith('!')) return stream == "!bookTicker";
        var at = stream.IndexOf('@');
        if (at < 0) return false;
        var type = stream.AsSpan(at + 1);
        return type.StartsWith("depth", StringComparison.Ordinal)
            || type.StartsWith("rpiDepth", StringComparison.Ordinal)
            || type.SequenceEqual("bookTicker")
            || type.SequenceEqual("trade");
    }

    /// <summary>
    /// Syntax check only: names that cannot be a stream at all get "invalid stream". Well-formed names for
    /// unknown symbols or types are accepted, because live fstream ACKs them.
    /// </summary>
    public static bool IsWellFormed(string stream)
    {
        if (stream.Length is 0 or > 200) return false;
        foreach (var c in stream)
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '/' or '"' or '\\') return false;
        if (stream[0] == '!') return stream.Length > 1;
        var at = stream.IndexOf('@');
        return at > 0 && at < stream.Length - 1;
    }
}
