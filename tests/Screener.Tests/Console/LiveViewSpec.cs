using Screener.Analytics.Ranking;
using Screener.Console;
using Screener.Contracts;

namespace Screener.Tests.Console;

/// <summary>The terminal's view: the board, and off the board the symbols worth watching under their status labels.</summary>
public sealed class LiveViewSpec
{
    [Fact]
    public void LiveView_must_list_the_symbols_off_the_board_by_status_in_a_fixed_order_leaving_out_quiet_and_board_ones()
    {
        var view = new LiveView();
        var board = new RankBoard(0, EquatableArray.Create(new BoardEntry("BTCUSDT", 1, 30, "taker", 30, StatusLabels.InPlay, 4)), 6, "m");
        SymbolStatus[] statuses =
        [
            new("ADAUSDT", StatusLabels.Cooling, 12, []),
            new("BTCUSDT", StatusLabels.InPlay, 30, []),
            new("DOGEUSDT", StatusLabels.Watch, 27, []),
            new("ETHUSDT", StatusLabels.Toxic, 40, ["TOXICITY:VPIN"]),
            new("SOLUSDT", StatusLabels.Quiet, 3, []),
            new("AVAXUSDT", StatusLabels.Watch, 26, []),
        ];

        view.Update(board, [], statuses);

        Assert.Equal(
            [(StatusLabels.Watch, "AVAXUSDT DOGEUSDT"), (StatusLabels.Cooling, "ADAUSDT"), (StatusLabels.Toxic, "ETHUSDT")],
            view.WatchList().Select(g => (g.Label, string.Join(" ", g.Symbols))));
        Assert.Contains("watch: WATCH: AVAXUSDT DOGEUSDT; COOLING: ADAUSDT; TOXIC: ETHUSDT", LiveTable.RenderText(view, "ok"));
        Assert.Contains("1. BTCUSDT 30.00bps IN PLAY", LiveTable.RenderText(view, "ok"));
    }
}
