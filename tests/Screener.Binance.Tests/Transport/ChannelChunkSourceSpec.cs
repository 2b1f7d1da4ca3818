using System.Threading.Channels;
using Akka.Streams;
using Akka.Streams.Dsl;
using Akka.TestKit.Xunit2;
using Screener.Binance.Transport;

namespace Screener.Binance.Tests.Transport;

public sealed class ChannelChunkSourceSpec() : TestKit("akka.stream.materializer.debug.fuzzing-mode = on")
{
    [Fact]
    public async Task Source_must_hand_over_what_is_waiting_in_chunks_in_order_and_complete_with_the_channel()
    {
        var channel = Channel.CreateBounded<int>(1_000);
        for (var i = 0; i < 700; i++) channel.Writer.TryWrite(i);

        var chunks = Source.FromGraph(new ChannelChunkSource<int>(channel.Reader, 256)).RunWith(Sink.Seq<int[]>(), Sys.Materializer());
        await Task.Delay(100);
        for (var i = 700; i < 710; i++) await channel.Writer.WriteAsync(i);
        channel.Writer.Complete();

        var all = await chunks.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(Enumerable.Range(0, 710), all.SelectMany(c => c));
        Assert.Equal([256, 256, 188], all.Take(3).Select(c => c.Length));
        Assert.All(all, c => Assert.InRange(c.Length, 1, 256));
    }

    [Fact]
    public async Task Source_must_fail_with_the_channels_error_after_handing_over_what_it_held()
    {
        var channel = Channel.CreateUnbounded<int>();
        channel.Writer.TryWrite(1);
        channel.Writer.Complete(new InvalidOperationException("socket gone"));

        var received = new List<int>();
        var run = Source.FromGraph(new ChannelChunkSource<int>(channel.Reader, 16))
            .RunForeach(c => received.AddRange(c), Sys.Materializer());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => run.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("socket gone", error.Message);
        Assert.Equal([1], received);
    }
}
