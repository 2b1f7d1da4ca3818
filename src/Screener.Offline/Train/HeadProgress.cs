namespace Screener.Offline.Train;

/// <summary>One model trained by <see cref="HeadTrainer"/>.</summary>
/// <param name="Index">1-based position among the models of the run.</param>
/// <param name="Count">Models in the run (two per head: in play, then net edge).</param>
/// <param name="Model">The model's name, for example <c>taker_30s_in_play</c>.</param>
/// <param name="Rows">Rows it was trained on.</param>
/// <param name="Elapsed">Time since the run started.</param>
public sealed record HeadProgress(int Index, int Count, string Model, int Rows, TimeSpan Elapsed)
{
    public override string ToString() => $"[{Index}/{Count}] {Model}: {Rows} rows, {Elapsed.TotalSeconds:F1} s";
}
