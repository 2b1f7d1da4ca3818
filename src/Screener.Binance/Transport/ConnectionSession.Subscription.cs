using System.Diagnostics;
using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using Screener.Binance.Subscriptions;
using Screener.Contracts;

namespace Screener.Binance.Transport;

/// <summary>The subscription procedure of a <see cref="ConnectionSession"/>: paced SUBSCRIBE batches confirmed by LIST_SUBSCRIPTIONS.</summary>
internal sealed partial class ConnectionSession
{
    /// <summary>
    /// Subscribes the planned streams and confirms them with LIST_SUBSCRIPTIONS; re-subscribes missing streams once.
    /// </summary>
    /// <exception cref="BinanceConnectionException">Rejected, unanswered, still incomplete, or the session ended.</exception>
    public async Task SubscribeAsync(CancellationToken cancellationToken)
    {
        var planned = _settings.Streams;
        if (planned.Count > 0)
        {
            var started = Stopwatch.GetTimestamp();
            var missing = await SubscribeAndListAsync(planned.ToArray(), planned, cancellationToken).ConfigureAwait(false);
            if (missing.Count > 0)
            {
                _counters.OnResubscribe();
                _logger?.LogWarning("{ConnectionId} LIST_SUBSCRIPTIONS lacks {Missing} of {Planned} planned streams ({Names}); re-subscribing them once",
                    _settings.ConnectionId, missing.Count, planned.Count, Names(missing));
                missing = await SubscribeAndListAsync(missing, planned, cancellationToken).ConfigureAwait(false);
                if (missing.Count > 0)
                    throw Fail($"subscription not confirmed: {missing.Count} of {planned.Count} planned streams still missing from " +
                               $"LIST_SUBSCRIPTIONS after one re-subscribe ({Names(missing)})");
            }

            _logger?.LogInformation("{ConnectionId} subscribed {Streams} streams, confirmed by LIST_SUBSCRIPTIONS in {Seconds:0.00} s",
                _settings.ConnectionId, planned.Count, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }

        Volatile.Write(ref _confirmedAt, Stopwatch.GetTimestamp());
    }

    private async Task<List<string>> SubscribeAndListAsync(
        IReadOnlyList<string> toSubscribe, EquatableArray<string> planned, CancellationToken cancellationToken)
    {
        var batches = (toSubscribe.Count + _settings.Subscription.MaxStreamsPerMessage - 1) / _settings.Subscription.MaxStreamsPerMessage;
        var plan = SubscriptionPlan.Create(toSubscribe, _settings.Subscription, _ids.Reserve(batches + 1));
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _cancellation.Token);
        var acks = new List<(ControlRequest Request, Task<ControlReply> Reply)>();
        try
        {
            foreach (var request in plan.Subscribes) acks.Add((request, await SendAsync(request, linked.Token).ConfigureAwait(false)));
            var list = await SendAsync(plan.List, linked.Token).ConfigureAwait(false);

            linked.CancelAfter(_settings.Subscription.ReplyTimeout);
            foreach (var (request, reply) in acks)
            {
                var ack = await reply.WaitAsync(linked.Token).ConfigureAwait(false);
                if (ack.IsError) throw Fail($"SUBSCRIBE id {request.Id} rejected: {ack.DescribeError()}");
            }

            var answer = await list.WaitAsync(linked.Token).ConfigureAwait(false);
            if (answer.IsError) throw Fail($"LIST_SUBSCRIPTIONS id {plan.List.Id} rejected: {answer.DescribeError()}");
            var listed = new HashSet<string>(answer.Result ?? [], StringComparer.OrdinalIgnoreCase);
            var extra = listed.Except(planned, StringComparer.OrdinalIgnoreCase).ToArray();
            if (extra.Length > 0)
                _logger?.LogWarning("{ConnectionId} LIST_SUBSCRIPTIONS names {Count} unplanned streams ({Names})",
                    _settings.ConnectionId, extra.Length, Names(extra));
            return planned.Where(s => !listed.Contains(s)).ToList();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && !_cancellation.IsCancellationRequested)
        {
            throw Fail($"no reply to SUBSCRIBE/LIST_SUBSCRIPTIONS within {_settings.Subscription.ReplyTimeout.TotalSeconds:0.#} s");
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException
                                   && Ended.IsCompleted)
        {
            throw new BinanceConnectionException(_settings.ConnectionId, Ended.Result, ex);
        }
        finally
        {
            foreach (var request in plan.Messages) _pending.TryRemove(request.Id, out _);
        }
    }

    private async Task<Task<ControlReply>> SendAsync(ControlRequest request, CancellationToken cancellationToken)
    {
        var reply = new TaskCompletionSource<ControlReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[request.Id] = reply;
        if (Ended.IsCompleted) reply.TrySetException(new BinanceConnectionException(_settings.ConnectionId, Ended.Result));
        await _pacer.WaitAsync(cancellationToken).ConfigureAwait(false);
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The client drops a message silently when its socket is not open; this session says why instead.
            if (_client.NativeClient is not { State: WebSocketState.Open })
                throw new BinanceConnectionException(_settings.ConnectionId, Ended.IsCompleted ? Ended.Result : "socket not open");
            await _client.SendInstant(request.ToString()).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }

        _counters.OnControlSent();
        return reply.Task;
    }

    private static string Names(IReadOnlyCollection<string> names) =>
        string.Join(", ", names.Take(MaxListedNames)) + (names.Count > MaxListedNames ? $", … ({names.Count - MaxListedNames} more)" : "");
}
