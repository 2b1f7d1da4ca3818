using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Screener.Benchmarks;

/// <summary>
/// Benchmark input: the vector frames (copied into <c>Vectors/</c>) and a seeded mix shaped like the live futures
/// feed, every frame in the combined-stream wrapper: 40% bookTicker, 30% depthUpdate (the recorded KSMUSDT
/// sequence, 15.9 levels on average), 25% aggTrade, 5% markPrice, over 200 symbols.
/// </summary>
internal static partial class MarketFrames
{
    public static byte[] AggTrade => Vector("futures-aggTrade.json");

    public static byte[] BookTicker => Vector("futures-bookTicker.json");

    public static byte[] DepthUpdate => Vector("futures-depthUpdate.json");

    public static byte[] MarkPrice => Vector("futures-markPrice.json");

    public static byte[][] Mixed(int count, int seed = 42)
    {
        var random = new Random(seed);
        var symbols = Enumerable.Range(0, 200).Select(i => i switch
        {
            0 => "BTCUSDT",
            1 => "ETHUSDT",
            _ => $"C{i:D3}USDT",
        }).ToArray();
        var depth = Lines("futures-depthUpdate-sequence.jsonl");
        var aggTrade = Text("futures-aggTrade.json");
        var book = Text("futures-bookTicker.json");
        var mark = Text("futures-markPrice.json");
        var frames = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            var symbol = symbols[random.Next(symbols.Length)];
            var roll = random.Next(100);
            var frame = roll switch
            {
                < 40 => Vary(book, symbol, random),
                < 70 => depth[random.Next(depth.Length)],
                < 95 => Vary(aggTrade, symbol, random),
                _ => Vary(mark, symbol, random),
            };
            frames[i] = Encoding.UTF8.GetBytes(frame);
        }

        return frames;
    }

    /// <summary>The template with another symbol, and every price, quantity, id and time redrawn at the same scale.</summary>
    private static string Vary(string template, string symbol, Random random)
    {
        var text = template.Replace("BTCUSDT", symbol, StringComparison.Ordinal)
            .Replace("btcusdt", symbol.ToLowerInvariant(), StringComparison.Ordinal);
        text = DecimalString().Replace(text, m => "\"" + Redraw(m.Groups[1].Value, random) + "\"");
        return Integer().Replace(text, m => m.Groups[1].Value + (long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)
            + random.Next(1, 100_000)).ToString(CultureInfo.InvariantCulture));
    }

    private static string Redraw(string value, Random random)
    {
        var dot = value.IndexOf('.', StringComparison.Ordinal);
        var scale = dot < 0 ? 0 : value.Length - dot - 1;
        var magnitude = Math.Max(1, (dot < 0 ? value.Length : dot) - (value.StartsWith('-') ? 1 : 0));
        var mantissa = random.NextInt64((long)Math.Pow(10, magnitude - 1), (long)Math.Pow(10, magnitude + scale));
        var number = decimal.Divide(mantissa, (decimal)Math.Pow(10, scale));
        return (value.StartsWith('-') ? "-" : "") + number.ToString("F" + scale, CultureInfo.InvariantCulture);
    }

    private static string Text(string name) => File.ReadAllText(PathOf(name)).Trim();

    private static byte[] Vector(string name) => Encoding.UTF8.GetBytes(Text(name));

    private static string[] Lines(string name) => File.ReadAllLines(PathOf(name)).Where(l => l.Length > 0).ToArray();

    private static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Vectors", name);

    [GeneratedRegex("\"(-?[0-9]+\\.[0-9]+)\"")]
    private static partial Regex DecimalString();

    [GeneratedRegex("(\"[EaflTu]\":)([0-9]+)")]
    private static partial Regex Integer();
}
