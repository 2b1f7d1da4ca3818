using Screener.Contracts;

namespace Screener.Analytics.Ranking;

/// <summary>
/// Pure top-K selection with hysteresis over rank rounds. Each call is one round: members that are gated,
/// missing, or below the exit score (after their minimum dwell) leave; then the best ungated challengers at or
/// above the enter score fill free places, or replace the weakest member when they beat it by the margin.
/// A symbol that left in a round cannot come back in the same round; alert cooldowns are per symbol, so leaving
/// and re-entering does not reset them.
/// Candidates are ordered by score, then symbol, so equal inputs always give equal outputs.
/// </summary>
public sealed class TopKRanker
{
    private readonly RankingSettings _settings;
    private readonly Dictionary<string, Member> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _lastAlertRound = new(StringComparer.Ordinal);
    private readonly HashSet<string> _exitedThisRound = new(StringComparer.Ordinal);
    private long _round;

    public TopKRanker(RankingSettings settings) => _settings = settings.Validate();

    public IReadOnlyCollection<string> Members => _members.Keys;

    public RankOutcome Rank(long time, IReadOnlyList<RankCandidate> candidates)
    {
        _round++;
        _exitedThisRound.Clear();
        var ordered = candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Symbol, StringComparer.Ordinal).ToList();
        var bySymbol = ordered.ToDictionary(c => c.Symbol, StringComparer.Ordinal);
        var events = new List<RankEvent>();

        foreach (var symbol in _members.Keys.Order(StringComparer.Ordinal).ToList())
        {
            var member = _members[symbol];
            if (!bySymbol.TryGetValue(symbol, out var c)) Exit(time, symbol, member, null, ["NO_DATA"], events);
            else if (c.IsGated) Exit(time, symbol, member, c, c.Gates, events);
            else if (c.Score < _settings.ExitScore && Dwell(member) >= _settings.MinDwellRounds)
                Exit(time, symbol, member, c, ["SCORE_BELOW_EXIT"], events);
        }

        foreach (var challenger in ordered)
        {
            if (challenger.Score < _settings.EnterScore) break;
            if (challenger.IsGated || _members.ContainsKey(challenger.Symbol) || _exitedThisRound.Contains(challenger.Symbol)) continue;
            if (_members.Count >= _settings.TopK && !TryReplace(time, challenger, bySymbol, events)) break;
            _members[challenger.Symbol] = new Member(_round);
            events.Add(Event(time, RankEventKind.SymbolEnter, challenger, 0, StatusLabels.InPlay, ["SCORE_ABOVE_ENTER", .. challenger.Reasons]));
        }

        var board = Board(time, ordered, bySymbol);
        var ranks = board.Entries.ToDictionary(e => e.Symbol, e => e.Rank, StringComparer.Ordinal);
        for (var i = 0; i < events.Count; i++)
            if (events[i].Kind == RankEventKind.SymbolEnter) events[i] = events[i] with { Rank = ranks[events[i].Symbol] };

        foreach (var entry in board.Entries)
        {
            if (entry.Score < _settings.AlertScore) continue;
            if (_lastAlertRound.TryGetValue(entry.Symbol, out var last) && _round - last < _settings.AlertCooldownRounds) continue;
            _lastAlertRound[entry.Symbol] = _round;
            events.Add(Event(time, RankEventKind.Alert, bySymbol[entry.Symbol], entry.Rank, StatusLabels.Hot, ["SCORE_ABOVE_ALERT", .. bySymbol[entry.Symbol].Reasons]));
        }
        return new RankOutcome(events, board);
    }

    private bool TryReplace(long time, RankCandidate challenger, Dictionary<string, RankCandidate> bySymbol, List<RankEvent> events)
    {
        // A member that entered this round is never the one replaced: each round is one decision per symbol.
        var weakest = _members.Where(m => m.Value.EnteredRound < _round).Select(m => bySymbol[m.Key])
            .OrderBy(c => c.Score).ThenByDescending(c => c.Symbol, StringComparer.Ordinal)
            .FirstOrDefault();
        if (weakest is null) return false;
        var member = _members[weakest.Symbol];
        // Strictly higher even with a zero margin: a tie must not swap members back and forth.
        if (challenger.Score <= weakest.Score || challenger.Score < weakest.Score + _settings.ReplaceMargin
            || Dwell(member) < _settings.MinDwellRounds) return false;
        Exit(time, weakest.Symbol, member, weakest, ["REPLACED"], events);
        return true;
    }

    private void Exit(long time, string symbol, Member member, RankCandidate? c, IReadOnlyList<string> reasons, List<RankEvent> events)
    {
        _members.Remove(symbol);
        _exitedThisRound.Add(symbol);
        var label = c is { IsGated: true } ? StatusLabels.DataIssue : StatusLabels.Cooling;
        events.Add(new RankEvent(time, RankEventKind.SymbolExit, symbol, 0, c?.Score ?? 0, c?.Profile ?? "", c?.HorizonSeconds ?? 0,
            c?.ModelVersion ?? "", reasons.ToEquatableArray(), label));
    }

    private RankBoard Board(long time, List<RankCandidate> ordered, Dictionary<string, RankCandidate> bySymbol)
    {
        var entries = new List<BoardEntry>(_members.Count);
        foreach (var c in ordered)
        {
            if (!_members.TryGetValue(c.Symbol, out var member)) continue;
            var status = c.Score >= _settings.AlertScore ? StatusLabels.Hot : StatusLabels.InPlay;
            entries.Add(new BoardEntry(c.Symbol, entries.Count + 1, c.Score, c.Profile, c.HorizonSeconds, status, (int)Dwell(member)));
        }
        var model = ordered.Count > 0 ? ordered[0].ModelVersion : "";
        return new RankBoard(time, entries.ToArray(), bySymbol.Count, model);
    }

    private long Dwell(Member member) => _round - member.EnteredRound;

    private static RankEvent Event(long time, RankEventKind kind, RankCandidate c, int rank, string label, IReadOnlyList<string> reasons) =>
        new(time, kind, c.Symbol, rank, c.Score, c.Profile, c.HorizonSeconds, c.ModelVersion, reasons.ToEquatableArray(), label);

    private sealed record Member(long EnteredRound);
}
