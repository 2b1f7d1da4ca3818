namespace Screener.Offline.Validate;

/// <summary>
/// The targets a model must meet on a simulated test split, per head: calibrated (ECE ≤ <see cref="MaxEce"/>), close to
/// the oracle (AUC at least the oracle's minus <see cref="OracleAucMargin"/>), and a better board than both baselines
/// (top-K mean realized net edge above each). Without an oracle the second target is not judged.
/// </summary>
public static class ValidationTargets
{
    public const double MaxEce = 0.02;
    public const double OracleAucMargin = 0.03;

    /// <summary>One head's verdicts; null where a target cannot be judged.</summary>
    public static HeadVerdict Judge(HeadValidation head)
    {
        ArgumentNullException.ThrowIfNull(head);
        var model = head.Scorer(ValidationRun.Model);
        var oracle = head.Scorers.FirstOrDefault(s => s.Name == ValidationRun.Oracle);
        var edge = model.TopK.MeanSelectedValue;
        return new HeadVerdict(
            head.Head,
            model.Ece <= MaxEce,
            oracle is null ? null : model.Auc >= oracle.Auc - OracleAucMargin,
            edge > head.Scorer(ValidationRun.VolatilityRank).TopK.MeanSelectedValue && edge > head.Scorer(ValidationRun.VolumeSpike).TopK.MeanSelectedValue);
    }

    /// <summary>Whether every judged target of every head holds.</summary>
    public static bool AllMet(ValidationResult result) =>
        result.Heads.Select(Judge).All(v => v.Calibrated && v.NearOracle != false && v.BeatsBaselines);
}

/// <param name="Head">Head name.</param>
/// <param name="Calibrated">ECE within the target.</param>
/// <param name="NearOracle">AUC within the margin of the oracle's; null without an oracle.</param>
/// <param name="BeatsBaselines">Top-K mean net edge above both baselines'.</param>
public sealed record HeadVerdict(string Head, bool Calibrated, bool? NearOracle, bool BeatsBaselines);
