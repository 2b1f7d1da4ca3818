using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace Screener.Analytics.Tests.Calibration;

/// <summary>
/// Generated fitting input: 1 to 60 rows, scores on a quarter grid in [−5, 5] (so ties are common), labels with a
/// drawn base rate, weights 0 to 4 (zeros included) with the first row's at least 1, so there is always something
/// to fit.
/// </summary>
internal sealed record CalibrationRows(double[] Scores, bool[] Labels, double[] Weights)
{
    private static Gen<(double Score, bool Label, double Weight)> RowGen(int rate, int minWeight) =>
        from quarter in Gen.Choose(-20, 20)
        from draw in Gen.Choose(0, 99)
        from weight in Gen.Choose(minWeight, 4)
        select (quarter / 4.0, draw < rate, (double)weight);

    public static Arbitrary<CalibrationRows> Arbitrary() => Arb.From(
        from rate in Gen.Choose(0, 100)
        from first in RowGen(rate, 1)
        from count in Gen.Choose(0, 59)
        from rest in Gen.ArrayOf(RowGen(rate, 0), count)
        let rows = rest.Prepend(first).ToArray()
        select new CalibrationRows(rows.Select(r => r.Score).ToArray(), rows.Select(r => r.Label).ToArray(), rows.Select(r => r.Weight).ToArray()));

    public override string ToString() => string.Join(" ", Scores.Select((s, i) =>
        $"{s.ToString(CultureInfo.InvariantCulture)}:{(Labels[i] ? 1 : 0)}×{Weights[i].ToString(CultureInfo.InvariantCulture)}"));
}
