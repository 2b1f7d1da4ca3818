using Screener.Contracts;

namespace Screener.Analytics.Ranking;

/// <summary>
/// Pure top-K selection with hysteresis over rank rounds. Each call is one round: members that are gated,
/// missing, or below the exit score (after their minimum dwell) leave; then the best ungated challengers at or
/// above the enter score fill free places, or replace the weakest member when they beat it by the margin.
/// Candidates are ordered by score, then symbol, so equal inputs always give equal outputs.
/// </summary>
public sealed class TopKRanker
{
    private readonly RankingSettings _settings;
    private readonly Dictionary<string, Member> _members = new(StringComparer.Ordinal);
    private long _round;

    public TopKRanker(RankingSettings settings) => _settings = settings.Validate();

    public IReadOnlyCollection<string> Members => _members.Keys;

    public RankOutcome Rank(long time, IReadOnlyList<RankCandidate> candidates)
    {
        _round++;
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
            if (challenger.IsGated || _members.ContainsKey(challenger.Symbol)) continue;
            if (_members.Count >= _settings.TopK && !TryReplace(time, challenger, bySymbol, events)) break;
            _members[challenger.Symbol] = new Member(_round, long.MinValue);
            events.Add(Event(time, RankEventKind.SymbolEnter, challenger, 0, StatusLabels.InPlay, ["SCORE_ABOVE_ENTER", .. challenger.Reasons]));
        }

        var board = Board(time, ordered, bySymbol);
        var ranks = board.Entries.ToDictionary(e => e.Symbol, e => e.Rank, StringComparer.Ordinal);
        for (var i = 0; i < events.Count; i++)
            if (events[i].Kind == RankEventKind.SymbolEnter) events[i] = events[i] with { Rank = ranks[events[i].Symbol] };

        foreach (var entry in board.Entries)
        {
            var member = _members[entry.Symbol];
            if (entry.Score < _settings.AlertScore || _round - member.LastAlertRound < _settings.AlertCooldownRounds) continue;
            _members[entry.Symbol] = member with { LastAlertRound = _round };
            events.Add(Event(time, RankEventKind.Alert, bySymbol[entry.Symbol], entry.Rank, StatusLabels.Hot, ["SCORE_ABOVE_ALERT", .. bySymbol[entry.Symbol].Reasons]));
        }
        return new RankOutcome(events, board);
    }

    private bool TryReplace(long time, RankCandidate challenger, Dictionary<string, RankCandidate> bySymbol, List<RankEvent> events)
    {
        var weakest = _members.Keys
            .Select(s => bySymbol[s])
            .OrderBy(c => c.Score).ThenByDescending(c => c.Symbol, StringComparer.Ordinal)
            .First();
        var member = _members[weakest.Symbol];
        if (challenger.Score < weakest.Score + _settings.ReplaceMargin || Dwell(member) < _settings.MinDwellRounds) return false;
        Exit(time, weakest.Symbol, member, weakest, ["REPLACED"], events);
        return true;
    }

    private void Exit(long time, string symbol, Member member, RankCandidate? c, IReadOnlyList<string> reasons, List<RankEvent> events)
    {
        _members.Remove(symbol);
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

    private sealed record Member(long EnteredRound, long LastAlertRound);
}
