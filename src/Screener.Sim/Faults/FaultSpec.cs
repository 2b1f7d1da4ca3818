using System.Globalization;

namespace Screener.Sim.Faults;

/// <summary>
/// The text form of <see cref="SimFaults"/>: comma-separated <c>name=value</c> parts, e.g.
/// <c>disconnect-every=10s,gap-every=5s,silent=ETHUSDT;SOLUSDT,pause=3s@20s,slow=50ms</c>. Errors name the
/// offending part, because the spec usually comes from a command line typed by a person.
/// </summary>
internal static class FaultSpec
{
    private static readonly string[] Names =
    [
        "rest-latency", "disconnect-every", "gap-every", "gap-symbol", "silent", "malformed-every",
        "rest-429-storm", "rest-418", "slow", "pause", "lifetime",
    ];

    public static SimFaults Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var text = spec.Trim();
        if (text.Length == 0 || text.Equals("none", StringComparison.OrdinalIgnoreCase)) return SimFaults.None;
        var faults = SimFaults.None;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in text.Split(','))
        {
            var part = raw.Trim();
            if (part.Length == 0) throw Bad(raw, "empty part (two commas in a row or a trailing comma)");
            var equals = part.IndexOf('=');
            if (equals <= 0) throw Bad(part, "expected name=value");
            var name = part[..equals].Trim().ToLowerInvariant();
            var value = part[(equals + 1)..].Trim();
            if (Array.IndexOf(Names, name) < 0) throw Bad(part, $"unknown fault '{name}'; known: {string.Join(", ", Names)}");
            if (!seen.Add(name)) throw Bad(part, $"'{name}' is given twice");
            if (value.Length == 0) throw Bad(part, "missing value after '='");
            faults = Apply(faults, name, value, part);
        }
        return faults;
    }

    public static string Describe(SimFaults f)
    {
        var parts = new List<string>();
        Add(parts, "rest-latency", f.RestLatency);
        Add(parts, "disconnect-every", f.DisconnectEvery);
        Add(parts, "gap-every", f.GapEvery);
        if (f.GapSymbol is { } gap) parts.Add("gap-symbol=" + gap);
        if (f.SilentSymbols.Count > 0) parts.Add("silent=" + string.Join(';', f.SilentSymbols));
        Add(parts, "malformed-every", f.MalformedEvery);
        Add(parts, "rest-429-storm", f.Rest429Storm);
        Add(parts, "rest-418", f.Rest418Ban);
        Add(parts, "slow", f.Slow);
        if (f.PauseFor > TimeSpan.Zero)
            parts.Add("pause=" + Format(f.PauseFor) + (f.PauseAfter > TimeSpan.Zero ? "@" + Format(f.PauseAfter) : ""));
        Add(parts, "lifetime", f.Lifetime);
        return parts.Count == 0 ? "none" : string.Join(',', parts);
    }

    public static void Validate(SimFaults f)
    {
        foreach (var (name, value) in new[]
                 {
                     (nameof(f.RestLatency), f.RestLatency), (nameof(f.DisconnectEvery), f.DisconnectEvery), (nameof(f.GapEvery), f.GapEvery),
                     (nameof(f.MalformedEvery), f.MalformedEvery), (nameof(f.Rest429Storm), f.Rest429Storm), (nameof(f.Rest418Ban), f.Rest418Ban),
                     (nameof(f.Slow), f.Slow), (nameof(f.PauseFor), f.PauseFor), (nameof(f.PauseAfter), f.PauseAfter), (nameof(f.Lifetime), f.Lifetime),
                 })
        {
            if (value < TimeSpan.Zero) throw new ArgumentOutOfRangeException(name, value, "Must not be negative.");
        }
        if (f.PauseAfter > TimeSpan.Zero && f.PauseFor == TimeSpan.Zero)
            throw new ArgumentException("PauseAfter needs a PauseFor.", nameof(f.PauseAfter));
        ArgumentNullException.ThrowIfNull(f.SilentSymbols, nameof(f.SilentSymbols));
        foreach (var symbol in f.SilentSymbols.Append(f.GapSymbol).OfType<string>())
            if (SymbolProblem(symbol) is { } problem) throw new ArgumentException($"'{symbol}': {problem}.", nameof(f.SilentSymbols));
    }

    private static SimFaults Apply(SimFaults f, string name, string value, string part) => name switch
    {
        "rest-latency" => f with { RestLatency = Duration(value, part) },
        "disconnect-every" => f with { DisconnectEvery = Duration(value, part) },
        "gap-every" => f with { GapEvery = Duration(value, part) },
        "gap-symbol" => f with { GapSymbol = Symbol(value, part) },
        "silent" => f with { SilentSymbols = value.Split(';').Select(s => Symbol(s.Trim(), part)).Distinct(StringComparer.Ordinal).ToArray() },
        "malformed-every" => f with { MalformedEvery = Duration(value, part) },
        "rest-429-storm" => f with { Rest429Storm = Duration(value, part) },
        "rest-418" => f with { Rest418Ban = Duration(value, part) },
        "slow" => f with { Slow = Duration(value, part) },
        "pause" => Pause(f, value, part),
        _ => f with { Lifetime = Duration(value, part) },
    };

    private static SimFaults Pause(SimFaults f, string value, string part)
    {
        var at = value.IndexOf('@');
        if (at < 0) return f with { PauseFor = Duration(value, part) };
        return f with { PauseFor = Duration(value[..at], part), PauseAfter = Duration(value[(at + 1)..], part, allowZero: true) };
    }

    private static TimeSpan Duration(string text, string part, bool allowZero = false)
    {
        var value = text.Trim();
        var unitStart = value.Length;
        while (unitStart > 0 && char.IsAsciiLetter(value[unitStart - 1])) unitStart--;
        var unit = value[unitStart..].ToLowerInvariant();
        long unitTicks = unit switch
        {
            "ms" => TimeSpan.TicksPerMillisecond,
            "s" => TimeSpan.TicksPerSecond,
            "m" => TimeSpan.TicksPerMinute,
            "h" => TimeSpan.TicksPerHour,
            "d" => TimeSpan.TicksPerDay,
            _ => 0,
        };
        if (unitTicks == 0 || !decimal.TryParse(value[..unitStart], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            throw Bad(part, $"'{text}' is not a duration (a number and a unit: ms, s, m, h or d, e.g. 500ms, 5s, 2m)");
        if (amount == 0 && !allowZero) throw Bad(part, $"'{text}' must be longer than zero (leave the fault out to switch it off)");
        if (amount * unitTicks > TimeSpan.MaxValue.Ticks / 2) throw Bad(part, $"'{text}' is too long");
        return TimeSpan.FromTicks((long)Math.Round(amount * unitTicks));
    }

    private static string Symbol(string text, string part)
    {
        var symbol = text.ToUpperInvariant();
        return SymbolProblem(symbol) is { } problem ? throw Bad(part, $"'{text}' {problem}") : symbol;
    }

    private static string? SymbolProblem(string symbol)
    {
        if (symbol.Length == 0) return "is an empty symbol";
        if (symbol.Any(c => char.IsWhiteSpace(c) || c is ',' or ';' or '=' or '@' or '/')) return "is not a symbol";
        return symbol != symbol.ToUpperInvariant() ? "must be upper case" : null;
    }

    private static void Add(List<string> parts, string name, TimeSpan value)
    {
        if (value > TimeSpan.Zero) parts.Add(name + "=" + Format(value));
    }

    /// <summary>The largest unit that divides the duration exactly, so Describe's output parses back to the same value.</summary>
    private static string Format(TimeSpan value)
    {
        var ticks = value.Ticks;
        foreach (var (unit, size) in new[] { ("d", TimeSpan.TicksPerDay), ("h", TimeSpan.TicksPerHour), ("m", TimeSpan.TicksPerMinute), ("s", TimeSpan.TicksPerSecond), ("ms", TimeSpan.TicksPerMillisecond) })
            if (ticks % size == 0) return (ticks / size).ToString(CultureInfo.InvariantCulture) + unit;
        return ((decimal)ticks / TimeSpan.TicksPerMillisecond).ToString(CultureInfo.InvariantCulture) + "ms";
    }

    private static FormatException Bad(string part, string reason) => new($"Fault spec part '{part}': {reason}.");
}
