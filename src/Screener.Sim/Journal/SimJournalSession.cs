using Screener.Sim.Market;
using Screener.Sim.Market.Episodes;
using Screener.Sim.Server;

namespace Screener.Sim.Journal;

/// <summary>
/// A node's session against the simulated exchange, stepped offline at full speed: what the node would journal,
/// frame by frame, without sockets or a wall clock. Deterministic: equal settings give equal frames.
/// <para>At the start each planned connection comes up (<see cref="SimConnectedFrame"/>), sends its SUBSCRIBE batches
/// <see cref="SimJournalSettings.MessageInterval"/> apart (each answered <c>{"result":null,"id":n}</c>; its streams flow
/// from the moment the exchange has it), then LIST_SUBSCRIPTIONS (answered with the streams) and is up
/// (<see cref="SimSubscribedFrame"/>). The first diff of each symbol on a connection asks for a depth snapshot; the
/// snapshots are fetched one at a time once the connection is up, each answered from the book as it stands when the
/// exchange serves it, and arrive after the diffs that came meanwhile, as with the node's snapshot service. Once the
/// first connection is up the pollers run: premiumIndex and fundingInfo (one array of a shard's rows per shard) and
/// openInterest (one symbol per slot). A planned rotation writes a fresh <see cref="SimConnectedFrame"/> per connection
/// without a gap. A frame is received <see cref="SimJournalSettings.Latency"/> after its event time, the frames of one
/// step 1 µs apart in the market's order; a heartbeat fills every silence longer than the heartbeat interval.</para>
/// <para>The planted episodes' truth stays in <see cref="Episodes"/>; no frame carries any of it.</para>
/// </summary>
public sealed class SimJournalSession
{
    private const long TicksPerMs = TimeSpan.TicksPerMillisecond;
    private static readonly long UnixEpochTicks = DateTime.UnixEpoch.Ticks;

    private readonly SimJournalSettings _settings;
    private readonly SimMarket _market;
    private readonly JournalConnectionState[] _connections;
    private readonly Dictionary<string, Route> _routes = new(StringComparer.Ordinal);
    private readonly Func<string, bool> _wanted;
    private readonly PriorityQueue<SimJournalFrame, (long Ts, long Order)> _pending = new();
    private readonly PriorityQueue<RestRequest, (long Ts, long Order)> _calls = new();
    private readonly HashSet<string> _snapshotsQueued = new(StringComparer.Ordinal);
    private readonly string[] _polledSymbols;
    private readonly Dictionary<string, JournalConnectionState> _pollHomeOfSymbol = new(StringComparer.Ordinal);
    private readonly JournalConnectionState[] _pollHomes;
    private readonly long _latency;
    private readonly long _service;
    private readonly long _heartbeat;
    private readonly long _stepTicks;
    private long _order;
    private readonly long[] _snapshotWorkersFreeAt;
    private long _nextPremiumIndex = long.MaxValue;
    private long _nextFundingInfo = long.MaxValue;
    private long _nextOpenInterest = long.MaxValue;
    private long _openInterestSlot;
    private int _openInterestNext;
    private long _nextRotation = long.MaxValue;
    private long _lastTs;

    public SimJournalSession(SimJournalSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _settings = settings;
        _market = new SimMarket(settings.Market);
        _latency = settings.Latency.Ticks;
        _service = settings.RestServiceTime.Ticks;
        _heartbeat = settings.HeartbeatInterval.Ticks;
        _stepTicks = settings.Market.StepMs * TicksPerMs;
        _snapshotWorkersFreeAt = new long[settings.SnapshotConcurrency];
        StartMs = _market.NowMs;
        EndMs = StartMs + (long)Math.Ceiling(settings.Duration.TotalMilliseconds / settings.Market.StepMs) * settings.Market.StepMs;
        var t0 = Ticks(StartMs);
        _lastTs = t0;

        _connections = settings.Plan.Connections.Select((plan, index) => Open(plan, index, t0)).ToArray();
        _wanted = _routes.ContainsKey;

        // The pollers' symbols in the node's order, each polled through its shard's market connection (else its first one).
        _pollHomes = _connections.GroupBy(c => c.Plan.Shard, StringComparer.Ordinal)
            .Select(g => g.OrderBy(c => c.Plan.Path == JournalConnection.MarketPath ? 0 : 1).First())
            .ToArray();
        foreach (var home in _pollHomes)
        foreach (var symbol in home.Plan.Symbols)
            _pollHomeOfSymbol.TryAdd(symbol, home);
        _polledSymbols = _pollHomeOfSymbol.Keys.Order(StringComparer.Ordinal).ToArray();

        var up = _connections.Min(c => c.UpTicks);
        if (_polledSymbols.Length > 0)
        {
            if (settings.PremiumIndexInterval is not null) _nextPremiumIndex = up;
            if (settings.FundingInfoInterval is not null) _nextFundingInfo = up;
            if (settings.OpenInterestInterval is { } interval)
            {
                _nextOpenInterest = up;
                _openInterestSlot = Math.Max(TicksPerMs, interval.Ticks / _polledSymbols.Length);
            }
        }
        if (settings.MaxConnectionAge is { } age) _nextRotation = t0 + age.Ticks;
    }

