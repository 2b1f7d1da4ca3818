namespace Screener.Binance.Subscriptions;

/// <summary>How a connection subscribes its planned streams after connecting.</summary>
public sealed record SubscriptionSettings
{
    /// <summary>Default settings.</summary>
    public static SubscriptionSettings Default { get; } = new();

    /// <summary>Stream names per SUBSCRIBE message (default 100; Binance accepts 200 in one message).</summary>
    public int MaxStreamsPerMessage { get; init; } = 100;

    /// <summary>
    /// Control messages sent per second on one connection (default 5). Futures allow 10 incoming messages per second
    /// per connection and count PING, PONG and JSON control frames alike (40 back-to-back close the socket with 1008
    /// "Too many requests"), so half the limit leaves room for pongs. Messages are spaced by <c>1 s / rate</c>.
    /// </summary>
    public double MessagesPerSecond { get; init; } = 5;

    /// <summary>
    /// How long to wait for the replies (SUBSCRIBE acknowledgements and the LIST_SUBSCRIPTIONS answer) after the last
    /// message was sent (default 10 s). No answer in time fails the session.
    /// </summary>
    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Spacing between two control messages.</summary>
    public TimeSpan MessageInterval => TimeSpan.FromTicks((long)Math.Ceiling(TimeSpan.TicksPerSecond / MessagesPerSecond));

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        if (MaxStreamsPerMessage is < 1 or > 1024)
            throw new ArgumentOutOfRangeException(nameof(MaxStreamsPerMessage), MaxStreamsPerMessage, "Must be within 1..1024.");
        if (!(MessagesPerSecond > 0 && MessagesPerSecond <= 10))
            throw new ArgumentOutOfRangeException(nameof(MessagesPerSecond), MessagesPerSecond,
                "Must be within (0, 10]: futures close a connection that sends more than 10 messages per second.");
        if (ReplyTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(ReplyTimeout));
    }
}
