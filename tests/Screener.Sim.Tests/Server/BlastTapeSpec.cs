using System.Text.Json;
using Screener.Sim.Market;
using Screener.Sim.Server;

namespace Screener.Sim.Tests.Server;

public sealed class BlastTapeSpec
{
    private static readonly SimMarketSettings Market = new(Seed: 9, SymbolCount: 4);

    [Fact]
    public void Tape_must_hold_exactly_the_asked_frames_and_be_the_same_for_the_same_seed()
    {
        var first = BlastTape.Generate(Market, new BlastSettings(5_000));
        var second = BlastTape.Generate(Market, new BlastSettings(5_000));

        Assert.Equal(5_000, first.Count);
        Assert.Equal(first.Streams, second.Streams);
        for (var i = 0; i < first.Count; i++)
        {
            Assert.Equal(first.StreamOf(i), second.StreamOf(i));
            Assert.Equal(first.Payload(i), second.Payload(i));
        }
        Assert.All(first.Streams, s => Assert.Contains(s[s.IndexOf('@')..], BlastSettings.NodeStreams));
    }

    [Fact]
    public void Tape_depth_diffs_must_chain_onto_the_snapshot_of_the_market_before_the_tape()
    {
        var tape = BlastTape.Generate(Market, new BlastSettings(5_000));
        var before = new SimMarket(Market);

        foreach (var symbol in before.Symbols.Select(s => s.Symbol))
        {
            Assert.True(before.TryGetSnapshot(symbol, 100, out var snapshot));
            var stream = symbol.ToLowerInvariant() + "@depth@100ms";
            var last = snapshot.LastUpdateId;
            var diffs = 0;
            for (var i = 0; i < tape.Count; i++)
            {
                if (tape.Streams[tape.StreamOf(i)] != stream) continue;
                using var json = JsonDocument.Parse(tape.Payload(i));
                Assert.Equal(last, json.RootElement.GetProperty("pu").GetInt64());
                last = json.RootElement.GetProperty("u").GetInt64();
                diffs++;
            }
            Assert.True(diffs > 10, $"{symbol}: {diffs} diffs");
        }
    }

    [Fact]
    public void Blast_settings_must_refuse_a_stream_the_simulator_does_not_produce()
    {
        Assert.Throws<ArgumentException>(() => new BlastSettings(10) { StreamSuffixes = ["@depth@250ms"] }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new BlastSettings(0).Validate());
    }
}
