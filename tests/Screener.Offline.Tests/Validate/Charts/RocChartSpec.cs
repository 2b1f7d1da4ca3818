using ScottPlot.Plottables;
using Screener.Offline.Validate.Charts;

namespace Screener.Offline.Tests.Validate.Charts;

public sealed class RocChartSpec
{
    private static readonly IReadOnlyList<RocPoint> Model =
        RocCurve.From([0.9, 0.8, 0.8, 0.7, 0.5, 0.5, 0.3, 0.2], [true, true, false, true, true, false, false, false]);

    private static readonly IReadOnlyList<RocPoint> Baseline =
        RocCurve.From([0.6, 0.4, 0.5, 0.5, 0.3, 0.7, 0.1, 0.2], [true, true, false, true, true, false, false, false]);

    private static IReadOnlyList<(string Name, IReadOnlyList<RocPoint> Points)> Curves() => [("model (AUC 0.84)", Model), ("baseline", Baseline)];

    [Theory]
    [InlineData(800, 600)]
    [InlineData(333, 333)]
    public void RocChart_must_write_a_PNG_of_the_size_asked_for(int width, int height)
    {
        PngImage.AssertChart(RocChart.Render(Curves(), width: width, height: height), width, height);
    }

    [Fact]
    public void RocChart_must_give_the_same_bytes_for_the_same_input()
    {
        var first = RocChart.Render(Curves());
        var second = RocChart.Render(Curves());
        var other = RocChart.Render([("model (AUC 0.84)", Model)]);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void RocChart_must_save_the_bytes_it_renders()
    {
        var path = Path.Combine(Path.GetTempPath(), $"roc-{Guid.NewGuid():N}.png");
        try
        {
            RocChart.Save(path, Curves(), "ROC, test split");
            Assert.Equal(RocChart.Render(Curves(), "ROC, test split"), File.ReadAllBytes(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void RocChart_must_draw_each_curve_in_the_order_of_its_points_over_the_diagonal()
    {
        using var plot = RocChart.Build(Curves(), "t");

        var diagonal = Assert.Single(plot.GetPlottables<LinePlot>());
        Assert.Equal((0.0, 0.0, 1.0, 1.0), (diagonal.Start.X, diagonal.Start.Y, diagonal.End.X, diagonal.End.Y));
        var lines = plot.GetPlottables<Scatter>().ToArray();
        Assert.Equal(["model (AUC 0.84)", "baseline"], lines.Select(l => l.LegendText));
        Assert.Equal(Model.Select(p => (p.FalsePositiveRate, p.TruePositiveRate)), lines[0].Data.GetScatterPoints().Select(c => (c.X, c.Y)));
    }

    [Fact]
    public void RocChart_must_draw_an_empty_chart_with_a_note_when_no_curve_has_points()
    {
        // A test split of one class has no ROC curve: RocCurve gives no points.
        var oneClass = RocCurve.From([0.3, 0.6], [false, false]);
        IReadOnlyList<(string Name, IReadOnlyList<RocPoint> Points)>[] empties = [[], [("model", oneClass)], [("model", oneClass), ("baseline", [])]];

        foreach (var curves in empties)
        {
            using var plot = RocChart.Build(curves, "t");
            Assert.Contains("No data", plot.GetPlottables<Annotation>().Select(a => a.Text));
            Assert.All(curves, c => Assert.Contains($"{c.Name} (no data)", plot.GetPlottables<Scatter>().Select(l => l.LegendText)));
            PngImage.AssertChart(RocChart.Render(curves, width: 300, height: 300), 300, 300);
        }

        using var partly = RocChart.Build([("model", Model), ("baseline", oneClass)], "t");
        Assert.DoesNotContain("No data", partly.GetPlottables<Annotation>().Select(a => a.Text));
    }

    [Theory]
    [InlineData(double.NaN, 0.5)]
    [InlineData(0.5, double.NaN)]
    [InlineData(-0.1, 0.5)]
    [InlineData(0.5, 1.5)]
    public void RocChart_must_refuse_a_rate_that_is_NaN_or_outside_0_to_1(double fpr, double tpr)
    {
        RocPoint[] bad = [new(0, 0, double.PositiveInfinity), new(fpr, tpr, 0.5), new(1, 1, 0.1)];

        var refused = Assert.Throws<ArgumentException>(() => RocChart.Render([("model", Model), ("broken", bad)]));

        Assert.Contains("'broken', point 1", refused.Message);
    }
}
