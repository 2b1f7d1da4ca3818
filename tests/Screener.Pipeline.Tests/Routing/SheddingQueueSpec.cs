using System.Text;
using Screener.Contracts;
using Screener.Pipeline.Routing;

namespace Screener.Pipeline.Tests.Routing;

public sealed class SheddingQueueSpec
{
    private readonly SymbolPriorities _priorities = new(["TOPUSDT"], ["TOPUSDT", "MIDUSDT", "LOWUSDT"]);

    [Fact]
    public void SheddingQueue_must_conflate_book_tickers_first_then_low_priority_depth_then_low_priority_trades()
    {
        var queue = new SheddingQueue(new TestClassifier(), _priorities);
        Enqueue(queue, "TOPUSDT@trade#1", "LOWUSDT@depth#1", "MIDUSDT@depth#1", "MIDUSDT@bookTicker#1", "LOWUSDT@trade#1", "MIDUSDT@bookTicker#2");

        Assert.Equal(ShedReasons.BookTickerConflated, queue.ShedOne());
        Assert.Equal(ShedReasons.DepthLowPriority, queue.ShedOne());
        Assert.Equal(ShedReasons.DepthLowPriority, queue.ShedOne());
        Assert.Equal(ShedReasons.MarketDataLowPriority, queue.ShedOne());
        Assert.Null(queue.ShedOne());
        Assert.False(queue.CanShed);

        Assert.Equal(["TOPUSDT@trade#1", "MIDUSDT@bookTicker#2"], Drain(queue));
    }

    [Fact]
    public void SheddingQueue_must_shed_the_depth_of_the_lowest_priority_symbol_before_a_higher_one()
    {
        var queue = new SheddingQueue(new TestClassifier(), _priorities);
        Enqueue(queue, "MIDUSDT@depth#1", "LOWUSDT@depth#1", "MIDUSDT@depth#2");

        queue.ShedOne();

        Assert.Equal(["MIDUSDT@depth#1", "MIDUSDT@depth#2"], Drain(queue));
    }

    [Fact]
    public void SheddingQueue_must_never_shed_trades_of_symbols_that_joined_the_top_k()
    {
        var queue = new SheddingQueue(new TestClassifier(), _priorities);
        _priorities.SetRanked(["LOWUSDT"]);
        Enqueue(queue, "LOWUSDT@trade#1", "LOWUSDT@trade#2", "MIDUSDT@trade#1");

        Assert.Equal(ShedReasons.MarketDataLowPriority, queue.ShedOne());
        Assert.Null(queue.ShedOne());
        Assert.Equal(["LOWUSDT@trade#1", "LOWUSDT@trade#2"], Drain(queue));
    }

    [Fact]
    public void SheddingQueue_must_keep_every_frame_in_arrival_order_when_nothing_is_shed()
    {
        var queue = new SheddingQueue(new TestClassifier(), _priorities);
        var names = Enumerable.Range(0, 50).Select(i => $"{(i % 3 == 0 ? "LOWUSDT" : "MIDUSDT")}@{(i % 2 == 0 ? "depth" : "trade")}#{i}").ToArray();
        Enqueue(queue, names);
        Assert.Equal(names, Drain(queue));
        Assert.Equal(0, queue.Count);
    }

    private static void Enqueue(SheddingQueue queue, params string[] names)
    {
        foreach (var name in names) queue.Enqueue(TestClassifier.Frame(name));
    }

    private static List<string> Drain(SheddingQueue queue)
    {
        var names = new List<string>();
        while (queue.TryDequeue(out var frame)) names.Add(Encoding.UTF8.GetString(frame.Payload.Span));
        return names;
    }
}
