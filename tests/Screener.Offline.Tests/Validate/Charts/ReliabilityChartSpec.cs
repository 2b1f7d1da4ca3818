using ScottPlot.Plottables;
using Screener.Offline.Validate.Charts;

namespace Screener.Offline.Tests.Validate.Charts;

public sealed class ReliabilityChartSpec
{
    private static readonly ReliabilityPoint[] Taker =
        [new(0.05, 0.04, 400), new(0.15, 0.12, 100), new(0.35, 0.41, 25), new(0.62, 0.55, 16), new(0.9, 0.97, 4)];

    private static readonly ReliabilityPoint[] Maker = [new(0.1, 0.2, 50), new(0.5, 0.45, 50)];

    private static IReadOnlyList<(string Name, IReadOnlyList<ReliabilityPoint> Points)> Series(ReliabilityPoint[]? taker = null) =>
        [("taker 30s", taker ?? Taker), ("maker 5s", Maker)];

    [Theory]
    [InlineData(800, 600)]
    [InlineData(321, 257)]
    public void ReliabilityChart_must_write_a_PNG_of_the_size_asked_for(int width, int height)
    {
        PngImage.AssertChart(ReliabilityChart.Render(Series(), width: width, height: height), width, height);
    }

    [Fact]
    public void ReliabilityChart_must_default_to_800_by_600()
    {
        Assert.Equal((800, 600), PngImage.Header(ReliabilityChart.Render(Series())));
    }

    [Fact]
    public void ReliabilityChart_must_give_the_same_bytes_for_the_same_input()
    {
        var first = ReliabilityChart.Render(Series(), "Calibration");
        var second = ReliabilityChart.Render(Series(), "Calibration");
        ReliabilityPoint[] moved = [.. Taker[..^1], Taker[^1] with { Observed = 0.8 }];
        var other = ReliabilityChart.Render(Series(moved), "Calibration");

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void ReliabilityChart_must_save_the_bytes_it_renders()
    {
        var path = Path.Combine(Path.GetTempPath(), $"reliability-{Guid.NewGuid():N}.png");
        try
        {
            ReliabilityChart.Save(path, Series(), width: 500, height: 400);
            Assert.Equal(ReliabilityChart.Render(Series(), width: 500, height: 400), File.ReadAllBytes(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ReliabilityChart_must_scale_bin_area_with_count_when_asked()
    {
        using var sized = ReliabilityChart.Build(Series(), "t", sizeByCount: true);
        using var plain = ReliabilityChart.Build(Series(), "t", sizeByCount: false);

        // Diameter 5 + 17 * sqrt(count / 400): the largest bin of all the series gets the largest disc.
        var diameters = sized.GetPlottables<Marker>().Select(m => m.MarkerSize).ToArray();
        float[] expected = [22, 13.5f, 9.25f, 8.4f, 6.7f, 11.01f, 11.01f];
        Assert.Equal(expected.Length, diameters.Length);
        Assert.All(expected.Zip(diameters), p => Assert.Equal(p.Item1, p.Item2, 0.01f));
        Assert.All(plain.GetPlottables<Marker>(), m => Assert.Equal(7, m.MarkerSize));
    }

    [Fact]
    public void ReliabilityChart_must_skip_empty_bins_whatever_their_values()
    {
        ReliabilityPoint[] withEmpty = [.. Taker, new(double.NaN, double.NaN, 0), new(2, -1, 0)];

        using var plot = ReliabilityChart.Build(Series(withEmpty), "t", sizeByCount: true);

        Assert.Equal(Taker.Length + Maker.Length, plot.GetPlottables<Marker>().Count());
        var line = plot.GetPlottables<Scatter>().First();
        Assert.Equal(Taker.Select(p => p.MeanPredicted), line.Data.GetScatterPoints().Select(c => c.X));
    }

    [Fact]
    public void ReliabilityChart_must_draw_an_empty_chart_with_a_note_when_no_bin_has_rows()
    {
        IReadOnlyList<(string Name, IReadOnlyList<ReliabilityPoint> Points)>[] empties =
            [[], [("taker 30s", [])], [("taker 30s", [new(double.NaN, double.NaN, 0)]), ("maker 5s", [])]];

        foreach (var series in empties)
        {
            using var plot = ReliabilityChart.Build(series, "t", sizeByCount: true);
            Assert.Contains("No data", plot.GetPlottables<Annotation>().Select(a => a.Text));
            Assert.Empty(plot.GetPlottables<Marker>());
            Assert.All(series, s => Assert.Contains($"{s.Name} (no data)", plot.GetPlottables<Scatter>().Select(l => l.LegendText)));
            PngImage.AssertChart(ReliabilityChart.Render(series, width: 400, height: 300), 400, 300);
        }
    }

    [Fact]
    public void ReliabilityChart_must_name_a_series_in_the_legend_and_mark_one_without_rows()
    {
        using var plot = ReliabilityChart.Build([("taker 30s", Taker), ("maker 5s", [])], "t", sizeByCount: true);

        Assert.Equal(["taker 30s", "maker 5s (no data)"], plot.GetPlottables<Scatter>().Select(s => s.LegendText));
        Assert.DoesNotContain("No data", plot.GetPlottables<Annotation>().Select(a => a.Text));
    }

    [Theory]
    [InlineData(double.NaN, 0.5, 10)]
    [InlineData(0.5, double.NaN, 10)]
    [InlineData(1.01, 0.5, 10)]
    [InlineData(0.5, -0.01, 10)]
    [InlineData(double.PositiveInfinity, 0.5, 10)]
    [InlineData(0.5, 0.5, -1)]
    public void ReliabilityChart_must_refuse_a_bin_that_is_NaN_outside_0_to_1_or_negative(double predicted, double observed, long count)
    {
        ReliabilityPoint[] bad = [.. Taker[..2], new(predicted, observed, count)];

        var refused = Assert.Throws<ArgumentException>(() => ReliabilityChart.Render(Series(bad)));

        Assert.Contains("'taker 30s', bin 2", refused.Message);
    }

    [Theory]
    [InlineData(0, 600)]
    [InlineData(800, 0)]
    [InlineData(8193, 600)]
    public void ReliabilityChart_must_refuse_a_size_out_of_range(int width, int height)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReliabilityChart.Render(Series(), width: width, height: height));
    }
}
