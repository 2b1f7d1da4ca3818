using System.Text;
using System.Text.RegularExpressions;
using Screener.Binance.Transport;
using Screener.Contracts;

namespace Screener.Binance.Tests.Fuzz;

/// <summary>
/// A seeded, deterministic stream of broken and valid frames built from the Binance vectors: byte flips, every
/// truncation of several frames, inserted and deleted bytes, random bytes, huge numbers, deep nesting, invalid
/// UTF-8, plus generated valid frames. Same seed, same frames.
/// </summary>
internal static partial class FuzzCorpus
{
    public const int ByteFlips = 45_000;
    public const int Insertions = 15_000;
    public const int Deletions = 15_000;
    public const int RandomFrames = 10_000;
    public const int HugeNumbers = 6_000;
    public const int DeepNesting = 1_000;
    public const int InvalidUtf8 = 6_000;
    public const int GeneratedValid = 5_000;

    private static readonly string[] WebSocketSources =
    [
        "futures-aggTrade.json", "futures-bookTicker.json", "futures-depthUpdate.json", "futures-markPrice.json",
        "futures-markPrice-arr.json", "futures-forceOrder.json", "futures-kline_1m.json", "futures-trade.json",
        "combined-stream-wrapper.json", "spot-depthUpdate.json", "futures-partialDepth20.json", "subscribe-reply.json",
        "futures-ticker.json",
    ];

    private static readonly string[] TruncatedSources =
    [
        "futures-aggTrade.json", "futures-bookTicker.json", "futures-depthUpdate.json", "futures-markPrice.json",
        "futures-markPrice-arr.json", "combined-stream-wrapper.json",
    ];

    private static readonly byte[] Structural = "{}[]\",:\\ -.0123456789eEtrufalsn\u0001"u8.ToArray();

    private static readonly byte[][] BadUtf8 =
    [
        [0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0x80], [0xE2, 0x82],
        [0xF0, 0x9F, 0x98], [0xFE, 0xFE, 0xFF],
    ];

    private static readonly string[] Huge =
    [
        "1e999", "-1e-999", "99999999999999999999999999999999999999", "79228162514264337593543950336",
        "0.00000000000000000000000000000000001", "9223372036854775808", "-9223372036854775809", "1.5", "-0", "1E400",
        "123456789012345678901234567890.123456789", "\"99999999999999999999999999999999999\"", "\"1e999\"", "\"-\"",
    ];

    /// <summary>The valid frames the corpus mutates, with the kind to decode them as.</summary>
    public static IReadOnlyList<RawFrame> Sources()
    {
        var frames = WebSocketSources.Select(f => Fixture.WebSocket(Trimmed(f))).ToList();
        frames.Add(Fixture.Rest(RestEnvelope.Create("premiumIndex", "*", Fixture.Bytes("futures-premiumIndex.json"))));
        frames.Add(Fixture.Rest(RestEnvelope.Create("fundingInfo", "*", Fixture.Bytes("futures-fundingInfo.json"))));
        frames.Add(Fixture.Rest(RestEnvelope.Depth("BTCUSDT", Fixture.Bytes("futures-depth-snapshot-2026.json"))));
        frames.Add(Fixture.Rest(RestEnvelope.OpenInterest("BTCUSDT", Fixture.Bytes("futures-openInterest.json"))));
        return frames;
    }

    public static IEnumerable<RawFrame> Frames(int seed)
    {
        var random = new Random(seed);
        var sources = Sources();
        RawFrame Pick() => sources[random.Next(sources.Count)];

        for (var i = 0; i < ByteFlips; i++)
        {
            var source = Pick();
            var bytes = source.Payload.ToArray();
            for (var flips = random.Next(1, 4); flips > 0; flips--) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            yield return source with { Payload = bytes };
        }

        foreach (var file in TruncatedSources)
        {
            var bytes = Trimmed(file);
            for (var length = 0; length < bytes.Length; length++) yield return Fixture.WebSocket(bytes[..length]);
        }

        for (var i = 0; i < Insertions; i++)
        {
            var source = Pick();
            var bytes = source.Payload.ToArray().ToList();
            for (var n = random.Next(1, 5); n > 0; n--)
                bytes.Insert(random.Next(bytes.Count + 1), random.Next(3) == 0 ? (byte)random.Next(256) : Structural[random.Next(Structural.Length)]);
            yield return source with { Payload = bytes.ToArray() };
        }

        for (var i = 0; i < Deletions; i++)
        {
            var source = Pick();
            var bytes = source.Payload.ToArray().ToList();
            for (var n = random.Next(1, 5); n > 0 && bytes.Count > 0; n--)
            {
                var at = random.Next(bytes.Count);
                bytes.RemoveRange(at, Math.Min(random.Next(1, 6), bytes.Count - at));
            }

            yield return source with { Payload = bytes.ToArray() };
        }

        for (var i = 0; i < RandomFrames; i++)
        {
            var bytes = new byte[random.Next(0, 300)];
            if (i % 2 == 0) random.NextBytes(bytes);
            else for (var j = 0; j < bytes.Length; j++) bytes[j] = Structural[random.Next(Structural.Length)];
            yield return i % 5 == 0 ? Fixture.Rest(bytes) : Fixture.WebSocket(bytes);
        }

        for (var i = 0; i < HugeNumbers; i++)
        {
            var source = Pick();
            var text = Encoding.UTF8.GetString(source.Payload.Span);
            var numbers = NumberToken().Matches(text);
            if (numbers.Count == 0) continue;
            var target = numbers[random.Next(numbers.Count)];
            var huge = Huge[random.Next(Huge.Length)];
            yield return source with { Payload = Encoding.UTF8.GetBytes(text[..target.Index] + huge + text[(target.Index + target.Length)..]) };
        }

        for (var i = 0; i < DeepNesting; i++)
        {
            var depth = random.Next(2, 3000);
            var open = random.Next(2) == 0 ? "[" : "{\"a\":";
            var close = open == "[" ? "]" : "}";
            var nested = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
            var frame = random.Next(3) switch
            {
                0 => nested,
                1 => "{\"stream\":\"btcusdt@aggTrade\",\"data\":" + nested + "}",
                _ => "{\"e\":\"aggTrade\",\"x\":" + nested + ",\"E\":1,\"a\":1,\"s\":\"X\",\"p\":\"1\",\"q\":\"1\",\"T\":1,\"m\":true}",
            };
            yield return Fixture.WebSocket(frame);
        }

        for (var i = 0; i < InvalidUtf8; i++)
        {
            var source = Pick();
            var bytes = source.Payload.ToArray().ToList();
            // Mostly inside a string (after a quote), where a scanner is most likely to pass bytes on unchecked.
            var quotes = bytes.Select((b, at) => (b, at)).Where(x => x.b == (byte)'"').Select(x => x.at + 1).ToArray();
            var at = random.Next(4) > 0 && quotes.Length > 0 ? quotes[random.Next(quotes.Length)] : random.Next(bytes.Count + 1);
            bytes.InsertRange(at, BadUtf8[random.Next(BadUtf8.Length)]);
            yield return source with { Payload = bytes.ToArray() };
        }

        var generator = new FrameGenerator(seed);
        for (var i = 0; i < GeneratedValid; i++) yield return Fixture.WebSocket(generator.Next());
    }

    private static byte[] Trimmed(string file) => Fixture.Bytes(file).AsSpan().Trim("\r\n "u8).ToArray();

    [GeneratedRegex("-?[0-9]+(\\.[0-9]+)?|\"-?[0-9]+(\\.[0-9]+)?\"")]
    private static partial Regex NumberToken();
}
