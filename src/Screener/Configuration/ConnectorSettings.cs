using Screener.Binance.Subscriptions;
using Screener.Binance.Transport;

namespace Screener.Configuration;

/// <summary>
/// The connector knobs of <c>screener.exchange</c>'s sub-blocks <c>connection</c>, <c>subscribe</c>, <c>rest</c>,
/// <c>snapshots</c> and <c>pollers</c>, already in the connector's own settings records where one exists.
/// <see cref="ExchangeSettings"/> combines them with the endpoints, depth limit and backoff of the block itself.
/// </summary>
/// <param name="NoDataTimeout"><c>connection.no-data-timeout</c>; null = off.</param>
/// <param name="MaxConnectionAge"><c>connection.max-connection-age</c>; null = no planned rotation.</param>
/// <param name="RotationRetryDelay"><c>connection.rotation-retry-delay</c>.</param>
/// <param name="ConnectTimeout"><c>connection.connect-timeout</c>.</param>
/// <param name="BufferFrames"><c>connection.buffer-frames</c>.</param>
/// <param name="RotationBufferFrames"><c>connection.rotation-buffer-frames</c>.</param>
/// <param name="MaxRestarts"><c>connection.max-restarts</c>.</param>
/// <param name="Subscription"><c>subscribe.*</c>.</param>
/// <param name="Limiter"><c>rest.usable-fraction</c>, <c>rest.breaker-threshold</c>, <c>rest.breaker-cooldown</c>, <c>rest.default-ban</c>.</param>
/// <param name="RequestTimeout"><c>rest.request-timeout</c>.</param>
/// <param name="MaxRetryAfterWait"><c>rest.max-retry-after-wait</c>.</param>
/// <param name="Snapshots"><c>snapshots.*</c> (the depth limit is <c>screener.exchange.depth-snapshot-limit</c>).</param>
/// <param name="Pollers"><c>pollers.*</c>; a null interval switches that poller off.</param>
public sealed record ConnectorSettings(
    TimeSpan? NoDataTimeout, TimeSpan? MaxConnectionAge, TimeSpan RotationRetryDelay, TimeSpan ConnectTimeout,
    int BufferFrames, int RotationBufferFrames, int MaxRestarts,
    SubscriptionSettings Subscription, RestLimiterSettings Limiter, TimeSpan RequestTimeout, TimeSpan MaxRetryAfterWait,
    SnapshotServiceSettings Snapshots, RestPollerSettings Pollers)
{
    private const string Path = "screener.exchange";

    /// <summary>Throws an <see cref="ArgumentException"/> naming the key and the bad value.</summary>
    public ConnectorSettings Validate()
    {
        if (NoDataTimeout is { } idle) Positive("connection.no-data-timeout", idle, "or off");
        if (MaxConnectionAge is { } age) Positive("connection.max-connection-age", age, "or off");
        Positive("connection.rotation-retry-delay", RotationRetryDelay);
        Positive("connection.connect-timeout", ConnectTimeout);
        if (BufferFrames < 1) Fail("connection.buffer-frames", BufferFrames, "must be at least 1");
        if (RotationBufferFrames < 1) Fail("connection.rotation-buffer-frames", RotationBufferFrames, "must be at least 1");
        if (MaxRestarts < 1) Fail("connection.max-restarts", MaxRestarts, "must be at least 1");

        if (!(Subscription.MessagesPerSecond > 0 && Subscription.MessagesPerSecond <= 10))
            Fail("subscribe.messages-per-second", Subscription.MessagesPerSecond,
                "must be within (0, 10]: futures close a connection that sends more than 10 messages per second");
        if (Subscription.MaxStreamsPerMessage is < 1 or > 1024)
            Fail("subscribe.max-streams-per-message", Subscription.MaxStreamsPerMessage, "must be within 1..1024");
        Positive("subscribe.reply-timeout", Subscription.ReplyTimeout);

        Positive("rest.request-timeout", RequestTimeout);
        if (MaxRetryAfterWait < TimeSpan.Zero) Fail("rest.max-retry-after-wait", MaxRetryAfterWait, "must not be negative");
        if (!(Limiter.UsableFraction > 0 && Limiter.UsableFraction <= 1))
            Fail("rest.usable-fraction", Limiter.UsableFraction, "must be within (0, 1]");
        if (Limiter.BreakerThreshold < 1) Fail("rest.breaker-threshold", Limiter.BreakerThreshold, "must be at least 1");
        Positive("rest.breaker-cooldown", Limiter.BreakerCooldown);
        Positive("rest.default-ban", Limiter.DefaultBan);

        if (Snapshots.Concurrency < 1) Fail("snapshots.concurrency", Snapshots.Concurrency, "must be at least 1");
        if (Snapshots.RetryDelay < TimeSpan.Zero) Fail("snapshots.retry-delay", Snapshots.RetryDelay, "must not be negative");

        foreach (var (key, interval) in new[]
                 {
                     ("pollers.premium-index", Pollers.PremiumIndexInterval), ("pollers.open-interest", Pollers.OpenInterestInterval),
                     ("pollers.funding-info", Pollers.FundingInfoInterval),
                 })
            if (interval is { } every && every < TimeSpan.FromMilliseconds(10)) Fail(key, every, "must be at least 10ms, or off");

        // The records' own checks, for anything a key above does not cover.
        Subscription.Validate();
        Limiter.Validate();
        Snapshots.Validate();
        Pollers.Validate();
        return this;
    }

    private static void Positive(string key, TimeSpan value, string alternative = "")
    {
        if (value <= TimeSpan.Zero) Fail(key, value, alternative.Length == 0 ? "must be positive" : $"must be positive, {alternative}");
    }

    private static void Fail(string key, object value, string rule) =>
        throw new ArgumentException(FormattableString.Invariant($"{Path}.{key} {rule}, was {value}."));
}
