namespace Screener.Commands;

/// <summary>Calls a progress report at a fixed period until cancelled; the caller prints the last line itself.</summary>
public static class ProgressTicker
{
    public static async Task RunAsync(Action report, TimeSpan every, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(every);
        try
        {
            while (await timer.WaitForNextTickAsync(ct)) report();
        }
        catch (OperationCanceledException)
        {
            // Stopped: the work finished or failed.
        }
    }
}
