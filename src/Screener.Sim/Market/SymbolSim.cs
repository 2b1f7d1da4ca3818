using Screener.Sim.Market.Episodes;

namespace Screener.Sim.Market;

/// <summary>
/// One symbol's simulated life. Each step: the fair log price moves by beta × common factor plus
/// idiosyncratic noise (scaled by regime and by self-decaying per-symbol bursts); makers re-quote around
/// it; a Hawkes-like stream of taker orders with Pareto sizes and move-following side hits the book;
/// resting orders churn; occasionally a liquidation prints. A planted episode (<see cref="EpisodeEffect"/>) scales
/// those dynamics and may add drift. Emission lives in <see cref="SymbolEmitter"/>.
/// </summary>
internal sealed class SymbolSim
{
    private const double BurstDecaySeconds = 30;
    private const double HawkesDecaySeconds = 2;
    private const double HawkesJump = 0.35;
    private const double BranchingRatio = HawkesJump * HawkesDecaySeconds; // 0.7: clustered but stationary
    private const double TakerNotional = 1500;
    private const double DepthNotional = 4000;

    private readonly SimRandom _rng;
    private readonly int _depthLevels;
    private readonly double _tickSize;
    private readonly double _logAnchor;
    private readonly double _medianTakerLots;
    private readonly double _medianDepthLots;
    private readonly double _churnRate;
    private readonly BookMaker.DepthLots _depthLots;
    private double _logPrice;
    private double _burst;
    private double _excitation;
    private long _lastLiquidationMs = long.MinValue / 2;
    private double _bidDepth = 1;
    private double _askDepth = 1;

    /// <param name="spec">The listing.</param>
    /// <param name="rng">Main random stream of the symbol.</param>
    /// <param name="sideRng">Random stream for open interest, kept apart so the wire streams of a seed do not depend on it.</param>
    /// <param name="ids">Global order-book update ids.</param>
    /// <param name="startMs">Simulated start.</param>
    /// <param name="depthLevels">Levels per book side.</param>
    public SymbolSim(SymbolSpec spec, SimRandom rng, SimRandom sideRng, UpdateIdSource ids, long startMs, int depthLevels)
    {
        Spec = spec;
        Format = new SymbolFormat(spec);
        _rng = rng;
        _depthLevels = depthLevels;
        _tickSize = (double)spec.TickSize;
        _logPrice = _logAnchor = Math.Log((double)spec.InitialPrice);
        var lotValue = (double)(spec.InitialPrice * spec.StepSize);
        _medianTakerLots = Math.Max(1, TakerNotional / lotValue);
        _medianDepthLots = Math.Max(1, DepthNotional / lotValue);
        _churnRate = 40 + 4 * spec.TradeRate;
        _depthLots = DepthLots;
        var firstTradeId = rng.NextLong(1_000_000_000, 9_000_000_000);
        Tape = new TradeTape(firstTradeId, rng.NextLong(100_000_000, 4_000_000_000));
        // Baseline day: about 1.3 fills and 1.8 median sizes per taker order (the Pareto sizes' mean).
        var ordersPerDay = spec.TradeRate * 86_400;
        var lotsPerDay = (long)(ordersPerDay * 1.8 * _medianTakerLots);
        Day = new DayWindow(startMs, (long)Math.Round(spec.InitialPrice / spec.TickSize), lotsPerDay, (long)(ordersPerDay * 1.3), firstTradeId);
        OpenInterest = new OpenInterestState(sideRng, (long)(0.6 * lotsPerDay));
        Mark = new MarkState(spec.FundingIntervalHours, spec.FundingRateCap);
        var bid = (long)Math.Floor(Math.Exp(_logPrice) / _tickSize);
        Book = new SymbolBook(
            ids,
            startMs,
            first =>
            [
                new DepthCadence(spec.StreamKey + "@depth@100ms", 100, first),
                new DepthCadence(spec.StreamKey + "@depth", 250, first),
                new DepthCadence(spec.StreamKey + "@depth@500ms", 500, first),
            ],
            book => BookMaker.Seed(book, rng, bid, bid + 1, depthLevels, _depthLots));
        Klines = KlineInterval.All.Select(i => new KlineSeries(i, $"{spec.StreamKey}@kline_{i.Name}")).ToArray();
        Mark.Advance(rng, FairPrice, 0, startMs);
        LastTop = Top;
    }

