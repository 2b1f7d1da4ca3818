using Screener.Analytics.Books;
using Screener.Analytics.Scoring;

namespace Screener.Analytics.Labels;

/// <summary>
/// The offline training labels of one symbol (ARCHITECTURE section 3), per (profile, horizon), one row per tick.
/// </summary>
/// <remarks>
/// <para>Notation, for the observation at tick <c>t</c> and a profile with notional <c>N</c>: <c>b, a</c> the touch,
/// <c>m = (a + b) / 2</c> the mid, <c>B</c> and <c>S</c> the VWAPs of buying and selling <c>N</c> quote by walking the
/// book (<see cref="BookWalk"/>), <c>fees = entry fee + exit fee</c> (bps, from the profile), and <c>W</c> the
/// observations <c>s</c> with <c>t &lt; s ≤ t + h</c>. Every bps figure is in bps of <c>m_t</c>.</para>
/// <para>Entry at <c>t</c>: an aggressive profile (<see cref="ExecutionProfile.EntersPassively"/> false, taker) buys at
/// <c>B_t</c> and sells at <c>S_t</c>; a passive one (maker) rests at the near touch and is assumed filled there in
/// full: it buys at <c>b_t</c> (mid − half spread) and sells at <c>a_t</c>. Exit at any <c>s</c> in <c>W</c>, always
/// aggressive: a long sells at <c>S_s</c>, a short buys back at <c>B_s</c>.</para>
/// <code>
///   long:   move = (max_W m − m_t) / m_t · 1e4
///           cost = fees + (entry_t − m_t) / m_t · 1e4 + (max_W m − max_W S) / m_t · 1e4
///   short:  move = (m_t − min_W m) / m_t · 1e4
///           cost = fees + (m_t − entry_t) / m_t · 1e4 + (min_W B − min_W m) / m_t · 1e4
///   net_edge = move − cost        in_play = net_edge &gt; 0
/// </code>
/// <para>So <c>net_edge</c> is the best executable round trip within the horizon (for a long,
/// <c>(max_W S − entry_t) / m_t · 1e4 − fees</c>), <c>move</c> the best mid excursion, and <c>cost</c> the fees, the
/// entry's spread and slippage (the taker's half spread plus its walk; for the maker, minus the half spread it earns
/// resting at the touch), and the exit's: how far the best executable exit falls short of the best mid, which is the
/// exit's half spread plus its walk at the peak when both fall at the same tick.</para>
/// <para>Direction: both trades are labelled and the row keeps the better by net edge (then by move, then long), with
/// its side; the screener ranks symbols for being in play, not for a direction. A side's move may be negative: it is
/// its best exit, however bad.</para>
/// <para>No look-ahead beyond the horizon: a row reads the observation at <c>t</c> and those in <c>W</c> only (and, for
/// <see cref="Label.Complete"/>, the time of the last observation). A row is complete when the data reach
/// <c>t + h</c> (the last observation is at or after it) and <c>W</c> holds at least one observation; otherwise its
/// figures are NaN and it must not be trained on. <see cref="Label.Thin"/> marks rows whose fill at <c>t</c> or at any
/// tick of <c>W</c> could not take the whole notional.</para>
/// <para>Cost: O(n) per (profile, horizon), through monotonic deques (<see cref="ForwardWindow"/>).</para>
/// </remarks>
public sealed class LabelBuilder
{
    /// <param name="profiles">Execution profiles; observations carry one fill per profile, in this order.</param>
    /// <param name="horizons">Horizons, each positive.</param>
    public LabelBuilder(IReadOnlyList<ExecutionProfile> profiles, IReadOnlyList<TimeSpan> horizons)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(horizons);
        if (profiles.Count == 0 || horizons.Count == 0) throw new ArgumentException("At least one profile and one horizon are required.");
        foreach (var profile in profiles)
        {
            if (!(profile.NotionalQuote > 0) || double.IsInfinity(profile.NotionalQuote))
                throw new ArgumentException($"Profile '{profile.Name}': the notional must be positive, was {profile.NotionalQuote}.", nameof(profiles));
            if (!double.IsFinite(profile.EntryFeeBps) || !double.IsFinite(profile.ExitFeeBps))
                throw new ArgumentException($"Profile '{profile.Name}': fees must be finite.", nameof(profiles));
        }
        foreach (var horizon in horizons)
            if (horizon <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(horizons), horizon, "Every horizon must be positive.");
        Profiles = profiles.ToArray();
        Horizons = horizons.ToArray();
    }

    /// <summary>The scorer's profiles and horizons, so that labels and predictions have the same heads.</summary>
    public static LabelBuilder From(ScoringSettings settings) =>
        new(settings.Profiles, settings.HorizonsSeconds.Select(s => TimeSpan.FromSeconds(s)).ToArray());

    public IReadOnlyList<ExecutionProfile> Profiles { get; }

    public IReadOnlyList<TimeSpan> Horizons { get; }

    /// <summary>The observation of one tick, for this builder's profiles; null when the book cannot price a trade.</summary>
    public LabelObservation? Observe(long time, OrderBook book) => BookWalk.Observe(time, book, Profiles);

    /// <summary>
    /// The labels of one symbol's observations (strictly increasing in time): one series per (profile, horizon),
    /// profile-major in the order given, each with a row per observation.
    /// </summary>
    /// <exception cref="ArgumentException">Times not strictly increasing, a non-positive or crossed touch, a missing or non-positive fill.</exception>
    public IReadOnlyList<LabelSeries> Build(IReadOnlyList<LabelObservation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var n = observations.Count;
        Validate(observations);

        var lastTime = n > 0 ? observations[n - 1].Time : long.MinValue;
        var times = new long[n];
        var mids = new double[n];
        for (var i = 0; i < n; i++)
        {
            times[i] = observations[i].Time;
            mids[i] = observations[i].Mid;
        }

        var ends = new int[Horizons.Count][];
        var maxMid = new double[Horizons.Count][];
        var minMid = new double[Horizons.Count][];
        for (var h = 0; h < Horizons.Count; h++)
        {
            ends[h] = new int[n];
            maxMid[h] = new double[n];
            minMid[h] = new double[n];
            ForwardWindow.Ends(times, Horizons[h].Ticks, ends[h]);
            ForwardWindow.Extremes(mids, ends[h], max: true, maxMid[h]);
            ForwardWindow.Extremes(mids, ends[h], max: false, minMid[h]);
        }

        var series = new List<LabelSeries>(Profiles.Count * Horizons.Count);
        var sells = new double[n];
        var buys = new double[n];
        var thinBefore = new int[n + 1];
        var maxSell = new double[n];
        var minBuy = new double[n];
        for (var p = 0; p < Profiles.Count; p++)
        {
            for (var i = 0; i < n; i++)
            {
                var fill = observations[i].Fills[p];
                sells[i] = fill.SellVwap;
                buys[i] = fill.BuyVwap;
                thinBefore[i + 1] = thinBefore[i] + (fill.Thin ? 1 : 0);
            }
            for (var h = 0; h < Horizons.Count; h++)
            {
                ForwardWindow.Extremes(sells, ends[h], max: true, maxSell);
                ForwardWindow.Extremes(buys, ends[h], max: false, minBuy);
                var rows = new Label[n];
                var window = new Window(ends[h], maxMid[h], minMid[h], maxSell, minBuy, thinBefore, lastTime, Horizons[h].Ticks);
                for (var i = 0; i < n; i++) rows[i] = Row(Profiles[p], p, observations[i], i, window);
                series.Add(new LabelSeries(Profiles[p].Name, Horizons[h], rows));
            }
        }
        return series;
    }

    /// <summary>The window extremes of one (profile, horizon), indexed by row.</summary>
    private readonly record struct Window(
        int[] Ends, double[] MaxMid, double[] MinMid, double[] MaxSell, double[] MinBuy, int[] ThinBefore, long LastTime, long Horizon);

    private static Label Row(ExecutionProfile profile, int p, LabelObservation o, int i, Window w)
    {
        var fill = o.Fills[p];
        var thin = fill.Thin || w.ThinBefore[w.Ends[i]] - w.ThinBefore[i + 1] > 0;
        var complete = w.Ends[i] > i + 1 && w.LastTime >= o.Time + w.Horizon;
        if (!complete) return Label.Incomplete(o.Time, thin);

        var m = o.Mid;
        var fees = profile.EntryFeeBps + profile.ExitFeeBps;
        var passive = profile.EntersPassively;
        var buyEntry = passive ? o.Bid : fill.BuyVwap;
        var sellEntry = passive ? o.Ask : fill.SellVwap;

        var longMove = Bps(w.MaxMid[i] - m, m);
        var longCost = fees + Bps(buyEntry - m, m) + Bps(w.MaxMid[i] - w.MaxSell[i], m);
        var longNet = longMove - longCost;
        var shortMove = Bps(m - w.MinMid[i], m);
        var shortCost = fees + Bps(m - sellEntry, m) + Bps(w.MinBuy[i] - w.MinMid[i], m);
        var shortNet = shortMove - shortCost;

        var isLong = longNet > shortNet || (longNet == shortNet && longMove >= shortMove);
        return isLong
            ? new Label(o.Time, LabelSide.Long, longMove, longCost, longNet, longNet > 0, true, thin)
            : new Label(o.Time, LabelSide.Short, shortMove, shortCost, shortNet, shortNet > 0, true, thin);
    }

    private static double Bps(double difference, double mid) => difference / mid * 10_000;

    private void Validate(IReadOnlyList<LabelObservation> observations)
    {
        for (var i = 0; i < observations.Count; i++)
        {
            var o = observations[i] ?? throw new ArgumentException($"Observation {i} is null.", nameof(observations));
            if (i > 0 && o.Time <= observations[i - 1].Time)
                throw new ArgumentException($"Observation {i}: times must be strictly increasing ({o.Time} after {observations[i - 1].Time}).", nameof(observations));
            if (!(o.Bid > 0) || !double.IsFinite(o.Ask) || o.Ask < o.Bid)
                throw new ArgumentException($"Observation {i} at {o.Time}: the touch {o.Bid} / {o.Ask} cannot price a trade.", nameof(observations));
            if (o.Fills.Count != Profiles.Count)
                throw new ArgumentException($"Observation {i} at {o.Time}: {o.Fills.Count} fills for {Profiles.Count} profiles.", nameof(observations));
            foreach (var fill in o.Fills)
                if (!(fill.BuyVwap > 0) || !(fill.SellVwap > 0) || !double.IsFinite(fill.BuyVwap) || !double.IsFinite(fill.SellVwap))
                    throw new ArgumentException($"Observation {i} at {o.Time}: a fill has no price ({fill}).", nameof(observations));
        }
    }
}
