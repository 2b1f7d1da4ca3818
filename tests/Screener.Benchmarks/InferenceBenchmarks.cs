using BenchmarkDotNet.Attributes;
using Microsoft.ML.OnnxRuntime;
using Screener.Analytics.Books;
using Screener.Analytics.Calibration;
using Screener.Analytics.Costs;
using Screener.Analytics.Features;
using Screener.Analytics.Models;
using Screener.Analytics.Models.Trees;
using Screener.Analytics.Scoring;
using Screener.Contracts;

namespace Screener.Benchmarks;

/// <summary>
/// The trained model per snapshot, one row per invocation, cycling through <see cref="InferenceRows"/>' 4,096 distinct
/// rows. <see cref="Predict"/> is <see cref="OnnxPredictor.Predict"/> with the row's live costs (every head, calibration,
/// attributions, the prediction record); <see cref="Score"/> adds what <see cref="SymbolScorer"/> does around it (costs
/// from the book, gates). The rest take <see cref="Predict"/> apart: <see cref="OrtRun"/> is ONNX Runtime alone on the
/// same file with the session options and bound buffers <see cref="OnnxPredictor"/> uses (and, for scale,
/// <see cref="ManagedTrees"/> the same trees through the C# walker <see cref="TreeHead.Score"/>, every classifier and
/// regressor); <see cref="Calibration"/> the
/// six heads' calibrators on the row's raw scores; <see cref="Attribution"/> the path attribution of the row's best head
/// into a cleared buffer; <see cref="Costs"/> <see cref="LiveCost"/> for both profiles. The model is the repository's
/// <c>models/</c>, or the folder in <c>SCREENER_BENCH_MODEL</c>. Target: p99 ≤ 50 µs per snapshot (the figure here is
/// a mean; <c>screener bench inference</c> measures the distribution).
/// </summary>
[MemoryDiagnoser]
public class InferenceBenchmarks
{
    private const int Mask = InferenceRows.Count - 1;

    private readonly ScoringSettings _scoring = ScoringSettings.Default;
    private OnnxPredictor _predictor = null!;
    private SymbolScorer _scorer = null!;
    private FeatureSnapshot[] _snapshots = [];
    private OrderBook[] _books = [];
    private CostQuote[][] _costs = [];
    private InferenceSession _session = null!;
    private RunOptions _runOptions = null!;
    private string[] _inputNames = [];
    private string[] _outputNames = [];
    private float[] _input = [];
    private float[][] _outputs = [];
    private OrtValue[] _inputValues = [];
    private OrtValue[] _outputValues = [];
    private IProbabilityCalibrator[] _calibrators = [];
    private float[][] _rawScores = [];
    private PathAttribution[] _attributions = [];
    private TreeHead[] _treeHeads = [];
    private int[] _bestHead = [];
    private double[] _contributions = [];
    private CostQuote[] _quotes = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var folder = RepoFiles.ModelFolder();
        _predictor = OnnxPredictor.Load(folder, MarketFeatures.Spec, _scoring);
        _scorer = new SymbolScorer(_scoring);
        var rows = InferenceRows.Build();
        _snapshots = rows.Snapshots;
        _books = rows.Books;
        _costs = [.. _books.Select(b => _scoring.Profiles.Select(p => LiveCost.Quote(b, p)).ToArray())];
        _quotes = new CostQuote[_scoring.Profiles.Count];

        var manifest = _predictor.Manifest;
        var onnx = File.ReadAllBytes(Path.Combine(folder, manifest.Model.File));
        var trees = OnnxTreeModelReader.Read(onnx);
        _session = CreateSession(onnx);
        _runOptions = new RunOptions();
        _inputNames = [manifest.Model.Input];
        _outputNames = [.. manifest.Heads.SelectMany(h => new[] { h.InPlayScoreOutput, h.NetEdgeOutput })];
        _input = new float[MarketFeatures.Spec.Features.Count];
        _inputValues = [OrtValue.CreateTensorValueFromMemory(_input, [1, _input.Length])];
        _outputs = [.. _outputNames.Select(_ => new float[1])];
        _outputValues = [.. _outputs.Select(o => OrtValue.CreateTensorValueFromMemory(o, [1, 1]))];
        _calibrators = [.. manifest.Heads.Select(h => h.Calibrator.ToCalibrator())];
        _attributions = [.. manifest.Heads.Select(h =>
        {
            var regressor = trees.Heads.First(t => t.ScoreOutput == h.NetEdgeOutput);
            return new PathAttribution(regressor, trees.Covers!);
        })];
        _contributions = new double[_input.Length];
        _treeHeads = [.. trees.Heads];

        // Per row, the raw classifier scores (for Calibration) and the head Predict attributes (for Attribution).
        _rawScores = new float[InferenceRows.Count][];
        _bestHead = new int[InferenceRows.Count];
        for (var i = 0; i < InferenceRows.Count; i++)
        {
            OrtRunRow(i);
            _rawScores[i] = [.. Enumerable.Range(0, _calibrators.Length).Select(h => _outputs[2 * h][0])];
            _bestHead[i] = ScoreAggregation.BestIndex(_predictor.Predict(_snapshots[i], _costs[i]).Heads.AsSpan(), _scoring);
        }
        if (_bestHead.Any(h => h < 0)) throw new InvalidOperationException("A row has no head with a net edge.");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var v in _inputValues.Concat(_outputValues)) v.Dispose();
        _runOptions.Dispose();
        _session.Dispose();
        _predictor.Dispose();
    }

    [Benchmark(Baseline = true)]
    public PredictionSnapshot Predict()
    {
        var i = Next();
        return _predictor.Predict(_snapshots[i], _costs[i]);
    }

    [Benchmark]
    public PredictionSnapshot Score()
    {
        var i = Next();
        return _scorer.Score(_predictor, _snapshots[i], _books[i], gapSinceLastTick: false);
    }

    [Benchmark]
    public float OrtRun() => OrtRunRow(Next());

    [Benchmark]
    public double ManagedTrees()
    {
        var values = _snapshots[Next()].Values.AsSpan();
        double sum = 0;
        foreach (var head in _treeHeads) sum += head.Score(values);
        return sum;
    }

    [Benchmark]
    public double Calibration()
    {
        var raw = _rawScores[Next()];
        double sum = 0;
        for (var h = 0; h < _calibrators.Length; h++) sum += _calibrators[h].Apply(raw[h]);
        return sum;
    }

    [Benchmark]
    public double Attribution()
    {
        var i = Next();
        Array.Clear(_contributions);
        _attributions[_bestHead[i]].Attribute(_snapshots[i].Values.AsSpan(), _contributions);
        return _contributions[0];
    }

    [Benchmark]
    public double Costs()
    {
        LiveCost.Quote(_books[Next()], _scoring.Profiles, _quotes);
        return _quotes[0].TotalBps;
    }

    private int Next() => _next = (_next + 1) & Mask;

    private float OrtRunRow(int i)
    {
        _snapshots[i].Values.AsSpan().CopyTo(_input);
        _session.Run(_runOptions, _inputNames, _inputValues, _outputNames, _outputValues);
        return _outputs[1][0];
    }

    /// <summary>A session with the options <see cref="OnnxPredictor"/> runs its model with.</summary>
    private static InferenceSession CreateSession(byte[] onnx)
    {
        using var options = OnnxPredictor.CreateSessionOptions();
        return new InferenceSession(onnx, options);
    }
}
