using Screener.Contracts;
using Screener.Contracts.Time;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Screener.Console;

/// <summary>Renders a <see cref="LiveView"/> (plus ingest counters) as a Spectre table, or as plain text for logs.</summary>
public static class LiveTable
{
    public static IRenderable Render(LiveView view, string status)
    {
        var (board, recent, total) = view.Read();
        var table = new Table().Border(TableBorder.Rounded).Expand();
        table.Title = new TableTitle($"CryptoScreener-X  top-{board?.Entries.Count ?? 0}  {Time(board?.Time)}  model {Markup.Escape(board?.ModelVersion ?? "-")}");
        table.Caption = new TableTitle(Markup.Escape(status));
        foreach (var column in new[] { "#", "Symbol", "Score (bps)", "Head", "Status", "Dwell" }) table.AddColumn(column);
        foreach (var e in board?.Entries ?? EquatableArray<Analytics.Ranking.BoardEntry>.Empty)
            table.AddRow(e.Rank.ToString(), e.Symbol, e.Score.ToString("F2"), $"{e.Profile} {e.HorizonSeconds}s",
                e.Status, e.DwellRounds.ToString());
        if (board is null || board.Entries.Count == 0) table.AddRow("", "[grey]warming up / nothing in play[/]", "", "", "", "");

        var events = new Table().Border(TableBorder.Simple).Expand();
        events.Title = new TableTitle($"rank events ({total} so far)");
        foreach (var column in new[] { "Time", "Event", "Symbol", "Score", "Reasons" }) events.AddColumn(column);
        foreach (var e in recent.AsEnumerable().Reverse())
            events.AddRow(Time(e.Time), Kind(e.Kind), e.Symbol, e.Score.ToString("F2"), Markup.Escape(string.Join(",", e.ReasonCodes)));
        var watch = view.WatchList();
        var watching = new Markup(watch.Count == 0 ? "[grey]nothing else to watch[/]"
            : Markup.Escape(string.Join("   ", watch.Select(g => $"{g.Label}: {string.Join(" ", g.Symbols)}"))));
        return new Rows(table, watching, events);
    }

    public static string RenderText(LiveView view, string status)
    {
        var (board, _, total) = view.Read();
        var rows = board?.Entries.Select(e => $"{e.Rank}. {e.Symbol} {e.Score:F2}bps {e.Status}") ?? [];
        var watch = view.WatchList().Select(g => $"{g.Label}: {string.Join(" ", g.Symbols)}");
        return $"[{Time(board?.Time)}] top: {string.Join(" | ", rows)} | watch: {string.Join("; ", watch)} | events={total} | {status}";
    }

    private static string Time(long? time) => time is { } t and > 0 ? UtcTime.ToDateTime(t).ToString("HH:mm:ss.fff") : "--:--:--";

    private static string Kind(RankEventKind kind) => kind switch
    {
        RankEventKind.SymbolEnter => "[green]ENTER[/]",
        RankEventKind.SymbolExit => "[yellow]EXIT[/]",
        _ => "[red]ALERT[/]",
    };
}
