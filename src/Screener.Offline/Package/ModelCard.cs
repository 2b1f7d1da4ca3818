using System.Globalization;
using System.Text;
using Screener.Analytics.Models;

namespace Screener.Offline.Package;

/// <summary><c>MODEL_CARD.md</c>: what the model is, what it was trained on, how well it did on its test split, and its limits.</summary>
public static class ModelCard
{
    /// <summary>Below this many days of rows, <c>screener train</c> leaves the time of day out by default.</summary>
    public const int TrainDays = 7;

    public static string Render(ModelManifest manifest, TrainingSource source)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(source);
        var data = manifest.TrainingData;
        var split = manifest.Split;
        var t = manifest.Trainer;
        var s = new StringBuilder();
        void Line(string text = "") => s.Append(text).Append('\n');
        string F(FormattableString f) => f.ToString(CultureInfo.InvariantCulture);

        Line("# Model card: CryptoScreener-X in-play model");
        Line();
        Line(F($"`{manifest.ModelVersion}`"));
        Line();
        if (data.Simulated)
        {
            Line("> **Trained on simulated data.** The journal it learned from was written by `Screener.Sim`, the project's simulated");
            Line("> Binance exchange, with planted in-play episodes; no real market data was available where it was built. Its");
            Line("> figures say how well it finds the simulator's episodes, not how it will do on Binance. Retrain on journals");
            Line("> recorded from the exchange (`screener record`) before relying on it.");
            Line();
        }
        Line("## What it predicts");
        Line();
        Line("For every symbol at every feature tick, per execution profile and horizon (a *head*): the probability that the best");
        Line("favourable move within the horizon exceeds the round-trip cost of the profile (fees, spread, and slippage for the");
        Line("profile's notional from the recorded book), and the expected net edge in bps. Labels are defined in ARCHITECTURE.md");
        Line("section 3; the features are the feature spec below, computed by the same code live and offline.");
        Line();
        Line("| head | profile | horizon | in-play score output | net-edge output | calibrator |");
        Line("| --- | --- | ---: | --- | --- | --- |");
        foreach (var h in manifest.Heads)
            Line(F($"| {h.Name} | {h.Profile} | {h.HorizonSeconds} s | `{h.InPlayScoreOutput}` | `{h.NetEdgeOutput}` | {h.Calibrator.Kind} ({h.Calibrator.X.Length} breakpoints) |"));
        Line();
        Line("## Model");
        Line();
        Line(F($"- {t.Algorithm}, per head a binary classifier (in play) and a regressor (net edge bps): {t.Trees} trees of {t.Leaves} leaves, at least {t.MinimumExampleCountPerLeaf} rows per leaf, learning rate {t.LearningRate}, seed {t.Seed}, one thread."));
        if (t.ExcludedFeatures.Count > 0)
            Line(F($"- Not used by any tree (held constant in training): {string.Join(", ", t.ExcludedFeatures.Select(f => $"`{f}`"))}. The time of day is left out when the training data span less than {TrainDays} days: a few hours of it would only tell the splits apart."));
        Line(F($"- One ONNX file, `{manifest.Model.File}` ({manifest.Model.Bytes:N0} bytes, {manifest.Model.Precision} evaluation, `ai.onnx.ml` tree ensembles): one ONNX Runtime call scores every head. Node covers from the training split are in its metadata, for attributions."));
        Line("- Probabilities: each classifier's raw score goes through an isotonic calibrator fitted on the validation split (in the manifest).");
        Line(F($"- Regimes: k-means with k = {manifest.Regime.Names.Count} over {string.Join(", ", manifest.Regime.Features.Select(f => $"`{f}`"))}, standardised on the training split (`{manifest.Regime.File}`): {string.Join(", ", manifest.Regime.Names)}."));
        Line(F($"- Feature spec `{manifest.FeatureSpec.Version}`, hash `{manifest.FeatureSpec.Hash}`, {manifest.FeatureSpec.Names.Count} features. A node refuses the model under any other spec."));
        Line();
        Line("## Training data");
        Line();
        Line(F($"- Source: {source.Journal}, raw journal `{source.PersistenceId}`{(data.Simulated ? ", simulated" : "")}. {source.Description}"));
        Line(F($"- {data.Symbols.Count} symbols: {string.Join(", ", data.Symbols)}."));
        Line(F($"- Rows from {data.From} to {data.To}, one per symbol every {data.RowEverySeconds:0.###} s: {data.Rows:N0} rows kept of {data.Snapshots:N0} snapshots; excluded {string.Join(", ", data.Excluded.Select(e => $"{e.Value:N0} {e.Key}"))}."));
        Line(F($"- Time split {split.TrainFraction:0.##} / {split.ValidationFraction:0.##} / {split.TestFraction:0.##} with a purge gap of {split.PurgeSeconds:0} s (the longest horizon) between splits ({split.Purged:N0} rows dropped):"));
        Line(F($"  train {split.Train.Rows:N0} rows ({split.Train.From} .. {split.Train.To}), validation {split.Validation.Rows:N0} ({split.Validation.From} .. {split.Validation.To}), test {split.Test.Rows:N0} ({split.Test.From} .. {split.Test.To})."));
        Line();
        Line("## Test split");
        Line();
        Line("Calibrated probabilities on the test split (after the validation split, never seen by training or calibration). ECE over 10 equal-width bins.");
        Line();
        Line("| head | rows | in play | AUC | Brier | log loss | ECE | net-edge correlation |");
        Line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var m in manifest.TestMetrics)
            Line(F($"| {m.Head} | {m.Rows:N0} | {m.InPlayRate:P1} | {m.Auc:F3} | {m.Brier:F4} | {m.LogLoss:F4} | {m.Ece:F4} | {m.NetEdgeCorrelation:F3} |"));
        Line();
        Line("`screener validate` gives the full report: PR-AUC, reliability diagrams, top-K precision and net edge, per regime, feature-group");
        Line("ablations, against the volatility-rank and volume-spike baselines and, on simulated journals, the simulator's oracle.");
        Line();
        Line("## Limits");
        Line();
        var loose = manifest.TestMetrics.Where(m => !(m.Ece <= Validate.ValidationTargets.MaxEce)).ToList();
        if (loose.Count > 0)
        {
            Line(F($"- Calibration did not carry over to the test period for every head: ECE above {Validate.ValidationTargets.MaxEce} for {string.Join(", ", loose.Select(m => F($"{m.Head} ({m.Ece:F3})")))}."));
            Line("  The calibrators fit the validation period; where the test period's in-play rate differs from it (the table above");
            Line("  against the training rates in the manifest), the probabilities are off by about that difference.");
        }
        Line("- The labels assume the recorded book is what a trade of the profile's notional would have met; hidden liquidity,");
        Line("  queue position and market impact beyond the book walk are not modelled. A maker entry is assumed filled at the touch.");
        Line("- Probabilities are calibrated on one validation period; a market regime absent from the training data is not covered.");
        Line("- The model ranks symbols; it is not an execution signal and carries no position sizing or risk limits.");
        Line();
        Line("## Reproduce");
        Line();
        Line("`dotnet fsi build.fsx train` generates the journal with the simulator, trains and packages into `models/`; the same");
        Line(F($"commit and settings give the same bytes (training hash `{manifest.TrainingHash}`)."));
        return s.ToString();
    }
}
