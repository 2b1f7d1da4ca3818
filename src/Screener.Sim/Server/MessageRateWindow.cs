namespace Screener.Sim.Server;

/// <summary>
/// Incoming messages of one connection in a sliding window: the message that would make more than
/// <c>max</c> within one window is refused. Sliding is stricter than a fixed window, so a client that
/// passes here also passes fstream (observed there: 15 back-to-back answered, 40 closed).
/// </summary>
internal sealed class MessageRateWindow
{
    private readonly long[] _times;
    private readonly long _windowMs;
    private int _count;
    private int _oldest;

    public MessageRateWindow(int max, long windowMs)
    {
        _times = new long[Math.Max(1, max)];
        _windowMs = windowMs;
    }

    /// <summary>Records a message at <paramref name="nowMs"/>; false when it exceeds the rate (it is then not recorded).</summary>
    public bool TryAdd(long nowMs)
    {
        if (_count < _times.Length)
        {
            _times[(_oldest + _count++) % _times.Length] = nowMs;
            return true;
        }
        if (nowMs - _times[_oldest] < _windowMs) return false;
        _times[_oldest] = nowMs;
        _oldest = (_oldest + 1) % _times.Length;
        return true;
    }
}
