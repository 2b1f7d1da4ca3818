namespace Screener.Offline.Validate;

/// <summary>
/// What a top-K selection per group achieved (<see cref="TopK.Evaluate{T}"/>). Rates and means are NaN when their
/// denominator is zero.
/// </summary>
/// <param name="K">Rows selected per group at most.</param>
/// <param name="Rows">Rows evaluated.</param>
/// <param name="Groups">Distinct groups (e.g. ticks).</param>
/// <param name="ShortGroups">Groups with fewer than K rows, all of which were selected.</param>
/// <param name="Selected">Rows selected, over all groups.</param>
/// <param name="SelectedPositives">Selected rows labelled true.</param>
/// <param name="Positives">Rows labelled true, selected or not.</param>
/// <param name="SelectedValueSum">Sum of the selected rows' realized values.</param>
/// <param name="ValueSum">Sum of all rows' realized values.</param>
public sealed record TopKResult(int K, int Rows, int Groups, int ShortGroups, int Selected, int SelectedPositives, int Positives,
    double SelectedValueSum, double ValueSum)
{
    /// <summary>Precision@K: the fraction of selected rows labelled true (pooled over groups, not averaged per group).</summary>
    public double PrecisionAtK => Selected == 0 ? double.NaN : (double)SelectedPositives / Selected;

    /// <summary>Mean realized value of the selected rows.</summary>
    public double MeanSelectedValue => Selected == 0 ? double.NaN : SelectedValueSum / Selected;

    /// <summary>The fraction of all rows labelled true: the precision of choosing at random.</summary>
    public double BaseRate => Rows == 0 ? double.NaN : (double)Positives / Rows;

    /// <summary>Mean realized value of all rows: what choosing at random would realize.</summary>
    public double MeanValue => Rows == 0 ? double.NaN : ValueSum / Rows;
}