    /// <summary>Simulated Unix ms at the start.</summary>
    public long StartMs { get; }

    /// <summary>Simulated Unix ms the session ends at (the start plus the duration, rounded up to a whole step).</summary>
    public long EndMs { get; }

    /// <summary>Simulated Unix ms of the last step.</summary>
    public long NowMs => _market.NowMs;

    /// <summary>Market steps taken.</summary>
    public long Steps => _market.StepCount;

    /// <summary>True once the last frames have been handed out.</summary>
    public bool IsComplete { get; private set; }

    /// <summary>The market's symbols.</summary>
    public IReadOnlyList<SymbolSpec> Symbols => _market.Symbols;

    /// <summary>The planted episodes so far: the truth, never in a frame.</summary>
    public IReadOnlyList<InPlayEpisode> Episodes => _market.Episodes;

    /// <summary>
    /// Takes one market step and appends to <paramref name="output"/> the frames that are final (nothing a later step
    /// produces can be received before them), in journal order; the step that reaches <see cref="EndMs"/> appends
    /// everything left. False, appending nothing, once <see cref="IsComplete"/>.
    /// </summary>
    public bool Next(List<SimJournalFrame> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (IsComplete) return false;
        var events = _market.Step(_wanted);
        var now = Ticks(_market.NowMs);
        var received = now + _latency;
        var index = 0;
        foreach (var e in events)
        {
            if (!_routes.TryGetValue(e.Stream, out var route) || now < route.ActiveFromTicks) continue;
            var connection = _connections[route.Connection];
            var ts = received + 10 * index++;
            Enqueue(new SimWireFrame(connection.Id, ts, e.Payload));
            if (route.Depth && connection.DepthSeen.Add(route.Symbol)) RequestSnapshot(route.Symbol, connection, ts);
        }

        // The next step's frames are received at horizon + latency at the earliest, and every REST answer still to come
        // is served at horizon or later.
        var horizon = now + _stepTicks;
        SchedulePolls(horizon);
        ScheduleRotations(horizon);
        Answer(horizon);
        var last = _market.NowMs >= EndMs;
        Flush(last ? long.MaxValue : horizon + _latency, output);
        IsComplete = last;
        return true;
    }

    /// <summary>Every frame of the session, lazily.</summary>
    public IEnumerable<SimJournalFrame> Frames()
    {
        var batch = new List<SimJournalFrame>();
        while (Next(batch))
        {
            foreach (var frame in batch) yield return frame;
            batch.Clear();
        }
    }

