using System.Globalization;
using ScottPlot;

namespace Screener.Offline.Validate.Charts;

/// <summary>What the charts share: the size rules, the look, the empty-chart note and PNG encoding.</summary>
internal static class PngChart
{
    public const int DefaultWidth = 800;
    public const int DefaultHeight = 600;

    /// <summary>The largest side accepted, in pixels; a bitmap of 8192 × 8192 is 256 MB.</summary>
    public const int MaxSide = 8192;

    /// <summary>The text drawn on a chart that has nothing to show.</summary>
    public const string NoDataNote = "No data";

    public static readonly Color Reference = Colors.Gray;

    /// <summary>
    /// A sans-serif family that is installed, else ScottPlot's choice. Named rather than left to ScottPlot because its
    /// sans-serif detection falls back to the first family installed, a serif one on a machine with only DejaVu fonts.
    /// </summary>
    private static readonly Lazy<string> FontFamily = new(() =>
        new[] { "DejaVu Sans", "Liberation Sans", "Arial", "Helvetica" }
            .FirstOrDefault(f => Fonts.GetTypeface(f, bold: false, italic: false)?.FamilyName == f) ?? Fonts.Sans);

    private static readonly ScottPlot.Palettes.Category10 Palette = new();

    /// <summary>The colour of the <paramref name="index"/>th series.</summary>
    public static Color SeriesColor(int index) => Palette.GetColor(index);

    public static void CheckSize(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, MaxSide);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, MaxSide);
    }

    public static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(FontFamily.Value);
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    /// <summary>Writes <paramref name="text"/> in the data area, plain (no box or shadow).</summary>
    public static void AddNote(Plot plot, string text, Alignment where = Alignment.MiddleCenter, float fontSize = 18)
    {
        var note = plot.Add.Annotation(text, where);
        note.LabelStyle.FontName = FontFamily.Value;
        note.LabelStyle.FontSize = fontSize;
        note.LabelStyle.ForeColor = Colors.DimGray;
        note.LabelStyle.BackgroundColor = Colors.Transparent;
        note.LabelStyle.BorderColor = Colors.Transparent;
        note.LabelStyle.ShadowColor = Colors.Transparent;
    }

    /// <summary>Both axes from 0 to 1, ticks every 0.1, with a small margin so that marks on the edges show whole.</summary>
    public static void UnitAxes(Plot plot)
    {
        const double margin = 0.02;
        plot.Axes.SetLimits(-margin, 1 + margin, -margin, 1 + margin);
        double[] ticks = [.. Enumerable.Range(0, 11).Select(i => i / 10.0)];
        string[] labels = [.. ticks.Select(t => t.ToString("0.0", CultureInfo.InvariantCulture))];
        plot.Axes.Bottom.SetTicks(ticks, labels);
        plot.Axes.Left.SetTicks(ticks, labels);
    }

    public static byte[] Encode(Plot plot, int width, int height) => plot.GetImageBytes(width, height, ImageFormat.Png);

    /// <summary>Writes <paramref name="png"/> to <paramref name="path"/>, replacing a file there; the folder must exist.</summary>
    public static void Write(string path, byte[] png)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllBytes(path, png);
    }

    /// <summary>Throws unless <paramref name="value"/> is a number in [0, 1].</summary>
    public static void CheckUnit(double value, string what, string paramName)
    {
        if (double.IsNaN(value) || value < 0 || value > 1)
            throw new ArgumentException($"{what} is {value}: it must be a number in [0, 1].", paramName);
    }
}
