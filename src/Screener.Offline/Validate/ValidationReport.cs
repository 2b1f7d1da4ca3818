using System.Globalization;
using System.Text;
using Screener.Offline.Validate.Charts;

namespace Screener.Offline.Validate;

/// <summary>
/// Writes a <see cref="ValidationResult"/> as <c>report.md</c> with its PNG figures beside it: per head a reliability
/// diagram and ROC curves of every scorer, and the feature-group ablations; one chart of every head's top-K mean net
/// edge per scorer. The same result gives the same files.
/// </summary>
public static class ValidationReport
{
    public const string ReportFile = "report.md";

    /// <summary>Writes into <paramref name="folder"/> (created if needed); returns the report's path.</summary>
    /// <param name="result">The figures.</param>
    /// <param name="folder">Output folder.</param>
    /// <param name="context">Lines describing the rows (journal, split range, counts), printed under the title.</param>
    public static string Write(ValidationResult result, string folder, IReadOnlyList<string> context)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        Directory.CreateDirectory(folder);
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');
        static string F(FormattableString f) => f.ToString(CultureInfo.InvariantCulture);
        static string N(double v, string format) => double.IsNaN(v) ? "n/a" : v.ToString(format, CultureInfo.InvariantCulture);

        Line("# Validation report");
        Line();
        Line(F($"Model `{result.ModelVersion}`, rows: {result.Split}. Top-K with K = {result.K} per tick, ranked by each scorer's probability."));
        Line();
        foreach (var c in context) Line("- " + c);
        Line();
        Line("## Targets");
        Line();
        Line(F($"ECE ≤ {ValidationTargets.MaxEce}; AUC within {ValidationTargets.OracleAucMargin} of the oracle's; top-K mean realized net edge above both baselines."));
        Line();
        Line("| head | ECE | target | AUC vs oracle | target | top-K net edge vs best baseline (bps) | target |");
        Line("| --- | ---: | --- | ---: | --- | ---: | --- |");
        foreach (var head in result.Heads)
        {
            var v = ValidationTargets.Judge(head);
            var model = head.Scorer(ValidationRun.Model);
            var oracle = head.Scorers.FirstOrDefault(s => s.Name == ValidationRun.Oracle);
            var best = Math.Max(head.Scorer(ValidationRun.VolatilityRank).TopK.MeanSelectedValue, head.Scorer(ValidationRun.VolumeSpike).TopK.MeanSelectedValue);
            Line(F($"| {head.Head} | {N(model.Ece, "F4")} | {Mark(v.Calibrated)} | {N(model.Auc, "F3")} vs {(oracle is null ? "n/a" : N(oracle.Auc, "F3"))} | {(v.NearOracle is { } near ? Mark(near) : "not judged")} | {N(model.TopK.MeanSelectedValue, "F2")} vs {N(best, "F2")} | {Mark(v.BeatsBaselines)} |"));
        }
        Line();
        Line(ValidationTargets.AllMet(result) ? "Every judged target is met." : "**Not every target is met.**");
        Line();
        Line("![top-K mean net edge](topk_net_edge.png)");
        Line();
        BarChart.Save(Path.Combine(folder, "topk_net_edge.png"),
            [.. result.Heads.SelectMany(h => h.Scorers.Select(s => ($"{h.Head} {s.Name}", Finite(s.TopK.MeanSelectedValue))))],
            "Top-K mean realized net edge per head and scorer", "bps", height: Math.Max(600, 60 + 22 * result.Heads.Sum(h => h.Scorers.Count)));

        foreach (var head in result.Heads)
        {
            Line(F($"## {head.Head}"));
            Line();
            Line(F($"{head.Rows:N0} rows, {head.InPlayRate:P1} in play."));
            Line();
            Line("| scorer | AUC | PR-AUC | Brier | log loss | ECE | top-K precision | top-K mean net edge (bps) |");
            Line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var s in head.Scorers)
                Line(F($"| {s.Name} | {N(s.Auc, "F3")} | {N(s.PrAuc, "F3")} | {N(s.Brier, "F4")} | {N(s.LogLoss, "F4")} | {N(s.Ece, "F4")} | {N(s.TopK.PrecisionAtK, "P1")} | {N(s.TopK.MeanSelectedValue, "F2")} |"));
            var any = head.Scorers[0].TopK;
            Line(F($"| (all rows) | | | | | | {N(any.BaseRate, "P1")} | {N(any.MeanValue, "F2")} |"));
            Line();
            foreach (var s in head.Scorers) Line(F($"- {s.Name}: {s.Description}."));
            Line();
            var reliability = $"reliability_{head.Head}.png";
            ReliabilityChart.Save(Path.Combine(folder, reliability),
                [.. head.Scorers.Select(s => (s.Name, (IReadOnlyList<ReliabilityPoint>)[.. s.Reliability.Where(b => b.Count > 0).Select(b => new ReliabilityPoint(b.MeanPredicted, b.ObservedRate, b.Count))]))],
                $"Reliability, {head.Head} (test rows)");
            var roc = $"roc_{head.Head}.png";
            RocChart.Save(Path.Combine(folder, roc),
                [.. head.Scorers.Select(s => (s.Name, s.Roc))], $"ROC, {head.Head}");
            Line(F($"![reliability {head.Head}]({reliability}) ![ROC {head.Head}]({roc})"));
            Line();

            Line("Per regime:");
            Line();
            Line("| regime | rows | in play | " + string.Join(" | ", head.Scorers.Select(s => $"{s.Name} AUC")) + " | model ECE | " +
                 string.Join(" | ", head.Scorers.Select(s => $"{s.Name} top-K edge"))  + " |");
            Line("| --- | ---: | ---: | " + string.Join(" | ", head.Scorers.Select(_ => "---:")) + " | ---: | " + string.Join(" | ", head.Scorers.Select(_ => "---:")) + " |");
            foreach (var r in head.ByRegime)
                Line(F($"| {r.Regime} | {r.Rows:N0} | {r.InPlayRate:P1} | ") + string.Join(" | ", r.Scorers.Select(s => N(s.Auc, "F3"))) + " | " +
                     N(r.Scorers[0].Ece, "F4") + " | " + string.Join(" | ", r.Scorers.Select(s => N(s.TopK.MeanSelectedValue, "F2"))) + " |");
            Line();

            var ablation = $"ablation_{head.Head}.png";
            Line("Feature-group ablations (the group's values permuted across rows, the model scored again):");
            Line();
            Line("| group | features | AUC | AUC drop |");
            Line("| --- | ---: | ---: | ---: |");
            foreach (var a in head.Ablations.OrderByDescending(a => a.AucDrop).ThenBy(a => a.Group, StringComparer.Ordinal))
                Line(F($"| {a.Group} | {a.Features} | {N(a.Auc, "F3")} | {N(a.AucDrop, "F4")} |"));
            Line();
            BarChart.Save(Path.Combine(folder, ablation),
                [.. head.Ablations.OrderByDescending(a => a.AucDrop).ThenBy(a => a.Group, StringComparer.Ordinal).Select(a => (a.Group, Finite(a.AucDrop)))],
                $"AUC drop with the group permuted, {head.Head}", "AUC drop");
            Line(F($"![ablations {head.Head}]({ablation})"));
            Line();
        }

        var path = Path.Combine(folder, ReportFile);
        File.WriteAllText(path, md.ToString());
        return path;
    }

    private static string Mark(bool ok) => ok ? "met" : "**missed**";

    private static double Finite(double v) => double.IsFinite(v) ? v : 0;
}
