namespace Screener.Analytics.Calibration;

/// <summary>The values of <see cref="CalibratorSpec.Kind"/> (compared ordinally, case-sensitive).</summary>
public static class CalibratorKinds
{
    public const string Isotonic = "isotonic";
    public const string Platt = "platt";
}
