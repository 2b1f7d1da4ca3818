using Screener.Binance.Subscriptions;
using static Screener.Binance.Tests.Fixture;

namespace Screener.Binance.Tests.Subscriptions;

public sealed class SubscriptionPlanSpec
{
    [Fact]
    public void SubscriptionPlan_must_batch_at_most_100_names_per_subscribe_with_increasing_ids()
    {
        var streams = Enumerable.Range(0, 250).Select(i => $"s{i}usdt@aggTrade").ToArray();

        var plan = SubscriptionPlan.Create(streams, firstId: 7);

        Assert.Equal([100, 100, 50], plan.Subscribes.Select(s => s.Streams.Count));
        Assert.Equal([7L, 8L, 9L], plan.Subscribes.Select(s => s.Id));
        Assert.Equal((ControlRequest.ListSubscriptions, 10L), (plan.List.Method, plan.List.Id));
        Assert.Equal(11, plan.NextId);
        Assert.Equal(streams, plan.Subscribes.SelectMany(s => s.Streams));
    }

    [Fact]
    public void SubscriptionPlan_must_pace_messages_under_half_the_futures_limit_by_default()
    {
        var plan = SubscriptionPlan.Create(["btcusdt@aggTrade"]);

        Assert.Equal(TimeSpan.FromMilliseconds(200), plan.Interval);
        Assert.Equal(TimeSpan.FromMilliseconds(200), plan.OffsetOf(1));
    }

    [Fact]
    public void SubscriptionPlan_must_write_the_documented_control_frames()
    {
        var plan = SubscriptionPlan.Create(["btcusdt@aggTrade", "btcusdt@depth"], new SubscriptionSettings(), firstId: 1);

        Assert.Equal(Text("subscribe-request.json").Trim(), plan.Subscribes[0].ToString());
        Assert.Equal(Text("list-subscriptions-request.json").Trim(), new ControlRequest(ControlRequest.ListSubscriptions, default, 3).ToString());
    }

    [Fact]
    public void SubscriptionPlan_must_drop_duplicate_names()
    {
        var plan = SubscriptionPlan.Create(["a@trade", "b@trade", "a@trade"]);

        Assert.Equal(["a@trade", "b@trade"], Assert.Single(plan.Subscribes).Streams);
    }

    [Theory]
    [InlineData(0, 5)]
    [InlineData(1025, 5)]
    [InlineData(100, 0)]
    [InlineData(100, 11)]
    public void SubscriptionPlan_must_reject_settings_outside_binance_limits(int perMessage, double perSecond) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SubscriptionPlan.Create(["a@trade"],
            new SubscriptionSettings { MaxStreamsPerMessage = perMessage, MessagesPerSecond = perSecond }));
}
