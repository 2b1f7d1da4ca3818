using Screener.Pipeline.Models;

namespace Screener.Pipeline.Tests.Models;

/// <summary>Switching models between ticks: offered, scheduled at a tick time, finished when that round completes.</summary>
public sealed class PredictorHostSpec
{
    [Fact]
    public void PredictorHost_must_run_an_offered_model_from_the_next_scheduled_tick_and_the_old_one_before_it()
    {
        var (old, next) = (new NamedPredictor("v1"), new NamedPredictor("v2"));
        using var host = new PredictorHost(old);

        Assert.True(host.Offer(next));
        Assert.Same(old, host.For(5_000));
        host.Schedule(5_000);

        Assert.Same(old, host.For(4_750));
        Assert.Same(next, host.For(5_000));
        Assert.Same(next, host.For(9_000));
        Assert.Same(next, host.Current);
    }

    [Fact]
    public void PredictorHost_must_finish_the_switch_when_the_first_round_at_or_after_it_completes_and_retire_the_old_model()
    {
        var (old, next) = (new NamedPredictor("v1"), new NamedPredictor("v2"));
        using var host = new PredictorHost(old);
        host.Offer(next);
        host.Schedule(5_000);

        Assert.Null(host.RoundCompleted(4_750));
        Assert.False(old.Disposed);
        var done = host.RoundCompleted(5_000);

        Assert.Equal(new Contracts.ModelSwitch(5_000, "v1", "v2"), done);
        Assert.True(old.Disposed);
        Assert.Null(host.Pending);
        Assert.Same(next, host.For(0));
        Assert.Null(host.RoundCompleted(5_250));
    }

    [Fact]
    public void PredictorHost_must_replace_an_unscheduled_offer_and_refuse_one_while_a_switch_is_under_way()
    {
        var (old, first, second, third) = (new NamedPredictor("v1"), new NamedPredictor("v2"), new NamedPredictor("v3"), new NamedPredictor("v4"));
        using var host = new PredictorHost(old);

        host.Offer(first);
        Assert.True(host.Offer(second));
        Assert.True(first.Disposed);
        host.Schedule(1_000);
        host.Schedule(2_000);
        Assert.False(host.Offer(third));

        Assert.Equal(new Contracts.ModelSwitch(1_000, "v1", "v3"), host.RoundCompleted(1_000));
        Assert.True(host.Offer(third));
    }

    [Fact]
    public void PredictorHost_must_do_nothing_at_a_tick_without_an_offer()
    {
        var old = new NamedPredictor("v1");
        using var host = new PredictorHost(old);

        host.Schedule(1_000);

        Assert.Same(old, host.For(1_000));
        Assert.Null(host.RoundCompleted(1_000));
        Assert.False(old.Disposed);
    }
}
