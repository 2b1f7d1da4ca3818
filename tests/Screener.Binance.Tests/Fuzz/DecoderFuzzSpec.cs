using System.Diagnostics;
using System.Text;
using Screener.Binance.Wire;
using Screener.Contracts;
using Screener.Contracts.Market;

namespace Screener.Binance.Tests.Fuzz;

/// <summary>
/// Over 100,000 broken frames through the decoder: nothing throws, every frame lands in exactly one outcome, only
/// Events frames add output, the fast path never disagrees with the general path, and the valid frames decode the
/// same before and after the storm (no state the garbage could have corrupted).
/// </summary>
public sealed class DecoderFuzzSpec(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Seed = 20261124;

    [Fact]
    public void Decoder_must_put_every_fuzzed_frame_in_exactly_one_bucket_without_throwing()
    {
        var decoders = new DecoderPair();
        var parsed = new ParsedFrame();
        var probeSymbols = new SymbolCache();
        var valid = FuzzCorpus.Sources();
        var before = valid.Select(f => DecoderPair.Run(decoders.Fast, f)).ToArray();
        var counts = new int[4];
        var fastTaken = 0;
        var total = 0;
        var clock = Stopwatch.StartNew();
        var events = new List<MarketEvent> { null! };

        foreach (var frame in FuzzCorpus.Frames(Seed))
        {
            total++;
            DecodeOutcome outcome;
            events.RemoveRange(1, events.Count - 1);
            try
            {
                outcome = decoders.Fast.Decode(frame, events);
            }
            catch (Exception ex)
            {
                Assert.Fail($"frame {total} threw {ex}: {Encoding.UTF8.GetString(frame.Payload.Span)}");
                throw;
            }

            Assert.True(Enum.IsDefined(outcome), $"frame {total}: outcome {(int)outcome}");
            counts[(int)outcome]++;
            // Output is appended to, never cleared, and only a decoded frame appends.
            Assert.Null(events[0]);
            Assert.True(outcome == DecodeOutcome.Events ? events.Count > 1 : events.Count == 1, $"frame {total}: {outcome} with {events.Count - 1} events");

            // Frames the scanner declines take the general path inside the fast decoder too, so only the taken
            // ones can differ; compare those in full.
            if (frame.Kind == RawFrameKind.WebSocket && BinanceWireParser.TryParse(frame.Payload.Span, probeSymbols, parsed))
            {
                fastTaken++;
                decoders.AssertAgree(frame, $"fuzz frame {total}");
            }
        }

        output.WriteLine($"{total} frames in {clock.Elapsed}: " + string.Join(", ", Enum.GetValues<DecodeOutcome>().Select(o => $"{o} {counts[(int)o]}"))
            + $"; fast path took {fastTaken}");
        Assert.True(total >= 100_000, $"only {total} frames");
        Assert.Equal(total, counts.Sum());
        Assert.All(counts, c => Assert.True(c > 0, $"an empty bucket: {string.Join(", ", counts)}"));
        Assert.True(fastTaken >= FuzzCorpus.GeneratedValid, $"the fast path took only {fastTaken} frames");
        Assert.Equal(before, valid.Select(f => DecoderPair.Run(decoders.Fast, f)).ToArray());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"fuzz run took {clock.Elapsed}");
    }

    [Fact]
    public void Corpus_must_be_deterministic()
    {
        var first = FuzzCorpus.Frames(Seed).Take(2000).Select(f => Convert.ToHexString(f.Payload.Span)).ToArray();
        var second = FuzzCorpus.Frames(Seed).Take(2000).Select(f => Convert.ToHexString(f.Payload.Span)).ToArray();

        Assert.Equal(first, second);
    }
}
