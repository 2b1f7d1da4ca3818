using Screener.Contracts;
using static Screener.Binance.Tests.Fixture;

namespace Screener.Binance.Tests.Normalise;

/// <summary>Every market payload among the Binance vectors decodes to events or Unknown, never Malformed.</summary>
public sealed class VectorSweepSpec
{
    /// <summary>REST bodies, error bodies, requests and control replies are not stream payloads.</summary>
    private static readonly string[] NotMarketPayloads =
    [
        "error-", "-request.json", "-reply.json", "exchangeInfo", "depth-snapshot", "fundingInfo", "fundingRate",
        "premiumIndex", "openInterest", "ticker24hr-rest",
    ];

    public static TheoryData<string> MarketPayloadFiles()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".jsonl", StringComparison.Ordinal))
            .Where(f => !NotMarketPayloads.Any(f.Contains))
            .Order(StringComparer.Ordinal);
        var data = new TheoryData<string>();
        foreach (var f in files) data.Add(f);
        return data;
    }

    [Fact]
    public void Sweep_must_cover_the_vector_set()
    {
        // 29 market-payload files were shipped in /work/shared/binance/vectors when they were copied.
        Assert.Equal(29, MarketPayloadFiles().Count);
    }

    [Theory]
    [MemberData(nameof(MarketPayloadFiles))]
    public void Decoder_must_decode_every_market_payload_vector(string file)
    {
        var frames = file.EndsWith(".jsonl", StringComparison.Ordinal) ? Lines(file) : [Text(file)];
        foreach (var frame in frames)
        {
            var (outcome, events) = Decode(WebSocket(frame));

            Assert.True(outcome is DecodeOutcome.Events or DecodeOutcome.Unknown, $"{file}: {outcome}");
            Assert.Equal(outcome == DecodeOutcome.Events, events.Count > 0);
        }
    }
}
