namespace Screener.Analytics.Calibration;

/// <summary>
/// A calibrator as stored (in the model manifest, System.Text.Json, camelCase: <c>kind</c>, <c>x</c>, <c>y</c>,
/// <c>a</c>, <c>b</c>). <c>isotonic</c> uses the breakpoints <see cref="X"/> and <see cref="Y"/> and leaves A and B
/// at 0; <c>platt</c> uses <see cref="A"/> and <see cref="B"/> and leaves X and Y empty (or absent). A spec that fills
/// the other kind's fields is refused rather than half read. Equality compares the arrays element by element.
/// </summary>
public sealed record CalibratorSpec
{
    /// <summary>One of <see cref="CalibratorKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>Isotonic breakpoint scores, strictly increasing.</summary>
    public double[] X { get; init; } = [];

    /// <summary>Isotonic probabilities at the breakpoints, non-decreasing, in [0, 1].</summary>
    public double[] Y { get; init; } = [];

    /// <summary>Platt slope on the score.</summary>
    public double A { get; init; }

    /// <summary>Platt offset.</summary>
    public double B { get; init; }

    /// <summary>The calibrator this spec describes, after checking it.</summary>
    /// <exception cref="FormatException">
    /// Unknown kind, the other kind's fields set, or (isotonic) no breakpoints, lengths that differ, X not finite or
    /// not strictly increasing, Y outside [0, 1] (NaN included) or decreasing, or (Platt) A or B not finite. The
    /// message names the field and index.
    /// </exception>
    public IProbabilityCalibrator ToCalibrator()
    {
        // JSON can carry an explicit null for an array, whatever the annotation says.
        var x = X ?? [];
        var y = Y ?? [];
        switch (Kind)
        {
            case CalibratorKinds.Isotonic:
                if (A != 0 || B != 0) throw Malformed($"an isotonic calibrator has no a or b (a = {A}, b = {B}).");
                if (IsotonicCalibrator.Problem(x, y) is { } isotonic) throw Malformed(isotonic);
                return new IsotonicCalibrator(x, y);
            case CalibratorKinds.Platt:
                if (x.Length != 0 || y.Length != 0) throw Malformed($"a Platt calibrator has no breakpoints (x has {x.Length}, y has {y.Length}).");
                if (PlattCalibrator.Problem(A, B) is { } platt) throw Malformed(platt);
                return new PlattCalibrator(A, B);
            default:
                throw Malformed($"unknown kind '{Kind}'; expected '{CalibratorKinds.Isotonic}' or '{CalibratorKinds.Platt}'.");
        }
    }

    public bool Equals(CalibratorSpec? other) =>
        other is not null
        && string.Equals(Kind, other.Kind, StringComparison.Ordinal)
        && A.Equals(other.A)
        && B.Equals(other.B)
        && (X ?? []).AsSpan().SequenceEqual(other.X ?? [])
        && (Y ?? []).AsSpan().SequenceEqual(other.Y ?? []);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Kind);
        hash.Add(A);
        hash.Add(B);
        foreach (var v in X ?? []) hash.Add(v);
        foreach (var v in Y ?? []) hash.Add(v);
        return hash.ToHashCode();
    }

    private FormatException Malformed(string problem) => new($"Calibrator spec (kind '{Kind}'): {problem}");
}
