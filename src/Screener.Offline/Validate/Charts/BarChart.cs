using System.Globalization;
using ScottPlot;
using ScottPlot.AxisPanels;

namespace Screener.Offline.Validate.Charts;

/// <summary>
/// Named bars as a PNG (an AUC drop per ablated feature group, a mean top-K net edge per model or baseline), each
/// labelled with its value, from a line at zero: negative values grow the other way. The names are the category
/// axis's labels; the value axis reaches past the longest bars so that their labels fit.
/// <para>A chart without bars says so in the middle. A NaN or infinite value is refused with an
/// <see cref="ArgumentException"/>, never drawn or skipped. The same arguments give the same bytes on the same machine
/// (fonts come from the system).</para>
/// </summary>
public static class BarChart
{
    /// <summary>How far the value axis reaches past the bars, as a fraction of the values' span, for the labels.</summary>
    private const double LabelRoom = 0.15;

    /// <summary>How far the value axis reaches past zero when no bar extends that way, as a fraction of the span.</summary>
    private const double ZeroRoom = 0.03;

    /// <summary>A rough width of the left axis and margins, in pixels, to estimate each vertical bar's slot.</summary>
    private const float AxisAllowance = 100;

    /// <summary>Renders the chart to PNG bytes.</summary>
    /// <param name="bars">The bars, first at the top (horizontal) or on the left (vertical).</param>
    /// <param name="title">The chart's title.</param>
    /// <param name="valueLabel">The value axis's label, e.g. "AUC drop".</param>
    /// <param name="orientation">Which way the bars grow.</param>
    /// <param name="valueFormat">The .NET numeric format of the value labels, in the invariant culture.</param>
    /// <param name="width">Image width in pixels, 1 to 8192.</param>
    /// <param name="height">Image height in pixels, 1 to 8192.</param>
    /// <exception cref="ArgumentException">A value is NaN or infinite.</exception>
    /// <exception cref="FormatException"><paramref name="valueFormat"/> is not a numeric format.</exception>
    public static byte[] Render(
        IReadOnlyList<(string Name, double Value)> bars,
        string title,
        string valueLabel = "",
        BarOrientation orientation = BarOrientation.Horizontal,
        string valueFormat = "0.####",
        int width = PngChart.DefaultWidth,
        int height = PngChart.DefaultHeight)
    {
        PngChart.CheckSize(width, height);
        using var plot = Build(bars, title, valueLabel, orientation, valueFormat, width);
        return PngChart.Encode(plot, width, height);
    }

    /// <summary>Renders the chart (see <see cref="Render"/>) to a PNG file at <paramref name="path"/>, replacing one there.</summary>
    public static void Save(
        string path,
        IReadOnlyList<(string Name, double Value)> bars,
        string title,
        string valueLabel = "",
        BarOrientation orientation = BarOrientation.Horizontal,
        string valueFormat = "0.####",
        int width = PngChart.DefaultWidth,
        int height = PngChart.DefaultHeight) =>
        PngChart.Write(path, Render(bars, title, valueLabel, orientation, valueFormat, width, height));

    /// <summary>The chart as a ScottPlot plot, for <see cref="Render"/> and the tests; the caller disposes it.</summary>
    internal static Plot Build(
        IReadOnlyList<(string Name, double Value)> bars, string title, string valueLabel, BarOrientation orientation, string valueFormat, int width)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(valueLabel);
        ArgumentNullException.ThrowIfNull(valueFormat);
        if (!Enum.IsDefined(orientation)) throw new ArgumentOutOfRangeException(nameof(orientation), orientation, "Not an orientation.");
        _ = 0.0.ToString(valueFormat, CultureInfo.InvariantCulture); // a bad format throws here, before a plot exists
        for (var i = 0; i < bars.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(bars[i].Name, $"{nameof(bars)}[{i}].Name");
            if (!double.IsFinite(bars[i].Value))
                throw new ArgumentException($"Bar '{bars[i].Name}' ({i}) is {bars[i].Value}: values must be finite.", nameof(bars));
        }

        var horizontal = orientation == BarOrientation.Horizontal;
        var plot = horizontal ? PngChart.NewPlot(title, valueLabel, "") : PngChart.NewPlot(title, "", valueLabel);
        IAxis categoryAxis = horizontal ? plot.Axes.Left : plot.Axes.Bottom;
        if (bars.Count == 0)
        {
            PngChart.AddNote(plot, PngChart.NoDataNote);
            plot.Axes.Bottom.SetTicks([], []);
            plot.Axes.Left.SetTicks([], []);
            plot.Axes.SetLimits(0, 1, 0, 1);
            return plot;
        }

        // Horizontal bars are read from the top, so the first bar gets the highest position.
        double Position(int i) => horizontal ? bars.Count - 1 - i : i;
        var color = PngChart.SeriesColor(0);
        var plotted = plot.Add.Bars(Enumerable.Range(0, bars.Count).Select(i => new Bar
        {
            Position = Position(i),
            Value = bars[i].Value,
            FillColor = color,
            LineColor = color,
            ValueLabel = bars[i].Value.ToString(valueFormat, CultureInfo.InvariantCulture),
        }).ToArray());
        plotted.Horizontal = horizontal;
        plotted.ValueLabelStyle.FontSize = 12;
        categoryAxis.SetTicks([.. Enumerable.Range(0, bars.Count).Select(Position)], [.. bars.Select(b => b.Name)]);
        categoryAxis.MajorTickStyle.Length = 0;
        (horizontal ? plot.Grid.YAxisStyle : plot.Grid.XAxisStyle).IsVisible = false;
        if (!horizontal) SlantNamesIfCrowded(plot, bars, width);

        if (horizontal) plot.Add.VerticalLine(0, 1, PngChart.Reference);
        else plot.Add.HorizontalLine(0, 1, PngChart.Reference);

        var low = Math.Min(0, bars.Min(b => b.Value));
        var high = Math.Max(0, bars.Max(b => b.Value));
        var span = high > low ? high - low : 1;
        var from = low - (low < 0 ? LabelRoom : ZeroRoom) * span;
        var to = high + (high > 0 ? LabelRoom : ZeroRoom) * span;
        if (horizontal) plot.Axes.SetLimits(from, to, -0.6, bars.Count - 0.4);
        else plot.Axes.SetLimits(-0.6, bars.Count - 0.4, from, to);
        plot.HideLegend();
        return plot;
    }

    /// <summary>
    /// Slants the names under vertical bars by 45° when the widest would overrun its bar's slot, and makes room for them
    /// below the axis and to its left (ScottPlot's layout does not measure rotated labels).
    /// </summary>
    private static void SlantNamesIfCrowded(Plot plot, IReadOnlyList<(string Name, double Value)> bars, int width)
    {
        var axis = (AxisBase)plot.Axes.Bottom;
        using var paint = Paint.NewDisposablePaint();
        var widest = bars.Max(b => axis.TickLabelStyle.Measure(b.Name, paint).Size.Width);
        var slot = Math.Max(1f, width - AxisAllowance) / bars.Count;
        if (widest <= 0.9f * slot) return;

        axis.TickLabelStyle.Rotation = -45;
        axis.TickLabelStyle.Alignment = Alignment.UpperRight;
        var reach = widest * MathF.Sqrt(0.5f);
        axis.MinimumSize = reach + 2 * axis.TickLabelStyle.FontSize + 10;
        ((AxisBase)plot.Axes.Left).MinimumSize = Math.Max(((AxisBase)plot.Axes.Left).MinimumSize, reach - slot / 2 + 10);
    }
}