    public SymbolSpec Spec { get; }

    /// <summary>Stream names of this symbol, built once because they are looked up every step.</summary>
    public string AggTradeStream => field ??= Spec.StreamKey + "@aggTrade";

    public string TradeStream => field ??= Spec.StreamKey + "@trade";

    public string ForceOrderStream => field ??= Spec.StreamKey + "@forceOrder";

    public string BookTickerStream => field ??= Spec.StreamKey + "@bookTicker";

    public string MarkPriceStream => field ??= Spec.StreamKey + "@markPrice";

    public string MarkPrice1sStream => field ??= Spec.StreamKey + "@markPrice@1s";

    public SymbolFormat Format { get; }

    public SymbolBook Book { get; }

    public TradeTape Tape { get; }

    public MarkState Mark { get; }

    /// <summary>Rolling 24 h ticker window.</summary>
    public DayWindow Day { get; }

    public OpenInterestState OpenInterest { get; }

    public IReadOnlyList<KlineSeries> Klines { get; }

    /// <summary>The liquidation printed in the last step, if any.</summary>
    public Liquidation? Liquidation { get; private set; }

    /// <summary>The touch last published on bookTicker.</summary>
    public BookTop LastTop { get; set; }

    public BookTop Top => new(Book.Bids.Best, Book.Bids.LotsAt(Book.Bids.Best), Book.Asks.Best, Book.Asks.LotsAt(Book.Asks.Best));

    public double FairPrice => Math.Exp(_logPrice);

    /// <summary>Natural log of <see cref="FairPrice"/>.</summary>
    public double LogPrice => _logPrice;

    /// <summary>Last step's return in units of its own standard deviation; drives aggressor side, activity and liquidations.</summary>
    public double LastMoveSigmas { get; private set; }

    /// <summary>One step under an episode's <paramref name="effect"/> (<see cref="EpisodeEffect.None"/> changes nothing).</summary>
    public void Advance(in StepContext ctx, in EpisodeEffect effect)
    {
        var dt = ctx.Seconds;
        _bidDepth = effect.BidDepth;
        _askDepth = effect.AskDepth;
        _burst *= Math.Exp(-dt / BurstDecaySeconds);
        if (_rng.Chance(dt / 900 * ctx.Regime.ActivityMultiplier)) _burst += 1 + _rng.NextExponential(2);
        var burst = 1 + _burst;

        var idioSigma = Spec.Volatility * ctx.Regime.VolatilityMultiplier * burst * effect.Volatility * Math.Sqrt(dt);
        var reversion = -(_logPrice - _logAnchor) * dt / 86_400; // keeps long demo runs near the listed price
        var move = Spec.Beta * ctx.CommonReturn + idioSigma * _rng.NextGaussian() + reversion + effect.Drift;
        _logPrice += move;
        var sigma = Math.Sqrt(Math.Pow(Spec.Beta * ctx.CommonSigma, 2) + idioSigma * idioSigma);
        LastMoveSigmas = sigma > 0 ? move / sigma : 0;

        var bidTarget = (long)Math.Floor(Math.Max(1000, FairPrice / _tickSize));
        var spread = ctx.Regime.Current == MarketRegime.Volatile && _rng.Chance(0.3) ? 2 : 1;
        var stepMs = ctx.NowMs - ctx.PreviousNowMs;
        var sweepMs = ctx.PreviousNowMs + 1 + _rng.NextLong(0, Math.Max(1, stepMs / 4));

        Tape.Clear();
        BookMaker.Recenter(Book, Tape, _rng, bidTarget, bidTarget + spread, sweepMs, _depthLots);
        RunTakers(ctx, burst, sweepMs, effect);
        var churns = Math.Min(200, _rng.NextPoisson(_churnRate * ctx.Regime.ActivityMultiplier * burst * effect.Activity * dt));
        for (var i = 0; i < churns; i++)
            BookMaker.Churn(Book, _rng, _depthLevels / 2, _rng.NextLong(ctx.PreviousNowMs + 1, ctx.NowMs + 1), _depthLots);
        // Makers refill a touch that takers or cancels opened up, so the spread is usually one tick.
        BookMaker.Requote(Book, _rng, bidTarget, bidTarget + spread, ctx.NowMs - 1, _depthLots);
        BookMaker.MaintainDepth(Book, _rng, _depthLevels, ctx.NowMs - 1, _depthLots);

        Liquidation = NextLiquidation(ctx, burst, sweepMs);
        if (ctx.NowMs / 1000 != ctx.PreviousNowMs / 1000) Mark.Advance(_rng, FairPrice, LastMoveSigmas, ctx.NowMs);
        var traded = 0L;
        foreach (var fill in Tape.Fills)
        {
            traded += fill.Lots;
            Day.Add(fill);
            foreach (var series in Klines)
                series.Add(fill);
        }
        OpenInterest.Advance(traded, Liquidation?.Lots ?? 0);
    }

