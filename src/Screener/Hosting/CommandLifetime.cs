using Microsoft.Extensions.Hosting;

namespace Screener.Hosting;

/// <summary>
/// A host lifetime that leaves Ctrl+C and SIGTERM to the command. The default console lifetime would stop the
/// ActorSystem on Ctrl+C while the graph still holds frames; the command instead stops the graph first, waits
/// until the journals hold everything received, and only then stops the host.
/// </summary>
public sealed class CommandLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
