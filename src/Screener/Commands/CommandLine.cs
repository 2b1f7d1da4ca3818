using System.Globalization;

namespace Screener.Commands;

/// <summary>
/// A parsed command line: positional words (the verb path) and <c>--name value</c> options (<c>--flag</c> alone
/// means true). Unknown options are an error, so a typo never silently falls back to a default.
/// </summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string> _options;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private CommandLine(IReadOnlyList<string> words, Dictionary<string, string> options)
    {
        Words = words;
        _options = options;
    }

    public IReadOnlyList<string> Words { get; }

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var words = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                words.Add(args[i]);
                continue;
            }
            var name = args[i][2..];
            if (name.Length == 0) throw new UsageException("'--' is not an option.");
            var value = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
            if (!options.TryAdd(name, value)) throw new UsageException($"--{name} was given twice.");
        }
        return new CommandLine(words, options);
    }

    public string? String(string name)
    {
        _read.Add(name);
        return _options.GetValueOrDefault(name);
    }

    public bool Flag(string name) => String(name) is { } v && v != "false";

    public int? Int(string name) => String(name) is { } v
        ? int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw new UsageException($"--{name} expects a whole number, got '{v}'.")
        : null;

    public long? Long(string name) => String(name) is { } v
        ? long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw new UsageException($"--{name} expects a whole number, got '{v}'.")
        : null;

    public double? Double(string name) => String(name) is { } v
        ? double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : throw new UsageException($"--{name} expects a number, got '{v}'.")
        : null;

    /// <summary>A duration such as <c>20s</c>, <c>500ms</c>, <c>5m</c>, <c>1h</c> or <c>00:00:20</c>.</summary>
    public TimeSpan? Duration(string name) => String(name) is { } v ? ParseDuration(name, v) : null;

    /// <summary>Fails on any option no command read: call after reading all options.</summary>
    public void RejectUnknown()
    {
        var unknown = _options.Keys.Where(k => !_read.Contains(k)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0) throw new UsageException($"Unknown option(s): {string.Join(", ", unknown.Select(u => "--" + u))}.");
    }

    private static TimeSpan ParseDuration(string name, string text)
    {
        (string Suffix, double Scale)[] units = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000)];
        foreach (var (suffix, scale) in units)
            if (text.EndsWith(suffix, StringComparison.Ordinal)
                && double.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= 0)
                return TimeSpan.FromMilliseconds(n * scale);
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero) return span;
        throw new UsageException($"--{name} expects a duration like 20s, 500ms, 5m or 00:00:20, got '{text}'.");
    }
}
