using Screener.Contracts;

namespace Screener.Binance.Subscriptions;

/// <summary>
/// The control messages that subscribe one connection: SUBSCRIBE batches of at most
/// <see cref="SubscriptionSettings.MaxStreamsPerMessage"/> names, then one LIST_SUBSCRIPTIONS whose answer must equal
/// the planned set. Ids increase from <c>firstId</c>; messages are to be sent <see cref="Interval"/> apart.
/// </summary>
/// <param name="Subscribes">SUBSCRIBE messages in sending order.</param>
/// <param name="List">The LIST_SUBSCRIPTIONS message sent after them.</param>
/// <param name="Interval">Minimum spacing between two messages (from <see cref="SubscriptionSettings.MessagesPerSecond"/>).</param>
public sealed record SubscriptionPlan(EquatableArray<ControlRequest> Subscribes, ControlRequest List, TimeSpan Interval)
{
    /// <summary>All messages in sending order.</summary>
    public IEnumerable<ControlRequest> Messages => Subscribes.Append(List);

    /// <summary>Next free id after this plan.</summary>
    public long NextId => List.Id + 1;

    /// <summary>Earliest offset of message <paramref name="index"/> from the first one when paced.</summary>
    public TimeSpan OffsetOf(int index) => Interval * index;

    /// <summary>Plans the messages for <paramref name="streams"/> (order kept, duplicates dropped).</summary>
    public static SubscriptionPlan Create(IEnumerable<string> streams, SubscriptionSettings? settings = null, long firstId = 1)
    {
        ArgumentNullException.ThrowIfNull(streams);
        settings ??= SubscriptionSettings.Default;
        settings.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(firstId, 0);

        var unique = streams.Distinct(StringComparer.Ordinal).ToArray();
        var id = firstId;
        var subscribes = unique.Chunk(settings.MaxStreamsPerMessage)
            .Select(batch => new ControlRequest(ControlRequest.Subscribe, batch, id++))
            .ToArray();
        return new SubscriptionPlan(subscribes, new ControlRequest(ControlRequest.ListSubscriptions, EquatableArray<string>.Empty, id),
            settings.MessageInterval);
    }
}
