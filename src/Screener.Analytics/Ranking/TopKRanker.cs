using Screener.Contracts;

namespace Screener.Analytics.Ranking;

/// <summary>
/// Pure top-K selection with hysteresis over rank rounds. Each call is one round: members that are gated,
/// missing, or below the exit score (after their minimum dwell) leave; then the best ungated challengers at or
/// above the enter score fill free places, or replace the weakest member when they beat it by the margin.
/// A challenger is skipped while it cools down after leaving (always for the rest of the round it left), and while
/// its flip budget lacks room for this entry and its eventual exit: its entries and exits in the last
/// <see cref="RankingSettings.FlipWindowRounds"/> rounds plus two may not exceed <see cref="RankingSettings.FlipBudget"/>.
/// Exits are never held back, so the budget bounds every window of flips without delaying a gated or missing symbol.
/// Alert cooldowns are per symbol, so leaving and re-entering does not reset them.
/// Candidates are ordered by score, then symbol, so equal inputs always give equal outputs; a round costs one sort
/// of the candidates for the board and one for the statuses.
/// </summary>
public sealed class TopKRanker
{
    private static readonly Comparison<RankCandidate> BestFirst = (a, b) =>
    {
        var byScore = b.Score.CompareTo(a.Score);
        return byScore != 0 ? byScore : string.CompareOrdinal(a.Symbol, b.Symbol);
    };

    private static readonly Comparison<SymbolStatus> BySymbol = (a, b) => string.CompareOrdinal(a.Symbol, b.Symbol);

    private readonly RankingSettings _settings;
    private readonly Dictionary<string, Member> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FlipHistory> _history = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _lastAlertRound = new(StringComparer.Ordinal);
    private readonly List<RankCandidate> _ordered = [];
    private readonly Dictionary<string, RankCandidate> _bySymbol = new(StringComparer.Ordinal);
    private readonly List<string> _leaving = [];
    private long _round;

    public TopKRanker(RankingSettings settings) => _settings = settings.Validate();

    public IReadOnlyCollection<string> Members => _members.Keys;

    public RankOutcome Rank(long time, IReadOnlyList<RankCandidate> candidates)
    {
        _round++;
        Index(candidates);
        var events = new List<RankEvent>();
        ExitMembers(time, events);
        EnterChallengers(time, events);
        var board = Board(time);
        for (var i = 0; i < events.Count; i++)
            if (events[i].Kind == RankEventKind.SymbolEnter) events[i] = events[i] with { Rank = RankOf(board, events[i].Symbol) };
        Alert(time, board, events);
        return new RankOutcome(events, board, Statuses());
    }

    private void Index(IReadOnlyList<RankCandidate> candidates)
    {
        _ordered.Clear();
        _bySymbol.Clear();
        for (var i = 0; i < candidates.Count; i++)
        {
            _bySymbol.Add(candidates[i].Symbol, candidates[i]);
            _ordered.Add(candidates[i]);
        }
        _ordered.Sort(BestFirst);
    }

    private void ExitMembers(long time, List<RankEvent> events)
    {
        _leaving.Clear();
        _leaving.AddRange(_members.Keys);
        _leaving.Sort(StringComparer.Ordinal);
        foreach (var symbol in _leaving)
        {
            if (!_bySymbol.TryGetValue(symbol, out var c)) Exit(time, symbol, null, ["NO_DATA"], events);
            else if (c.IsGated) Exit(time, symbol, c, c.Gates, events);
            else if (c.Score < _settings.ExitScore && Dwell(_members[symbol]) >= _settings.MinDwellRounds)
                Exit(time, symbol, c, ["SCORE_BELOW_EXIT"], events);
        }
    }

    private void EnterChallengers(long time, List<RankEvent> events)
    {
        foreach (var challenger in _ordered)
        {
            if (challenger.Score < _settings.EnterScore) break;
            if (challenger.IsGated || _members.ContainsKey(challenger.Symbol)) continue;
            var history = _history.GetValueOrDefault(challenger.Symbol);
            if (IsCooling(history) || !BudgetAllowsEntry(history)) continue;
            if (_members.Count >= _settings.TopK && !TryReplace(time, challenger, events)) break;
            _members[challenger.Symbol] = new Member(_round);
            HistoryOf(challenger.Symbol).Entered(_round);
            events.Add(Event(time, RankEventKind.SymbolEnter, challenger, 0, StatusLabels.InPlay, ["SCORE_ABOVE_ENTER", .. challenger.Reasons]));
        }
    }

