using ScottPlot;

namespace Screener.Offline.Validate.Charts;

/// <summary>
/// A reliability (calibration) diagram as a PNG: per series, its bins' observed frequency against their mean predicted
/// probability, joined in order of the prediction, over the diagonal of perfect calibration; both axes 0 to 1, a title
/// and a legend of the series' names.
/// <para>With <c>sizeByCount</c> each bin is a disc whose diameter grows with the square root of its row count, from
/// 5 px (a bin of almost no rows) to 22 px (the largest bin of all the series), so its area grows with the count and thin
/// bins read as thin; otherwise every disc is 7 px. Empty bins (count 0) are not drawn and their other values not read;
/// a series without a drawn bin stays in the legend marked "(no data)", and a chart without any says so in the middle.
/// A NaN, a value outside [0, 1] or a negative count is refused with an <see cref="ArgumentException"/>, never drawn or
/// skipped.</para>
/// <para>The same arguments give the same bytes on the same machine (fonts come from the system, so another machine's
/// text may differ).</para>
/// </summary>
public static class ReliabilityChart
{
    private const float MinDiameter = 5;
    private const float MaxDiameter = 22;
    private const float PlainDiameter = 7;

    /// <summary>Renders the chart to PNG bytes.</summary>
    /// <param name="series">The series, drawn and listed in this order.</param>
    /// <param name="title">The chart's title.</param>
    /// <param name="sizeByCount">Whether a bin's disc area shows its row count; otherwise all bins are the same size.</param>
    /// <param name="width">Image width in pixels, 1 to 8192.</param>
    /// <param name="height">Image height in pixels, 1 to 8192.</param>
    /// <exception cref="ArgumentException">A point is NaN, outside [0, 1] or has a negative count.</exception>
    public static byte[] Render(
        IReadOnlyList<(string Name, IReadOnlyList<ReliabilityPoint> Points)> series,
        string title = "Reliability",
        bool sizeByCount = true,
        int width = PngChart.DefaultWidth,
        int height = PngChart.DefaultHeight)
    {
        PngChart.CheckSize(width, height);
        using var plot = Build(series, title, sizeByCount);
        return PngChart.Encode(plot, width, height);
    }

    /// <summary>Renders the chart (see <see cref="Render"/>) to a PNG file at <paramref name="path"/>, replacing one there.</summary>
    public static void Save(
        string path,
        IReadOnlyList<(string Name, IReadOnlyList<ReliabilityPoint> Points)> series,
        string title = "Reliability",
        bool sizeByCount = true,
        int width = PngChart.DefaultWidth,
        int height = PngChart.DefaultHeight) =>
        PngChart.Write(path, Render(series, title, sizeByCount, width, height));

    /// <summary>The chart as a ScottPlot plot, for <see cref="Render"/> and the tests; the caller disposes it.</summary>
    internal static Plot Build(IReadOnlyList<(string Name, IReadOnlyList<ReliabilityPoint> Points)> series, string title, bool sizeByCount)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(title);
        var drawn = new ReliabilityPoint[series.Count][];
        for (var s = 0; s < series.Count; s++)
        {
            var (name, points) = series[s];
            ArgumentNullException.ThrowIfNull(name, $"{nameof(series)}[{s}].Name");
            ArgumentNullException.ThrowIfNull(points, $"{nameof(series)}[{s}].Points");
            for (var i = 0; i < points.Count; i++) Check(points[i], name, i);
            drawn[s] = [.. points.Where(p => p.Count > 0).OrderBy(p => p.MeanPredicted).ThenBy(p => p.Observed)];
        }
        var largest = drawn.SelectMany(p => p).Select(p => p.Count).DefaultIfEmpty(0).Max();

        var plot = PngChart.NewPlot(title, "Mean predicted probability", "Observed frequency");
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.Color = PngChart.Reference;
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LegendText = "Perfectly calibrated";

        for (var s = 0; s < series.Count; s++)
        {
            var color = PngChart.SeriesColor(s);
            var points = drawn[s];
            var line = plot.Add.ScatterLine(points.Select(p => p.MeanPredicted).ToArray(), points.Select(p => p.Observed).ToArray(), color);
            line.LineWidth = 2;
            line.MarkerSize = 0;
            line.LegendText = points.Length == 0 ? $"{series[s].Name} (no data)" : series[s].Name;
            foreach (var p in points)
            {
                var diameter = sizeByCount ? MinDiameter + (MaxDiameter - MinDiameter) * (float)Math.Sqrt((double)p.Count / largest) : PlainDiameter;
                var marker = plot.Add.Marker(p.MeanPredicted, p.Observed, MarkerShape.FilledCircle, diameter, color.WithAlpha(0.7));
                marker.LegendText = "";
            }
        }

        if (largest == 0) PngChart.AddNote(plot, PngChart.NoDataNote);
        else if (sizeByCount) PngChart.AddNote(plot, "disc size: rows in the bin", Alignment.LowerRight, 12);
        plot.ShowLegend(Alignment.UpperLeft);
        PngChart.UnitAxes(plot);
        return plot;
    }

    private static void Check(ReliabilityPoint point, string series, int index)
    {
        ArgumentNullException.ThrowIfNull(point, $"{series}[{index}]");
        if (point.Count < 0)
            throw new ArgumentException($"Series '{series}', bin {index}: count is {point.Count}, it must not be negative.", nameof(series));
        if (point.Count == 0) return;
        PngChart.CheckUnit(point.MeanPredicted, $"Series '{series}', bin {index}: the mean predicted probability", nameof(series));
        PngChart.CheckUnit(point.Observed, $"Series '{series}', bin {index}: the observed frequency", nameof(series));
    }
}
