namespace Screener.Offline.Validate;

/// <summary>What <see cref="ValidationRun"/> measured, per head.</summary>
/// <param name="ModelVersion">The model validated.</param>
/// <param name="Split">Which rows: <c>test</c> (the manifest's test split of the training journal) or <c>all</c>.</param>
/// <param name="K">Top-K size.</param>
/// <param name="Regimes">Regime names, by index.</param>
/// <param name="Heads">Per head.</param>
public sealed record ValidationResult(string ModelVersion, string Split, int K, IReadOnlyList<string> Regimes, IReadOnlyList<HeadValidation> Heads);

/// <summary>One head: every scorer's figures on the same rows, per regime, and the model's feature-group ablations.</summary>
/// <param name="Head">Head name.</param>
/// <param name="Rows">Rows evaluated.</param>
/// <param name="InPlayRate">Share of rows in play.</param>
/// <param name="Scorers">The model first, then the baselines, then the oracle when the journal has one.</param>
/// <param name="ByRegime">Per regime (index order), the same scorers on the regime's rows.</param>
/// <param name="Ablations">Per feature group, the model's test AUC with the group's features permuted across rows.</param>
public sealed record HeadValidation(
    string Head, int Rows, double InPlayRate, IReadOnlyList<ScorerValidation> Scorers,
    IReadOnlyList<RegimeValidation> ByRegime, IReadOnlyList<GroupAblation> Ablations)
{
    public ScorerValidation Scorer(string name) => Scorers.Single(s => s.Name == name);
}

/// <summary>One scorer on one set of rows. Probability metrics use the scorer's calibrated probability; top-K ranks by it.</summary>
/// <param name="Roc">The ROC curve of the probability (per regime: empty).</param>
public sealed record ScorerValidation(
    string Name, string Description, double Auc, double PrAuc, double Brier, double LogLoss, double Ece,
    IReadOnlyList<ReliabilityBin> Reliability, TopKResult TopK, IReadOnlyList<Charts.RocPoint> Roc);

/// <param name="Regime">Regime name.</param>
/// <param name="Rows">Rows in the regime.</param>
/// <param name="InPlayRate">Share in play.</param>
/// <param name="Scorers">Same scorers as the head's, on these rows.</param>
public sealed record RegimeValidation(string Regime, int Rows, double InPlayRate, IReadOnlyList<ScorerValidation> Scorers);

/// <param name="Group">Feature group.</param>
/// <param name="Features">Features in it.</param>
/// <param name="Auc">The model's AUC with the group permuted.</param>
/// <param name="AucDrop">The model's AUC minus that.</param>
public sealed record GroupAblation(string Group, int Features, double Auc, double AucDrop);
