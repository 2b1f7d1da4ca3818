namespace Screener.Offline.Train;

/// <summary>
/// FastTree sizes for every head (classifier and regressor alike), and the seed. Small defaults: a screener head is
/// scored for every symbol at every tick.
/// </summary>
/// <param name="Trees">Boosting rounds.</param>
/// <param name="Leaves">Leaves per tree.</param>
/// <param name="MinimumExampleCountPerLeaf">The smallest leaf, in rows.</param>
/// <param name="LearningRate">Shrinkage; the classifier's Platt slope is −2 × this.</param>
/// <param name="Seed">The <c>MLContext</c> seed of every model; one thread, so the same rows give the same trees.</param>
public sealed record HeadTrainerSettings(
    int Trees = 25, int Leaves = 16, int MinimumExampleCountPerLeaf = 20, double LearningRate = 0.2, int Seed = 42)
{
    public static HeadTrainerSettings Default { get; } = new();

    public HeadTrainerSettings Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Trees);
        ArgumentOutOfRangeException.ThrowIfLessThan(Leaves, 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MinimumExampleCountPerLeaf);
        if (!(LearningRate > 0) || LearningRate > 1) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "Must be in (0, 1].");
        return this;
    }
}
