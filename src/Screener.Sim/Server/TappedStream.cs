namespace Screener.Sim.Server;

/// <summary>
/// The upgraded WebSocket transport with two taps the WebSocket API cannot offer: reads feed a
/// <see cref="ClientFrameScanner"/> (to count every client frame, control frames included), and writes wait
/// while the <c>pause</c> fault holds output, so frames, pings and pongs all stop while the socket stays open.
/// </summary>
internal sealed class TappedStream : Stream
{
    private readonly Stream _inner;
    private readonly Func<long> _holdMs;
    private readonly Action _onHeld;
    private readonly CancellationTokenSource _disposed = new();

    /// <param name="inner">Kestrel's opaque upgraded stream.</param>
    /// <param name="holdMs">How long writes must still wait right now (0 = send).</param>
    /// <param name="onHeld">Called once per write that had to wait.</param>
    public TappedStream(Stream inner, Func<long> holdMs, Action onHeld)
    {
        _inner = inner;
        _holdMs = holdMs;
        _onHeld = onHeld;
    }

    /// <summary>Set by the endpoint once the connection exists; the WebSocket reads nothing before that.</summary>
    public ClientFrameScanner? Scanner { get; set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await _inner.ReadAsync(buffer, cancellationToken);
        Scanner?.Feed(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = _inner.Read(buffer, offset, count);
        Scanner?.Feed(buffer.AsSpan(offset, read));
        return read;
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await HoldAsync(cancellationToken);
        await _inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count)
    {
        HoldAsync(CancellationToken.None).GetAwaiter().GetResult();
        _inner.Write(buffer, offset, count);
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    public override void Flush() => _inner.Flush();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // An abort during a pause must not leave a writer sleeping until the pause ends.
            _disposed.Cancel();
            _inner.Dispose();
        }
        base.Dispose(disposing);
    }

    private async Task HoldAsync(CancellationToken cancellationToken)
    {
        var wait = _holdMs();
        if (wait <= 0) return;
        _onHeld();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposed.Token);
        // Re-read after each sleep: the pause may be lengthened or cleared while it runs.
        while (wait > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(wait), linked.Token);
            wait = _holdMs();
        }
    }
}
