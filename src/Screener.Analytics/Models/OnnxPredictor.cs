using Microsoft.ML.OnnxRuntime;
using Screener.Analytics.Calibration;
using Screener.Analytics.Costs;
using Screener.Analytics.Features;
using Screener.Analytics.Models.Trees;
using Screener.Analytics.Scoring;
using Screener.Contracts;

namespace Screener.Analytics.Models;

/// <summary>
/// The trained model, online: one ONNX Runtime session shared by every symbol substream (<c>Run</c> is thread-safe),
/// scoring one snapshot per call into every head, then per head the manifest's calibrator on the raw classifier score
/// (P in play) and the regressor's expected net edge, with the live cost of the head's profile
/// (<c>expected move = net edge + cost</c>: the labels define net edge as move − cost, priced from the book at the tick
/// as <see cref="LiveCost"/> prices it). The regime comes from the manifest's regime model. Attributions: the path
/// attribution of the best head's net edge (the head <see cref="ScoreAggregation"/> ranks the symbol by), the
/// <see cref="AttributionCount"/> largest by magnitude, signed, in bps.
/// <para>Session options: one intra-op and one inter-op thread, sequential execution, full graph optimisation, no
/// spinning. A snapshot is one row of a few hundred small trees, microseconds of work: handing it to more threads costs
/// more than it saves, and the symbol substreams already run in parallel. Inputs and outputs are bound to per-thread
/// buffers, so a call allocates only the prediction it returns.</para>
/// </summary>
public sealed class OnnxPredictor : IPredictor, IDisposable
{
    public const int AttributionCount = 5;

    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly Head[] _heads;
    private readonly RegimeModel _regime;
    private readonly ScoringSettings _scoring;
    private readonly int _featureCount;
    private readonly string[] _featureNames;
    private readonly ThreadLocal<Buffers> _buffers;
    private int _disposed;

    private OnnxPredictor(ModelManifest manifest, string folder, InferenceSession session, Head[] heads, RegimeModel regime, ScoringSettings scoring, FeatureSpec spec)
    {
        Manifest = manifest;
        Folder = folder;
        _session = session;
        _heads = heads;
        _regime = regime;
        _scoring = scoring;
        _featureCount = spec.Features.Count;
        _featureNames = [.. spec.Features.Select(f => f.Name)];
        _inputNames = [manifest.Model.Input];
        _outputNames = [.. heads.SelectMany(h => new[] { h.Spec.InPlayScoreOutput, h.Spec.NetEdgeOutput })];
        _buffers = new ThreadLocal<Buffers>(() => new Buffers(_featureCount, _outputNames.Length), trackAllValues: true);
    }

    public string ModelVersion => Manifest.ModelVersion;

    public ModelManifest Manifest { get; }

    /// <summary>The folder the model was loaded from.</summary>
    public string Folder { get; }

    /// <summary>
    /// Loads <c>manifest.json</c> in <paramref name="folder"/> and the files it names, checking each file's SHA-256, that
    /// the model reads <paramref name="spec"/> (same hash), that every head's profile is one <paramref name="scoring"/>
    /// defines, and that the ONNX file has the input and outputs the manifest names.
    /// </summary>
    /// <exception cref="ModelLoadException">Any of those checks fails; the message says which and names both hashes for a spec mismatch.</exception>
    public static OnnxPredictor Load(string folder, FeatureSpec spec, ScoringSettings scoring)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(scoring);
        var manifestPath = Path.Combine(folder, ModelManifestFile.ManifestName);
        if (!File.Exists(manifestPath)) throw new ModelLoadException($"No model manifest at '{Path.GetFullPath(manifestPath)}'.");
        ModelManifest manifest;
        RegimeModel regime;
        OnnxTreeModel trees;
        byte[] onnx;
        try
        {
            manifest = ModelManifestFile.Read(manifestPath);
            if (manifest.FeatureSpec.Hash != spec.Hash)
                throw new ModelLoadException(
                    $"Model {manifest.ModelVersion} in '{folder}' was trained on feature spec {manifest.FeatureSpec.Version} (hash {manifest.FeatureSpec.Hash}); " +
                    $"this engine computes feature spec {spec.Version} (hash {spec.Hash}). Retrain the model on this feature spec, or run the build it was trained with.");
            regime = RegimeModel.Create(ModelManifestFile.ReadRegime(manifestPath, manifest), spec);
            onnx = File.ReadAllBytes(Path.Combine(folder, manifest.Model.File));
            trees = OnnxTreeModelReader.Read(onnx);
        }
        catch (FormatException e)
        {
            throw new ModelLoadException($"The model in '{folder}' cannot be used: {e.Message}", e);
        }
        if (trees.FeatureCount != spec.Features.Count)
            throw new ModelLoadException($"The model in '{folder}' reads {trees.FeatureCount} features; feature spec {spec.Hash} has {spec.Features.Count}.");
        if (trees.Covers is null)
            throw new ModelLoadException($"The model in '{folder}' has no node covers; attributions need them (re-export it with covers).");