    private JournalConnectionState Open(JournalConnection plan, int index, long t0)
    {
        var batches = plan.Streams.Chunk(_settings.MaxStreamsPerMessage).ToArray();
        var interval = _settings.MessageInterval.Ticks;
        var roundTrip = 2 * _latency + index;
        Enqueue(new SimConnectedFrame(plan.Id, t0 + index));
        for (var i = 0; i < batches.Length; i++)
        {
            var sent = t0 + i * interval;
            Enqueue(new SimWireFrame(plan.Id, sent + roundTrip, ControlReplies.Null(new RequestId((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)))));
            foreach (var stream in batches[i])
                if (JournalPlan.Carries(plan, stream))
                    _routes.Add(stream, new Route(index, sent + _latency, JournalPlan.SymbolOf(stream), JournalPlan.IsDepth(stream)));
        }
        var listed = t0 + batches.Length * interval + roundTrip;
        var listId = (batches.Length + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Enqueue(new SimWireFrame(plan.Id, listed, ControlReplies.List(plan.Streams, new RequestId(listId))));
        Enqueue(new SimSubscribedFrame(plan.Id, listed + 1, plan.Streams));
        return new JournalConnectionState(plan, index, listed + 1);
    }

    private void RequestSnapshot(string symbol, JournalConnectionState connection, long trigger)
    {
        if (!_snapshotsQueued.Add(symbol)) return;
        // The first free of the snapshot workers fetches it, once the connection is up.
        var worker = 0;
        for (var i = 1; i < _snapshotWorkersFreeAt.Length; i++)
            if (_snapshotWorkersFreeAt[i] < _snapshotWorkersFreeAt[worker]) worker = i;
        var asked = Math.Max(trigger, Math.Max(connection.UpTicks, _snapshotWorkersFreeAt[worker]));
        var served = asked + _latency + _service;
        _snapshotWorkersFreeAt[worker] = served + _latency;
        Call(new RestRequest(SimRestCall.Depth, symbol, connection, served));
    }

    private void SchedulePolls(long horizon)
    {
        while (_nextPremiumIndex < horizon)
        {
            Call(new RestRequest(SimRestCall.PremiumIndex, SimRestFrame.AllSymbols, null, _nextPremiumIndex + _latency + _service));
            _nextPremiumIndex += _settings.PremiumIndexInterval!.Value.Ticks;
        }
        while (_nextFundingInfo < horizon)
        {
            Call(new RestRequest(SimRestCall.FundingInfo, SimRestFrame.AllSymbols, null, _nextFundingInfo + _latency + _service));
            _nextFundingInfo += _settings.FundingInfoInterval!.Value.Ticks;
        }
        while (_nextOpenInterest < horizon)
        {
            var symbol = _polledSymbols[_openInterestNext++ % _polledSymbols.Length];
            Call(new RestRequest(SimRestCall.OpenInterest, symbol, _pollHomeOfSymbol[symbol], _nextOpenInterest + _latency + _service));
            _nextOpenInterest += _openInterestSlot;
        }
    }

    private void ScheduleRotations(long horizon)
    {
        while (_nextRotation < horizon)
        {
            foreach (var connection in _connections) Enqueue(new SimConnectedFrame(connection.Id, _nextRotation + connection.Index));
            _nextRotation += _settings.MaxConnectionAge!.Value.Ticks;
        }
    }

    /// <summary>Serves the calls the exchange answers before <paramref name="horizon"/>, from the market as it stands now.</summary>
    private void Answer(long horizon)
    {
        while (_calls.TryPeek(out var call, out var priority) && priority.Ts < horizon)
        {
            _calls.Dequeue();
            var arrives = call.ServedTicks + _latency;
            switch (call.Call)
            {
                case SimRestCall.Depth:
                    _snapshotsQueued.Remove(call.Symbol);
                    _market.TryGetSnapshot(call.Symbol, _settings.DepthSnapshotLimit, out var snapshot);
                    Enqueue(new SimRestFrame(call.Home!.Id, arrives, call.Call, call.Symbol, RestBodies.Depth(snapshot!, Ms(call.ServedTicks))));
                    break;
                case SimRestCall.OpenInterest:
                    Enqueue(new SimRestFrame(call.Home!.Id, arrives, call.Call, call.Symbol, RestBodies.OpenInterest(_market.OpenInterest(call.Symbol)!)));
                    break;
                case SimRestCall.PremiumIndex:
                    var premiums = _market.Premiums();
                    foreach (var home in _pollHomes)
                        Enqueue(new SimRestFrame(home.Id, arrives, call.Call, SimRestFrame.AllSymbols,
                            RestBodies.Premiums(premiums.Where(row => _pollHomeOfSymbol.GetValueOrDefault(row.Symbol) == home).ToList())));
                    break;
                case SimRestCall.FundingInfo:
                    foreach (var home in _pollHomes)
                        Enqueue(new SimRestFrame(home.Id, arrives, call.Call, SimRestFrame.AllSymbols,
                            RestBodies.FundingInfo(_market.Symbols.Where(spec => _pollHomeOfSymbol.GetValueOrDefault(spec.Symbol) == home).ToList())));
                    break;
            }
        }
    }

    /// <summary>Hands out, in receive order, the frames received before <paramref name="bound"/>, with heartbeats in the silences.</summary>
    private void Flush(long bound, List<SimJournalFrame> output)
    {
        while (_pending.TryPeek(out var frame, out var priority) && priority.Ts < bound)
        {
            _pending.Dequeue();
            while (frame.TsInit - _lastTs > _heartbeat)
            {
                _lastTs += _heartbeat;
                output.Add(new SimHeartbeatFrame(_lastTs));
            }
            _lastTs = Math.Max(_lastTs, frame.TsInit);
            output.Add(frame);
        }
    }

    private void Enqueue(SimJournalFrame frame) => _pending.Enqueue(frame, (frame.TsInit, _order++));

    private void Call(RestRequest request) => _calls.Enqueue(request, (request.ServedTicks, _order++));

    private static long Ticks(long unixMs) => UnixEpochTicks + unixMs * TicksPerMs;

    private static long Ms(long ticks) => (ticks - UnixEpochTicks) / TicksPerMs;

    /// <summary>Where a stream's frames go, from when (the exchange has its SUBSCRIBE), and what they tell the snapshot logic.</summary>
    private readonly record struct Route(int Connection, long ActiveFromTicks, string Symbol, bool Depth);

    /// <summary>A REST call in flight: served at <paramref name="ServedTicks"/> (exchange side), through <paramref name="Home"/> (null: every shard).</summary>
    private sealed record RestRequest(SimRestCall Call, string Symbol, JournalConnectionState? Home, long ServedTicks);
}
