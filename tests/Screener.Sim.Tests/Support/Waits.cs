namespace Screener.Sim.Tests.Support;

/// <summary>Bounds for network waits: every wait in these specs ends, pass or fail, within a few seconds.</summary>
internal static class Waits
{
    /// <summary>Upper bound for something that must happen (a reply, the first frame).</summary>
    public static readonly TimeSpan Expect = TimeSpan.FromSeconds(5);

    /// <summary>Window in which something must not happen (data on a wrong path); 10+ steps of 100 ms.</summary>
    public static readonly TimeSpan Silence = TimeSpan.FromMilliseconds(1200);

    /// <summary>Polls <paramref name="condition"/> until true or <paramref name="timeout"/>.</summary>
    public static async Task<bool> UntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(20);
        }
        return true;
    }
}