    private void RunTakers(in StepContext ctx, double burst, long fromMs, in EpisodeEffect effect)
    {
        var dt = ctx.Seconds;
        // The baseline is scaled by (1 - branching ratio) so the long-run order rate stays near TradeRate.
        var intensity = (1 - BranchingRatio) * Spec.TradeRate * ctx.Regime.ActivityMultiplier * burst * (1 + 0.5 * Math.Abs(LastMoveSigmas)) * effect.Activity + _excitation;
        var orders = Math.Min(60, _rng.NextPoisson(intensity * dt));
        _excitation = _excitation * Math.Exp(-dt / HawkesDecaySeconds) + HawkesJump * orders;
        if (orders == 0) return;
        var times = new long[orders];
        for (var i = 0; i < orders; i++) times[i] = _rng.NextLong(fromMs, ctx.NowMs);
        Array.Sort(times);
        var buyProbability = Math.Clamp(0.5 + 0.35 * Math.Tanh(LastMoveSigmas) + effect.BuyBias, 0.02, 0.98);
        foreach (var time in times)
        {
            var isBuy = _rng.Chance(buyProbability);
            var lots = (long)Math.Round(Math.Min(400, 0.5 * _rng.NextPareto(1.3)) * _medianTakerLots);
            BookMaker.Take(Book, Tape, isBuy, Math.Max(1, lots), time);
        }
    }

    private Liquidation? NextLiquidation(in StepContext ctx, double burst, long timeMs)
    {
        // Futures push at most one liquidation per symbol per second (snapshot semantics).
        if (ctx.NowMs - _lastLiquidationMs < 1000) return null;
        var probability = ctx.Seconds / 90 * ctx.Regime.LiquidationMultiplier * burst * (1 + Math.Abs(LastMoveSigmas));
        if (!_rng.Chance(probability)) return null;
        _lastLiquidationMs = ctx.NowMs;
        var isSell = _rng.Chance(LastMoveSigmas < 0 ? 0.8 : 0.2);
        var slip = _rng.NextLong(0, 4);
        var average = isSell ? Math.Max(1, Book.Bids.Best - slip) : Book.Asks.Best + slip;
        var bankruptcy = 1 + (isSell ? -1 : 1) * (0.002 + 0.01 * _rng.NextDouble());
        var order = Math.Max(1, (long)Math.Round(average * bankruptcy));
        var lots = Math.Max(1, (long)Math.Round(Math.Min(500, _rng.NextPareto(1.2)) * _medianTakerLots));
        var last = Math.Max(1, (long)Math.Round(lots * (0.2 + 0.8 * _rng.NextDouble())));
        return new Liquidation(isSell, lots, Math.Min(last, lots), order, average, timeMs);
    }

    private long DepthLots(bool isBid, int index)
    {
        var size = _medianDepthLots * Math.Exp(1.1 * _rng.NextGaussian()) * (1 + index / 100.0) * (isBid ? _bidDepth : _askDepth);
        return Math.Max(1, (long)Math.Round(size));
    }
}
