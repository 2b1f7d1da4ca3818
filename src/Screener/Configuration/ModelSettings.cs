namespace Screener.Configuration;

/// <summary><c>screener.model</c>: where the model is, and how often to look for a new one.</summary>
/// <param name="Path">A folder holding <c>manifest.json</c>, or <see cref="Baseline"/>.</param>
/// <param name="WatchEvery">Polling interval for hot swaps; zero turns watching off.</param>
public sealed record ModelSettings(string Path, TimeSpan WatchEvery)
{
    /// <summary>The <see cref="Path"/> that selects the baseline heuristic instead of a trained model.</summary>
    public const string Baseline = "baseline";

    public bool IsBaseline => Path == Baseline;

    public ModelSettings Validate()
    {
        if (string.IsNullOrWhiteSpace(Path)) throw new ArgumentException("screener.model.path must be a folder or \"baseline\".");
        if (WatchEvery < TimeSpan.Zero) throw new ArgumentException($"screener.model.watch-every cannot be negative, was {WatchEvery}.");
        return this;
    }

    /// <summary>
    /// The model folder: <see cref="Path"/> as given when absolute or present in the working directory, else next to
    /// the executable (where the build copies the shipped model).
    /// </summary>
    /// <exception cref="FileNotFoundException">Neither place holds it; the message names both.</exception>
    public string ResolveFolder()
    {
        if (System.IO.Path.IsPathRooted(Path) || Directory.Exists(Path)) return System.IO.Path.GetFullPath(Path);
        var beside = System.IO.Path.Combine(AppContext.BaseDirectory, Path);
        if (Directory.Exists(beside)) return beside;
        throw new FileNotFoundException(
            $"screener.model.path '{Path}' is neither in the working directory ({System.IO.Path.GetFullPath(Path)}) nor next to the executable ({beside}).");
    }
}