    private bool TryReplace(long time, RankCandidate challenger, List<RankEvent> events)
    {
        // A member that entered this round is never the one replaced: each round is one decision per symbol.
        // The weakest is the lowest score; of tied ones, the last on the board (the highest symbol).
        RankCandidate? weakest = null;
        foreach (var (symbol, member) in _members)
        {
            if (member.EnteredRound == _round) continue;
            var c = _bySymbol[symbol];
            var byScore = weakest is null ? -1 : c.Score.CompareTo(weakest.Score);
            if (byScore < 0 || byScore == 0 && string.CompareOrdinal(c.Symbol, weakest!.Symbol) > 0) weakest = c;
        }
        if (weakest is null) return false;
        // Strictly higher even with a zero margin: a tie must not swap members back and forth.
        if (challenger.Score <= weakest.Score || challenger.Score < weakest.Score + _settings.ReplaceMargin
            || Dwell(_members[weakest.Symbol]) < _settings.MinDwellRounds) return false;
        Exit(time, weakest.Symbol, weakest, ["REPLACED"], events);
        return true;
    }

    private void Exit(long time, string symbol, RankCandidate? c, IReadOnlyList<string> reasons, List<RankEvent> events)
    {
        _members.Remove(symbol);
        HistoryOf(symbol).Exited(_round);
        var label = c is { IsGated: true } ? StatusLabels.ForGates(c.Gates) : StatusLabels.Cooling;
        events.Add(new RankEvent(time, RankEventKind.SymbolExit, symbol, 0, c?.Score ?? 0, c?.Profile ?? "", c?.HorizonSeconds ?? 0,
            c?.ModelVersion ?? "", reasons.ToEquatableArray(), label));
    }

    private RankBoard Board(long time)
    {
        var entries = new BoardEntry[_members.Count];
        var rank = 0;
        foreach (var c in _ordered)
        {
            if (!_members.TryGetValue(c.Symbol, out var member)) continue;
            var status = c.Score >= _settings.AlertScore ? StatusLabels.Hot : StatusLabels.InPlay;
            entries[rank] = new BoardEntry(c.Symbol, rank + 1, c.Score, c.Profile, c.HorizonSeconds, status, (int)Dwell(member));
            rank++;
        }
        var model = _ordered.Count > 0 ? _ordered[0].ModelVersion : "";
        return new RankBoard(time, entries, _bySymbol.Count, model);
    }

    private void Alert(long time, RankBoard board, List<RankEvent> events)
    {
        foreach (var entry in board.Entries.AsSpan())
        {
            if (entry.Score < _settings.AlertScore) continue;
            if (_lastAlertRound.TryGetValue(entry.Symbol, out var last) && _round - last < _settings.AlertCooldownRounds) continue;
            _lastAlertRound[entry.Symbol] = _round;
            var c = _bySymbol[entry.Symbol];
            events.Add(Event(time, RankEventKind.Alert, c, entry.Rank, StatusLabels.Hot, ["SCORE_ABOVE_ALERT", .. c.Reasons]));
        }
    }

    private SymbolStatus[] Statuses()
    {
        var statuses = new SymbolStatus[_ordered.Count];
        for (var i = 0; i < statuses.Length; i++)
        {
            var c = _ordered[i];
            statuses[i] = new SymbolStatus(c.Symbol, Label(c), c.Score, c.Gates);
        }
        Array.Sort(statuses, BySymbol);
        return statuses;
    }

    /// <summary>
    /// A member is HOT or IN PLAY; otherwise its gates name it, then a cooldown, then, at the enter score, whether
    /// the flip budget (HELD) or a full board (WATCH) kept it out; below the enter score it is QUIET.
    /// </summary>
    private string Label(RankCandidate c)
    {
        if (_members.ContainsKey(c.Symbol)) return c.Score >= _settings.AlertScore ? StatusLabels.Hot : StatusLabels.InPlay;
        if (c.IsGated) return StatusLabels.ForGates(c.Gates);
        var history = _history.GetValueOrDefault(c.Symbol);
        if (IsCooling(history)) return StatusLabels.Cooling;
        if (c.Score < _settings.EnterScore) return StatusLabels.Quiet;
        return BudgetAllowsEntry(history) ? StatusLabels.Watch : StatusLabels.Held;
    }

    private bool IsCooling(FlipHistory? history) => history is not null && history.IsCooling(_round, _settings.ReenterCooldownRounds);

    private bool BudgetAllowsEntry(FlipHistory? history) =>
        history is null || history.FlipsWithin(_round, _settings.FlipWindowRounds) + 2 <= _settings.FlipBudget;

    private FlipHistory HistoryOf(string symbol)
    {
        if (!_history.TryGetValue(symbol, out var history)) _history[symbol] = history = new FlipHistory();
        return history;
    }

    private static int RankOf(RankBoard board, string symbol)
    {
        foreach (var entry in board.Entries.AsSpan())
            if (entry.Symbol == symbol) return entry.Rank;
        throw new InvalidOperationException($"{symbol} entered but is not on the board.");
    }

    private long Dwell(Member member) => _round - member.EnteredRound;

    private static RankEvent Event(long time, RankEventKind kind, RankCandidate c, int rank, string label, IReadOnlyList<string> reasons) =>
        new(time, kind, c.Symbol, rank, c.Score, c.Profile, c.HorizonSeconds, c.ModelVersion, reasons.ToEquatableArray(), label);

    private sealed record Member(long EnteredRound);
}
