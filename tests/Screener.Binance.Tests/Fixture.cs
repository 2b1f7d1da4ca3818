using System.Text;
using Screener.Binance.Normalise;
using Screener.Contracts;
using Screener.Contracts.Market;

namespace Screener.Binance.Tests;

/// <summary>Loads the copied Binance vectors (Fixtures/, see Fixtures/SOURCES.md) and decodes frames built from them.</summary>
internal static class Fixture
{
    /// <summary>A fixed receive time (2026-01-01T00:00:00Z) so expected events can be written out.</summary>
    public static readonly long TsInit = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    public const long Sequence = 42;

    /// <summary>
    /// The longest a socket spec may run (xunit <c>Timeout</c>, milliseconds): a spec stuck on a socket fails by name
    /// instead of holding the test run. Far above any spec's own waits.
    /// </summary>
    public const int SocketSpecTimeout = 60_000;

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static string Text(string name) => File.ReadAllText(PathOf(name));

    public static string[] Lines(string name) =>
        File.ReadAllLines(PathOf(name)).Where(l => l.Length > 0).ToArray();

    public static RawFrame WebSocket(byte[] payload) => new("s0/public", Sequence, TsInit, RawFrameKind.WebSocket, payload);

    public static RawFrame WebSocket(string payload) => WebSocket(Encoding.UTF8.GetBytes(payload));

    public static RawFrame Rest(byte[] payload) => new("s0/public", Sequence, TsInit, RawFrameKind.Rest, payload);

    public static (DecodeOutcome Outcome, List<MarketEvent> Events) Decode(RawFrame frame, IFrameDecoder? decoder = null)
    {
        var events = new List<MarketEvent>();
        var outcome = (decoder ?? new BinanceFrameDecoder()).Decode(frame, events);
        return (outcome, events);
    }

    public static (DecodeOutcome Outcome, List<MarketEvent> Events) DecodeFile(string name) => Decode(WebSocket(Bytes(name)));

    /// <summary>Decodes a frame expected to yield exactly one event of type <typeparamref name="T"/>.</summary>
    public static T Single<T>(RawFrame frame) where T : MarketEvent
    {
        var (outcome, events) = Decode(frame);
        Assert.Equal(DecodeOutcome.Events, outcome);
        return Assert.IsType<T>(Assert.Single(events));
    }

    public static T SingleFromFile<T>(string name) where T : MarketEvent => Single<T>(WebSocket(Bytes(name)));

    public static long Ms(long unixMs) => Screener.Contracts.Time.UtcTime.FromUnixMs(unixMs);

    public static PriceLevel L(string price, string quantity) =>
        new(decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture),
            decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture));
}
