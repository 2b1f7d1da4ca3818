using ScottPlot.Plottables;
using Screener.Offline.Validate.Charts;

namespace Screener.Offline.Tests.Validate.Charts;

public sealed class BarChartSpec
{
    private static readonly (string Name, double Value)[] Ablation =
        [("order flow", 0.0412), ("book imbalance", -0.0051), ("volatility", 0.0123), ("market context", 0)];

    [Theory]
    [InlineData(BarOrientation.Horizontal, 800, 600)]
    [InlineData(BarOrientation.Vertical, 800, 600)]
    [InlineData(BarOrientation.Horizontal, 417, 229)]
    [InlineData(BarOrientation.Vertical, 417, 229)]
    public void BarChart_must_write_a_PNG_of_the_size_asked_for(BarOrientation orientation, int width, int height)
    {
        var png = BarChart.Render(Ablation, "AUC drop per ablated group", "AUC drop", orientation, width: width, height: height);

        PngImage.AssertChart(png, width, height);
    }

    [Fact]
    public void BarChart_must_give_the_same_bytes_for_the_same_input()
    {
        var first = BarChart.Render(Ablation, "AUC drop", "AUC drop");
        var second = BarChart.Render(Ablation, "AUC drop", "AUC drop");
        var other = BarChart.Render([.. Ablation[..^1], ("market context", 0.001)], "AUC drop", "AUC drop");

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void BarChart_must_save_the_bytes_it_renders()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bars-{Guid.NewGuid():N}.png");
        try
        {
            BarChart.Save(path, Ablation, "Top-K net edge", "bps", BarOrientation.Vertical, "0.0");
            Assert.Equal(BarChart.Render(Ablation, "Top-K net edge", "bps", BarOrientation.Vertical, "0.0"), File.ReadAllBytes(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void BarChart_must_label_each_bar_with_its_value_in_the_format_given()
    {
        using var plot = BarChart.Build(Ablation, "t", "", BarOrientation.Horizontal, "0.000", 800);

        var bars = Assert.Single(plot.GetPlottables<BarPlot>()).Bars;
        Assert.Equal(["0.041", "-0.005", "0.012", "0.000"], bars.Select(b => b.ValueLabel));
        Assert.Equal(Ablation.Select(a => a.Value), bars.Select(b => b.Value));
    }

    [Fact]
    public void BarChart_must_put_the_first_bar_at_the_top_when_horizontal_and_on_the_left_when_vertical()
    {
        using var horizontal = BarChart.Build(Ablation, "t", "", BarOrientation.Horizontal, "0.###", 800);
        using var vertical = BarChart.Build(Ablation, "t", "", BarOrientation.Vertical, "0.###", 800);

        _ = horizontal.GetImageBytes(800, 600, ScottPlot.ImageFormat.Png); // ticks exist once rendered
        var across = Assert.Single(horizontal.GetPlottables<BarPlot>());
        Assert.All(across.Bars, b => Assert.Equal(ScottPlot.Orientation.Horizontal, b.Orientation));
        Assert.Equal([3.0, 2, 1, 0], across.Bars.Select(b => b.Position));
        Assert.Equal(["order flow", "book imbalance", "volatility", "market context"],
            horizontal.Axes.Left.TickGenerator.Ticks.OrderByDescending(t => t.Position).Select(t => t.Label));

        var up = Assert.Single(vertical.GetPlottables<BarPlot>());
        Assert.All(up.Bars, b => Assert.Equal(ScottPlot.Orientation.Vertical, b.Orientation));
        Assert.Equal([0.0, 1, 2, 3], up.Bars.Select(b => b.Position));
    }

    [Fact]
    public void BarChart_must_slant_vertical_bar_names_only_when_they_would_overrun_their_slot()
    {
        (string, double)[] shortNames = [("a", 1), ("b", 2)];
        (string, double)[] longNames = [.. Enumerable.Range(0, 12).Select(i => ($"feature group number {i}", (double)i))];

        using var roomy = BarChart.Build(shortNames, "t", "", BarOrientation.Vertical, "0", 800);
        using var crowded = BarChart.Build(longNames, "t", "", BarOrientation.Vertical, "0", 800);

        Assert.Equal(0, roomy.Axes.Bottom.TickLabelStyle.Rotation);
        Assert.Equal(-45, crowded.Axes.Bottom.TickLabelStyle.Rotation);
        PngImage.AssertChart(BarChart.Render(longNames, "t", "", BarOrientation.Vertical, "0"), 800, 600);
    }

    [Fact]
    public void BarChart_must_draw_an_empty_chart_with_a_note_when_there_are_no_bars()
    {
        foreach (var orientation in new[] { BarOrientation.Horizontal, BarOrientation.Vertical })
        {
            using var plot = BarChart.Build([], "AUC drop", "AUC drop", orientation, "0.###", 800);
            Assert.Contains("No data", plot.GetPlottables<Annotation>().Select(a => a.Text));
            Assert.Empty(plot.GetPlottables<BarPlot>());
            PngImage.AssertChart(BarChart.Render([], "AUC drop", "AUC drop", orientation, width: 300, height: 200), 300, 200);
        }
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void BarChart_must_refuse_a_value_that_is_not_finite(double value)
    {
        var refused = Assert.Throws<ArgumentException>(() => BarChart.Render([.. Ablation, ("broken", value)], "t"));

        Assert.Contains("'broken' (4)", refused.Message);
    }

    [Fact]
    public void BarChart_must_refuse_a_bad_size_or_format()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BarChart.Render(Ablation, "t", width: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => BarChart.Render(Ablation, "t", height: 9000));
        Assert.Throws<FormatException>(() => BarChart.Render(Ablation, "t", valueFormat: "D2"));
    }
}