        var heads = manifest.Heads.Select(h => Bind(h, folder, trees, scoring)).ToArray();
        var session = CreateSession(onnx, folder);
        try
        {
            CheckSignature(session, manifest, folder);
            return new OnnxPredictor(manifest, folder, session, heads, regime, scoring, spec);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public PredictionSnapshot Predict(FeatureSnapshot features, ReadOnlySpan<CostQuote> costs)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var values = features.Values.AsSpan();
        if (values.Length != _featureCount)
            throw new ArgumentException($"{features.Symbol}: {values.Length} feature values; the model reads {_featureCount}.", nameof(features));
        var b = _buffers.Value!;
        values.CopyTo(b.Input);
        _session.Run(_runOptions, _inputNames, b.InputValues, _outputNames, b.OutputValues);

        var heads = new HeadPrediction[_heads.Length];
        for (var i = 0; i < _heads.Length; i++)
        {
            var head = _heads[i];
            var p = head.Calibrator.Apply(b.Outputs[2 * i][0]);
            double net = b.Outputs[2 * i + 1][0];
            var cost = costs.Length > head.ProfileIndex && costs[head.ProfileIndex].IsAvailable
                ? costs[head.ProfileIndex].TotalBps
                : head.Profile.CostBps(values[MarketFeatures.SpreadBps]);
            heads[i] = new HeadPrediction(head.Spec.Profile, head.Spec.HorizonSeconds, p, net + cost, cost, net);
        }

        var best = ScoreAggregation.BestIndex(heads, _scoring);
        var attributions = best < 0 ? [] : Attribute(_heads[best].Attribution, values, b.Contributions);
        return new PredictionSnapshot(features.Symbol, features.Time, Manifest.ModelVersion, heads,
            _regime.Names[_regime.Assign(values)], attributions, EquatableArray<string>.Empty);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        foreach (var b in _buffers.Values) b.Dispose();
        _buffers.Dispose();
        _runOptions.Dispose();
        _session.Dispose();
    }

    private Attribution[] Attribute(PathAttribution attribution, ReadOnlySpan<float> values, double[] contributions)
    {
        Array.Clear(contributions);
        attribution.Attribute(values, contributions);
        Span<int> top = stackalloc int[AttributionCount];
        var count = 0;
        for (var f = 0; f < contributions.Length; f++)
        {
            if (contributions[f] == 0) continue;
            // Insertion into the running top list: larger magnitude first, then lower feature index.
            var at = count;
            while (at > 0 && Math.Abs(contributions[top[at - 1]]) < Math.Abs(contributions[f])) at--;
            if (at >= AttributionCount) continue;
            for (var j = Math.Min(count, AttributionCount - 1); j > at; j--) top[j] = top[j - 1];
            top[at] = f;
            if (count < AttributionCount) count++;
        }
        var result = new Attribution[count];
        for (var i = 0; i < count; i++) result[i] = new Attribution(_featureNames[top[i]], contributions[top[i]]);
        return result;
    }

    private static Head Bind(ManifestHead spec, string folder, OnnxTreeModel trees, ScoringSettings scoring)
    {
        var profileIndex = -1;
        for (var p = 0; p < scoring.Profiles.Count; p++)
            if (scoring.Profiles[p].Name == spec.Profile) profileIndex = p;
        if (profileIndex < 0)
            throw new ModelLoadException($"The model in '{folder}' has head {spec.Name} for profile '{spec.Profile}', which the scoring settings do not define (profiles: {string.Join(", ", scoring.Profiles.Select(p => p.Name))}).");
        var regressor = trees.Heads.FirstOrDefault(h => h.ScoreOutput == spec.NetEdgeOutput)
            ?? throw new ModelLoadException($"The model in '{folder}' has no tree head behind output '{spec.NetEdgeOutput}'.");
        IProbabilityCalibrator calibrator;
        try
        {
            calibrator = spec.Calibrator.ToCalibrator();
        }
        catch (FormatException e)
        {
            throw new ModelLoadException($"The model in '{folder}', head {spec.Name}: {e.Message}", e);
        }
        return new Head(spec, profileIndex, scoring.Profiles[profileIndex], calibrator, new PathAttribution(regressor, trees.Covers!));
    }

    /// <summary>The session options every model runs with (see the class summary); the caller disposes them.</summary>
    public static SessionOptions CreateSessionOptions()
    {
        var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return options;
    }

    private static InferenceSession CreateSession(byte[] onnx, string folder)
    {
        using var options = CreateSessionOptions();
        try
        {
            return new InferenceSession(onnx, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelLoadException($"ONNX Runtime refuses the model in '{folder}': {e.Message}", e);
        }
    }

    private static void CheckSignature(InferenceSession session, ModelManifest manifest, string folder)
    {
        if (!session.InputMetadata.ContainsKey(manifest.Model.Input))
            throw new ModelLoadException($"The model in '{folder}' has no input '{manifest.Model.Input}'.");
        foreach (var h in manifest.Heads)
        foreach (var output in new[] { h.InPlayScoreOutput, h.NetEdgeOutput })
            if (!session.OutputMetadata.ContainsKey(output))
                throw new ModelLoadException($"The model in '{folder}' has no output '{output}' (head {h.Name}).");
    }

    private sealed record Head(ManifestHead Spec, int ProfileIndex, ExecutionProfile Profile, IProbabilityCalibrator Calibrator, PathAttribution Attribution);

    /// <summary>One thread's input row, output cells and contribution scratch, bound once as ONNX Runtime values.</summary>
    private sealed class Buffers : IDisposable
    {
        public Buffers(int features, int outputs)
        {
            Input = new float[features];
            Contributions = new double[features];
            InputValues = [OrtValue.CreateTensorValueFromMemory(Input, [1, features])];
            Outputs = new float[outputs][];
            OutputValues = new OrtValue[outputs];
            for (var i = 0; i < outputs; i++)
            {
                Outputs[i] = new float[1];
                OutputValues[i] = OrtValue.CreateTensorValueFromMemory(Outputs[i], [1, 1]);
            }
        }

        public float[] Input { get; }
        public double[] Contributions { get; }
        public OrtValue[] InputValues { get; }
        public float[][] Outputs { get; }
        public OrtValue[] OutputValues { get; }

        public void Dispose()
        {
            foreach (var v in InputValues) v.Dispose();
            foreach (var v in OutputValues) v.Dispose();
        }
    }
}
