using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Screener.Binance.Transport;

/// <summary>The planned rotation of a <see cref="ConnectionLife"/>: a standby session takes over without a gap.</summary>
internal sealed partial class ConnectionLife
{
    private async Task RotateAsync(ConnectionSession old, TimeSpan age)
    {
        var started = Stopwatch.GetTimestamp();
        ConnectionSession? standby = null;
        try
        {
            standby = NewSession();
            _logger?.LogInformation("{ConnectionId} rotating: connection age {Age} reached; opening a new connection (session {Session})",
                _settings.ConnectionId, age, standby.Number);
            await _write.WaitAsync(_stopping.Token).ConfigureAwait(false);
            try
            {
                _standby = standby;
                _rotation = new RotationBuffer(_settings.RotationBufferCapacity);
                _switched = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            finally
            {
                _write.Release();
            }

            await standby.OpenAsync(_stopping.Token).ConfigureAwait(false);
            await standby.SubscribeAsync(_stopping.Token).ConfigureAwait(false);
            var wait = _settings.NoDataTimeout ?? TimeSpan.FromSeconds(30);
            var switched = _switched.Task;
            var done = await Task.WhenAny(switched, standby.Ended, Task.Delay(wait, _stopping.Token)).ConfigureAwait(false);
            if (done != switched && !switched.IsCompleted)
                throw new BinanceConnectionException(_settings.ConnectionId, standby.Ended.IsCompleted
                    ? await standby.Ended.ConfigureAwait(false)
                    : $"no data on the new connection within {wait.TotalSeconds:0.#} s of its confirmation");

            await old.CloseAsync("planned rotation").ConfigureAwait(false);
            _ = old.DisposeAsync().AsTask();
            _counters.OnRotated(_clock.UtcNowTicks);
            _logger?.LogInformation(
                "{ConnectionId} rotated: switched to session {Session} {Seconds:0.00} s after opening it; old session {Old} closed",
                _settings.ConnectionId, standby.Number, Stopwatch.GetElapsedTime(started).TotalSeconds, old.Number);
        }
        catch (Exception ex) when (!_stopping.IsCancellationRequested)
        {
            var switched = false;
            await _write.WaitAsync().ConfigureAwait(false);
            try
            {
                switched = ReferenceEquals(_active, standby);
                if (!switched)
                {
                    _standby = null;
                    _rotation = null;
                }
            }
            finally
            {
                _write.Release();
            }

            if (!switched)
            {
                if (standby is not null) await standby.DisposeAsync().ConfigureAwait(false);
                _counters.OnRotationFailed();
                Volatile.Write(ref _nextRotationAt, Stopwatch.GetTimestamp() + (long)(_settings.RotationRetryDelay.TotalSeconds * Stopwatch.Frequency));
                _logger?.LogWarning("{ConnectionId} rotation failed: {Reason}; keeping the current connection, next attempt in {Delay}",
                    _settings.ConnectionId, ex is BinanceConnectionException bce ? bce.Reason : ex.Message, _settings.RotationRetryDelay);
            }
        }
        catch (Exception)
        {
            // Stopping: the life's own cleanup disposes every session.
        }
        finally
        {
            Volatile.Write(ref _rotating, 0);
        }
    }

    /// <summary>Under the write lock: the standby becomes the emitter; its buffered frames follow a Connected status.</summary>
    private async ValueTask SwitchAsync(ConnectionSession standby, RotationBuffer rotation, CancellationToken cancellationToken)
    {
        _active = standby;
        _standby = null;
        var now = _clock.UtcNowTicks;
        await WriteAsync(StatusFrames.Connected(_settings.ConnectionId, now), cancellationToken).ConfigureAwait(false);
        _counters.OnStatusFrame();
        _counters.OnConfirmed(_settings.Streams.Count, now);
        foreach (var frame in rotation.TakeBuffered())
        {
            if (rotation.IsDuplicate(frame)) _counters.OnDuplicateDropped();
            else await EmitAsync(frame, isData: true, cancellationToken).ConfigureAwait(false);
        }

        rotation.StartDraining();
        EndDrainIfDone(rotation);
        _switched.TrySetResult();
    }

    private void EndDrainIfDone(RotationBuffer rotation)
    {
        if (!rotation.Done) return;
        if (rotation.DuplicatesDropped > 0)
            _logger?.LogInformation("{ConnectionId} rotation overlap: {Count} duplicate frames dropped", _settings.ConnectionId, rotation.DuplicatesDropped);
        _rotation = null;
    }
}
