using System.Text.Json;
using Screener.Analytics.Calibration;

namespace Screener.Analytics.Tests.Calibration;

public sealed class CalibratorSpecSpec
{
    private static readonly double[] Probes = [double.NegativeInfinity, -3, -1, -0.25, 0, 0.3, 1, 2.5, 4, 9, double.PositiveInfinity];

    [Fact]
    public void CalibratorSpec_must_round_trip_an_isotonic_calibrator_through_json()
    {
        var fit = IsotonicCalibrator.Fit([1, 2, 3, 4, 5, 6], [false, true, true, false, false, true], epsilon: 0.01);

        var json = JsonSerializer.Serialize(fit.ToSpec(), CalibrationJsonContext.Default.CalibratorSpec);
        var spec = JsonSerializer.Deserialize(json, CalibrationJsonContext.Default.CalibratorSpec)!;
        var back = spec.ToCalibrator();

        Assert.Equal("""{"kind":"isotonic","x":[1,2,5,6],"y":[0.01,0.5,0.5,0.99],"a":0,"b":0}""", json);
        Assert.Equal(fit.ToSpec(), spec);
        Assert.IsType<IsotonicCalibrator>(back);
        Assert.Equal(Probes.Select(fit.Apply), Probes.Select(back.Apply));
    }

    [Fact]
    public void CalibratorSpec_must_round_trip_a_Platt_calibrator_through_json()
    {
        var platt = PlattCalibrator.Fit([-2, -1, 0, 1, 2, 3], [false, false, true, false, true, true]);

        var json = JsonSerializer.Serialize(platt.ToSpec(), CalibrationJsonContext.Default.CalibratorSpec);
        var back = JsonSerializer.Deserialize(json, CalibrationJsonContext.Default.CalibratorSpec)!.ToCalibrator();

        Assert.StartsWith("""{"kind":"platt","x":[],"y":[],"a":""", json);
        var copy = Assert.IsType<PlattCalibrator>(back);
        Assert.Equal(platt.A, copy.A); // shortest round-trip formatting: the same doubles
        Assert.Equal(platt.B, copy.B);
        Assert.Equal(Probes.Select(platt.Apply), Probes.Select(back.Apply));
    }

    [Fact]
    public void CalibratorSpec_must_read_a_Platt_spec_without_breakpoints_and_compare_arrays_by_content()
    {
        var spec = JsonSerializer.Deserialize("""{"kind":"platt","a":-1.5,"b":0.25}""", CalibrationJsonContext.Default.CalibratorSpec)!;

        Assert.Equal(new CalibratorSpec { Kind = "platt", A = -1.5, B = 0.25 }, spec);
        Assert.Equal(1 / (1 + Math.Exp(0.25)), spec.ToCalibrator().Apply(0), 15);

        var a = new CalibratorSpec { Kind = "isotonic", X = [1, 2], Y = [0.2, 0.8] };
        var b = new CalibratorSpec { Kind = "isotonic", X = [1, 2], Y = [0.2, 0.8] };
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { Y = [0.2, 0.9] });
    }

    public static TheoryData<string, CalibratorSpec, string> Malformed => new()
    {
        { "unknown kind", new CalibratorSpec { Kind = "beta", A = 1 }, "unknown kind 'beta'" },
        { "kind in another case", new CalibratorSpec { Kind = "Platt", A = 1 }, "unknown kind 'Platt'" },
        { "no breakpoints", new CalibratorSpec { Kind = "isotonic" }, "at least one breakpoint" },
        { "null breakpoints", new CalibratorSpec { Kind = "isotonic", X = null!, Y = null! }, "at least one breakpoint" },
        { "lengths differ", new CalibratorSpec { Kind = "isotonic", X = [1, 2, 3], Y = [0.1, 0.2] }, "x has 3 breakpoints but y has 2" },
        { "x unsorted", new CalibratorSpec { Kind = "isotonic", X = [1, 3, 2], Y = [0.1, 0.2, 0.3] }, "x[2] = 2 is not above x[1] = 3" },
        { "x repeated", new CalibratorSpec { Kind = "isotonic", X = [1, 1], Y = [0.1, 0.2] }, "strictly increasing" },
        { "x NaN", new CalibratorSpec { Kind = "isotonic", X = [1, double.NaN], Y = [0.1, 0.2] }, "x[1] = NaN is not a finite score" },
        { "x infinite", new CalibratorSpec { Kind = "isotonic", X = [double.NegativeInfinity, 1], Y = [0.1, 0.2] }, "x[0] = -Infinity is not a finite score" },
        { "y above 1", new CalibratorSpec { Kind = "isotonic", X = [1, 2], Y = [0.5, 1.5] }, "y[1] = 1.5 is not a probability in [0, 1]" },
        { "y negative", new CalibratorSpec { Kind = "isotonic", X = [1, 2], Y = [-0.1, 0.5] }, "y[0] = -0.1 is not a probability" },
        { "y NaN", new CalibratorSpec { Kind = "isotonic", X = [1, 2], Y = [0.1, double.NaN] }, "y[1] = NaN is not a probability" },
        { "y decreasing", new CalibratorSpec { Kind = "isotonic", X = [1, 2], Y = [0.6, 0.4] }, "y[1] = 0.4 is below y[0] = 0.6" },
        { "isotonic with a", new CalibratorSpec { Kind = "isotonic", X = [1], Y = [0.5], A = -1 }, "has no a or b" },
        { "platt with breakpoints", new CalibratorSpec { Kind = "platt", X = [1], Y = [0.5], A = -1 }, "has no breakpoints" },
        { "platt a NaN", new CalibratorSpec { Kind = "platt", A = double.NaN }, "a = NaN is not finite" },
        { "platt b infinite", new CalibratorSpec { Kind = "platt", A = -1, B = double.PositiveInfinity }, "b = Infinity is not finite" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void CalibratorSpec_must_refuse_a_malformed_spec_and_say_what_is_wrong(string _, CalibratorSpec spec, string expected)
    {
        var error = Assert.Throws<FormatException>(spec.ToCalibrator);
        Assert.Contains(expected, error.Message);
        Assert.StartsWith($"Calibrator spec (kind '{spec.Kind}'): ", error.Message);
    }

    [Fact]
    public void CalibratorSpec_must_refuse_json_without_a_kind() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"a":-1,"b":0}""", CalibrationJsonContext.Default.CalibratorSpec));
}
