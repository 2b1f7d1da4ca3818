namespace Screener.Offline.Package;

/// <summary>Where the training rows came from, for the manifest and the model card.</summary>
/// <param name="Journal">The journal's file name.</param>
/// <param name="PersistenceId">The raw journal read.</param>
/// <param name="Simulated">The journal was written by the simulator (it has the simulator's run table).</param>
/// <param name="Description">One line, for example the simulator's settings.</param>
public sealed record TrainingSource(string Journal, string PersistenceId, bool Simulated, string Description)
{
    public override string ToString() => $"{Journal} {PersistenceId}" + (Simulated ? " (simulated)" : "");
}
