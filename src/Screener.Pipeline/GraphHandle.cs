using Akka.Streams;

namespace Screener.Pipeline;

/// <summary>A running graph: stop it with <see cref="KillSwitch"/>, then await <see cref="Completion"/> (journals flushed).</summary>
public sealed record GraphHandle(UniqueKillSwitch KillSwitch, Task Completion)
{
    /// <summary>Stops taking input and waits until every sink has finished with what was already inside.</summary>
    public Task StopAsync()
    {
        KillSwitch.Shutdown();
        return Completion;
    }
}
