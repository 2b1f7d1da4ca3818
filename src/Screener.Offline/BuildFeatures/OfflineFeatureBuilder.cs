using System.Runtime.CompilerServices;
using Screener.Analytics.Features;
using Screener.Analytics.Scoring;
using Screener.Contracts;
using Screener.Contracts.Market;
using Screener.Pipeline;
using Screener.Pipeline.Instrumentation;
using Screener.Pipeline.Stages;

namespace Screener.Offline.BuildFeatures;

/// <summary>
/// Builds training features from a raw journal with the graph's own classes, synchronously on the calling thread
/// and without Akka: each sequenced frame goes through <see cref="FrameDecoding"/> (the parse stage's rules and the
/// exchange's decoder), every event through one <see cref="MarketClock"/> (ticks, stale events, market context), and
/// every element the clock emits to the <see cref="SymbolState"/> of its symbol, created on the symbol's first element
/// as the graph's router does. Snapshots come out time-major: each tick's symbols in ordinal order, as the clock ticks
/// them (the graph's merge interleaves symbols in runs; per symbol both orders are the same). There is no REST
/// offline: depth snapshots already in the journal are replayed like live ones, and a resync request goes to
/// <see cref="GraphServices.Snapshots"/> (<see cref="GraphServices.NoSnapshots"/>: counted in the health counters
/// only, as in a replay).
/// <para>Each <see cref="Build"/> call starts from empty state, so the same frames always give the same snapshots;
/// the counters in <see cref="GraphServices.Telemetry"/> add up over calls.</para>
/// </summary>
public sealed class OfflineFeatureBuilder
{
    /// <summary>Frames between two progress reports unless told otherwise.</summary>
    public const int DefaultProgressEvery = 100_000;

    private readonly PipelineSettings _settings;
    private readonly GraphServices _services;
    private readonly Action<long>? _progress;
    private readonly int _progressEvery;

    /// <param name="settings">The pipeline settings the graph would run with (cadence, warm-up, stale thresholds, context symbols).</param>
    /// <param name="services">The graph's services: decoder, predictor (called per tick, as in the graph), spec, counters, snapshot requester.</param>
    /// <param name="progress">Called with the number of frames processed so far every <paramref name="progressEvery"/> frames and once at the end.</param>
    /// <param name="progressEvery">Frames between two progress reports.</param>
    public OfflineFeatureBuilder(PipelineSettings settings, GraphServices services, Action<long>? progress = null, int progressEvery = DefaultProgressEvery)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(progressEvery);
        _settings = settings.Validate();
        _services = services;
        _progress = progress;
        _progressEvery = progressEvery;
    }

    /// <summary>Services for an offline run: fresh counters, and resync requests counted, never sent.</summary>
    public static GraphServices OfflineServices(IFrameDecoder decoder, IPredictor predictor, FeatureSpec spec) =>
        new(decoder, predictor, spec, new ScreenerTelemetry(), GraphServices.NoSnapshots.Instance);

    /// <summary>The settings the builder runs with (validated).</summary>
    public PipelineSettings Settings => _settings;

    /// <summary>The feature spec of the snapshots it builds.</summary>
    public FeatureSpec Spec => _services.Spec;

    /// <summary>The counters the run writes: decode outcomes, gaps, stale episodes, resync requests.</summary>
    public ScreenerTelemetry Telemetry => _services.Telemetry;

    /// <summary>The snapshots of <paramref name="frames"/> (a journal's frames in sequence order), lazily.</summary>
    /// <param name="frames">A journal's frames in sequence order.</param>
    /// <param name="observer">Called at each symbol's tick with its book when synced (for labels); it never changes the snapshots.</param>
    /// <exception cref="InvalidOperationException">More distinct symbols than <see cref="PipelineSettings.MaxSymbols"/>, as the graph fails.</exception>
    public IEnumerable<FeatureSnapshot> Build(IEnumerable<RawFrame> frames, TickBookObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(frames);
        return BuildIterator(frames, observer);
    }

    /// <summary>The snapshots of <paramref name="frames"/>, for example a journal reader's source run as an async enumerable.</summary>
    /// <exception cref="InvalidOperationException">More distinct symbols than <see cref="PipelineSettings.MaxSymbols"/>, as the graph fails.</exception>
    /// <param name="frames">A journal's frames in sequence order.</param>
    /// <param name="observer">Called at each symbol's tick with its book when synced (for labels); it never changes the snapshots.</param>
    /// <param name="ct">Stops the enumeration.</param>
    public async IAsyncEnumerable<FeatureSnapshot> BuildAsync(
        IAsyncEnumerable<RawFrame> frames, TickBookObserver? observer = null, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var run = new Run(_settings, _services, observer);
        var output = new List<FeatureSnapshot>();
        await foreach (var frame in frames.WithCancellation(ct))
        {
            run.On(frame, output);
            foreach (var snapshot in output) yield return snapshot;
            output.Clear();
            Report(run, final: false);
        }
        Report(run, final: true);
    }

    private IEnumerable<FeatureSnapshot> BuildIterator(IEnumerable<RawFrame> frames, TickBookObserver? observer)
    {
        var run = new Run(_settings, _services, observer);
        var output = new List<FeatureSnapshot>();
        foreach (var frame in frames)
        {
            run.On(frame, output);
            foreach (var snapshot in output) yield return snapshot;
            output.Clear();
            Report(run, final: false);
        }
        Report(run, final: true);
    }

    private void Report(Run run, bool final)
    {
        if (_progress is not null && (final || run.Frames % _progressEvery == 0)) _progress(run.Frames);
    }

    /// <summary>The state of one pass over a journal: what the graph holds in its parse, clock and symbol stages.</summary>
    private sealed class Run(PipelineSettings settings, GraphServices services, TickBookObserver? observer)
    {
        private readonly FrameDecoding _decoding = new(services.Decoder, services.Telemetry.Decode);
        private readonly MarketClock _clock = new(settings, services.Telemetry.Streams);
        private readonly Dictionary<string, SymbolState> _symbols = new(StringComparer.Ordinal);
        private readonly List<MarketEvent> _events = new(4);
        private readonly List<IWithSymbol> _routed = new(16);

        public long Frames { get; private set; }

        public void On(RawFrame frame, List<FeatureSnapshot> output)
        {
            Frames++;
            _events.Clear();
            _decoding.Decode(frame, _events);
            foreach (var e in _events)
            {
                _routed.Clear();
                _clock.On(e, _routed);
                foreach (var element in _routed)
                    if (StateOf(element).On(element) is { } result) output.Add(result.Features);
            }
        }

        /// <summary>The graph's routing rule: by <see cref="IWithSymbol.Symbol"/>, a state per symbol from its first element, bounded.</summary>
        private SymbolState StateOf(IWithSymbol element)
        {
            if (_symbols.TryGetValue(element.Symbol, out var state)) return state;
            if (_symbols.Count >= settings.MaxSymbols)
                throw new InvalidOperationException(
                    $"More than {settings.MaxSymbols} symbols (screener.pipeline max-symbols) in the journal; '{element.Symbol}' is one too many.");
            state = new SymbolState(element.Symbol, settings, services, observer);
            _symbols.Add(element.Symbol, state);
            return state;
        }
    }
}
