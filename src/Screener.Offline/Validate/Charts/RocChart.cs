using ScottPlot;

namespace Screener.Offline.Validate.Charts;

/// <summary>
/// ROC curves as a PNG: per curve, true positive rate against false positive rate, joined in the order given (the order
/// of <see cref="RocCurve.From"/>: falling threshold), over the diagonal of a random score; both axes 0 to 1, a title
/// and a legend of the curves' names (put the AUC in the name to show it).
/// <para>A curve without points stays in the legend marked "(no data)", and a chart without any point says so in the
/// middle. A rate that is NaN or outside [0, 1] is refused with an <see cref="ArgumentException"/>, never drawn or
/// skipped. The same arguments give the same bytes on the same machine (fonts come from the system).</para>
/// </summary>
public static class RocChart
{
    /// <summary>Renders the chart to PNG bytes.</summary>
    /// <param name="curves">The curves, drawn and listed in this order.</param>
    /// <param name="title">The chart's title.</param>
    /// <param name="width">Image width in pixels, 1 to 8192.</param>
    /// <param name="height">Image height in pixels, 1 to 8192.</param>
    /// <exception cref="ArgumentException">A rate is NaN or outside [0, 1].</exception>
    public static byte[] Render(
        IReadOnlyList<(string Name, IReadOnlyList<RocPoint> Points)> curves,
        string title = "ROC",
        int width = PngChart.DefaultWidth,
        int height = PngChart.DefaultHeight)
    {
        PngChart.CheckSize(width, height);
        using var plot = Build(curves, title);
        return PngChart.Encode(plot, width, height);
    }

    /// <summary>Renders the chart (see <see cref="Render"/>) to a PNG file at <paramref name="path"/>, replacing one there.</summary>
    public static void Save(
        string path,
        IReadOnlyList<(string Name, IReadOnlyList<RocPoint> Points)> curves,
        string title = "ROC",
        int width = PngChart.DefaultWidth,
        int height = PngChart.DefaultHeight) =>
        PngChart.Write(path, Render(curves, title, width, height));

    /// <summary>The chart as a ScottPlot plot, for <see cref="Render"/> and the tests; the caller disposes it.</summary>
    internal static Plot Build(IReadOnlyList<(string Name, IReadOnlyList<RocPoint> Points)> curves, string title)
    {
        ArgumentNullException.ThrowIfNull(curves);
        ArgumentNullException.ThrowIfNull(title);
        for (var c = 0; c < curves.Count; c++)
        {
            var (name, points) = curves[c];
            ArgumentNullException.ThrowIfNull(name, $"{nameof(curves)}[{c}].Name");
            ArgumentNullException.ThrowIfNull(points, $"{nameof(curves)}[{c}].Points");
            for (var i = 0; i < points.Count; i++)
            {
                ArgumentNullException.ThrowIfNull(points[i], $"{name}[{i}]");
                PngChart.CheckUnit(points[i].FalsePositiveRate, $"Curve '{name}', point {i}: the false positive rate", nameof(curves));
                PngChart.CheckUnit(points[i].TruePositiveRate, $"Curve '{name}', point {i}: the true positive rate", nameof(curves));
            }
        }

        var plot = PngChart.NewPlot(title, "False positive rate", "True positive rate");
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.Color = PngChart.Reference;
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LegendText = "Random";

        for (var c = 0; c < curves.Count; c++)
        {
            var (name, points) = curves[c];
            var line = plot.Add.ScatterLine(
                points.Select(p => p.FalsePositiveRate).ToArray(), points.Select(p => p.TruePositiveRate).ToArray(), PngChart.SeriesColor(c));
            line.LineWidth = 2;
            line.MarkerSize = 0;
            line.LegendText = points.Count == 0 ? $"{name} (no data)" : name;
        }

        if (curves.All(c => c.Points.Count == 0)) PngChart.AddNote(plot, PngChart.NoDataNote);
        plot.ShowLegend(Alignment.LowerRight);
        PngChart.UnitAxes(plot);
        return plot;
    }
}
