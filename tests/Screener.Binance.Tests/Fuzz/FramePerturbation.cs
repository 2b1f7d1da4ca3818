using System.Text.RegularExpressions;

namespace Screener.Binance.Tests.Fuzz;

/// <summary>
/// Rewrites of a compact frame that keep its meaning but leave the fast path's expected shape (whitespace, key
/// order, escapes, nested unknown values), so the general path must answer, and must answer the same.
/// </summary>
internal static partial class FramePerturbation
{
    public static IEnumerable<(string Name, string Frame)> All(string frame)
    {
        yield return ("whitespace", frame.Replace(",\"", ", \"", StringComparison.Ordinal));
        yield return ("leading and trailing whitespace", " \n" + frame + " \r\n");
        yield return ("nested unknown key", NestedUnknownKey(frame));
        var escaped = EscapedSymbol(frame);
        if (escaped is not null) yield return ("escaped symbol", escaped);
        var moved = EventTypeLast(frame);
        if (moved is not null) yield return ("event type last", moved);
        var swapped = DataFirst(frame);
        if (swapped is not null) yield return ("data before stream", swapped);
    }

    private static string NestedUnknownKey(string frame)
    {
        var payload = PayloadStart(frame);
        return frame.Insert(payload + 1, "\"x-new\":{\"deep\":[1,{\"z\":null}]},");
    }

    private static string? EscapedSymbol(string frame)
    {
        var match = SymbolKey().Match(frame);
        if (!match.Success) return null;
        var at = match.Index + match.Length;
        return frame[..at] + $"\\u{(int)frame[at]:X4}" + frame[(at + 1)..];
    }

    private static string? EventTypeLast(string frame)
    {
        var match = EventTypeKey().Match(frame);
        if (!match.Success) return null;
        var without = frame.Remove(match.Index + 1, match.Length - 1);
        var close = without.StartsWith("{\"stream\"", StringComparison.Ordinal) ? without.Length - 2 : without.Length - 1;
        return without.Insert(close, "," + match.Value[1..^1]);
    }

    private static string? DataFirst(string frame)
    {
        var match = Wrapper().Match(frame);
        return match.Success ? $"{{\"data\":{match.Groups[2].Value},\"stream\":{match.Groups[1].Value}}}" : null;
    }

    private static int PayloadStart(string frame) =>
        frame.StartsWith("{\"stream\"", StringComparison.Ordinal) ? frame.IndexOf("\"data\":", StringComparison.Ordinal) + 7 : 0;

    [GeneratedRegex("\"s\":\"(?=[A-Za-z0-9])")]
    private static partial Regex SymbolKey();

    [GeneratedRegex("\\{\"e\":\"[A-Za-z]+\",")]
    private static partial Regex EventTypeKey();

    [GeneratedRegex("^\\{\"stream\":(\"[^\"]*\"),\"data\":(.*)\\}$", RegexOptions.Singleline)]
    private static partial Regex Wrapper();
}
