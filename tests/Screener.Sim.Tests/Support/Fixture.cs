namespace Screener.Sim.Tests.Support;

/// <summary>Reads files from the copied <c>Fixtures/</c> folder next to the test assembly.</summary>
internal static class Fixture
{
    public static string Path(string file) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", file);

    public static string Text(string file) => File.ReadAllText(Path(file));

    public static IEnumerable<string> Lines(string file) => File.ReadLines(Path(file)).Where(l => l.Length > 0);
}
