using Screener.Sim.Faults;
using Screener.Sim.Server;
using Xunit;

namespace Screener.Sim.Tests.Server;

public sealed class RestRateLimiterSpec
{
    private const long Minute = 1_791_382_980_000; // hh:mm:00.000 UTC
    private static readonly ActiveFaults NoFaults = new(SimFaults.None, Minute);

    private static RestRateLimiter Limiter(int limit = 100) =>
        new(limit, strikesBeforeBan: 3, ban: TimeSpan.FromMinutes(2), maxBan: TimeSpan.FromMinutes(5));

    [Fact]
    public void RestRateLimiter_must_count_weight_per_ip_in_utc_minute_windows()
    {
        var limiter = Limiter();
        Assert.Equal(20, limiter.Admit("127.0.0.1", 20, true, NoFaults, Minute + 1_000).UsedWeight);
        Assert.Equal(30, limiter.Admit("127.0.0.1", 10, true, NoFaults, Minute + 59_999).UsedWeight);
        Assert.Equal(5, limiter.Admit("127.0.0.2", 5, true, NoFaults, Minute + 30_000).UsedWeight);
        Assert.Equal(2, limiter.Admit("127.0.0.1", 2, true, NoFaults, Minute + 60_000).UsedWeight);
    }

    [Fact]
    public void RestRateLimiter_must_answer_429_past_the_limit_with_seconds_to_the_next_window()
    {
        var limiter = Limiter();
        Assert.Equal(RestVerdict.Allowed, limiter.Admit("ip", 100, true, NoFaults, Minute + 10_000).Verdict);
        var refused = limiter.Admit("ip", 1, true, NoFaults, Minute + 12_300);
        Assert.Equal((RestVerdict.TooMany, 101, 48L), (refused.Verdict, refused.UsedWeight, refused.RetryAfterSeconds));
        // The next window starts clean.
        Assert.Equal(RestVerdict.Allowed, limiter.Admit("ip", 50, true, NoFaults, Minute + 60_000).Verdict);
    }

    [Fact]
    public void RestRateLimiter_must_ban_a_client_that_keeps_sending_after_a_429_with_doubling_bans()
    {
        var limiter = Limiter(limit: 10);
        var now = Minute + 1_000;
        Assert.Equal(RestVerdict.TooMany, limiter.Admit("ip", 20, true, NoFaults, now).Verdict);
        Assert.Equal(RestVerdict.TooMany, limiter.Admit("ip", 1, true, NoFaults, now).Verdict);
        Assert.Equal(RestVerdict.TooMany, limiter.Admit("ip", 1, true, NoFaults, now).Verdict);
        var ban = limiter.Admit("ip", 1, true, NoFaults, now);
        Assert.Equal((RestVerdict.Banned, now + 120_000, 120L, false), (ban.Verdict, ban.BannedUntilMs, ban.RetryAfterSeconds, ban.ByFault));
        Assert.Equal(now + 120_000, limiter.BannedUntil("ip", NoFaults, now + 1));
        Assert.Null(limiter.BannedUntil("other", NoFaults, now + 1));
        // Banned: every call is refused, unweighted ones too, and the ban does not grow while it lasts.
        Assert.Equal(RestVerdict.Banned, limiter.Admit("ip", 0, false, NoFaults, now + 60_000).Verdict);
        Assert.Equal(now + 120_000, limiter.Admit("ip", 1, true, NoFaults, now + 61_000).BannedUntilMs);

        // A repeat offender's second ban is twice as long, the third is capped at the maximum.
        now += 121_000;
        Assert.Equal(RestVerdict.Allowed, limiter.Admit("ip", 1, true, NoFaults, now).Verdict);
        for (var i = 0; i < 3; i++) limiter.Admit("ip", 20, true, NoFaults, now);
        Assert.Equal(now + 240_000, limiter.Admit("ip", 1, true, NoFaults, now).BannedUntilMs);
        now += 241_000;
        for (var i = 0; i < 3; i++) limiter.Admit("ip", 20, true, NoFaults, now);
        Assert.Equal(now + 300_000, limiter.Admit("ip", 1, true, NoFaults, now).BannedUntilMs);
        Assert.Equal(now + 300_000, limiter.AnyBannedUntil(NoFaults, now));
    }

    [Fact]
    public void RestRateLimiter_must_forgive_429s_at_the_next_window()
    {
        var limiter = Limiter(limit: 10);
        Assert.Equal(RestVerdict.TooMany, limiter.Admit("ip", 20, true, NoFaults, Minute + 59_000).Verdict);
        Assert.Equal(RestVerdict.TooMany, limiter.Admit("ip", 1, true, NoFaults, Minute + 59_500).Verdict);
        for (var i = 0; i < 5; i++) Assert.Equal(RestVerdict.Allowed, limiter.Admit("ip", 1, true, NoFaults, Minute + 60_000 + i).Verdict);
    }

    [Fact]
    public void RestRateLimiter_must_apply_the_429_storm_and_418_faults_without_strikes()
    {
        var limiter = Limiter();
        var storm = new ActiveFaults(new SimFaults { Rest429Storm = TimeSpan.FromSeconds(2) }, Minute);
        for (var i = 0; i < 10; i++)
        {
            var decision = limiter.Admit("ip", 1, true, storm, Minute + 100);
            Assert.Equal((RestVerdict.TooMany, 1L, true), (decision.Verdict, decision.RetryAfterSeconds, decision.ByFault));
        }
        Assert.Equal(RestVerdict.Allowed, limiter.Admit("ip", 0, false, storm, Minute + 100).Verdict);
        Assert.Equal(RestVerdict.Allowed, limiter.Admit("ip", 1, true, storm, Minute + 2_000).Verdict);

        var ban = new ActiveFaults(new SimFaults { Rest418Ban = TimeSpan.FromSeconds(3) }, Minute + 5_000);
        var banned = limiter.Admit("anyone", 0, false, ban, Minute + 5_500);
        Assert.Equal((RestVerdict.Banned, Minute + 8_000, 3L, true), (banned.Verdict, banned.BannedUntilMs, banned.RetryAfterSeconds, banned.ByFault));
        Assert.Equal(RestVerdict.Allowed, limiter.Admit("anyone", 1, true, ban, Minute + 8_000).Verdict);
    }
}
