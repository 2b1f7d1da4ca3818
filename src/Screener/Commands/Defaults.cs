namespace Screener.Commands;

/// <summary>Paths used when the command line does not name them.</summary>
public static class Defaults
{
    public static string DbPath => Path.Combine("data", "screener.db");

    public static string LogFolder => "logs";
}
