using System.Security.Cryptography;
using System.Text.Json;

namespace Screener.Analytics.Models;

/// <summary>Reads and writes <see cref="ModelManifest"/> and <see cref="RegimeModelSpec"/> files.</summary>
public static class ModelManifestFile
{
    public const string ManifestName = "manifest.json";

    /// <summary>The manifest's JSON bytes (UTF-8, indented, a final newline): the same manifest gives the same bytes.</summary>
    public static byte[] ToJson(ModelManifest manifest) =>
        [.. JsonSerializer.SerializeToUtf8Bytes(manifest, ModelJsonContext.Default.ModelManifest), (byte)'\n'];

    public static byte[] ToJson(RegimeModelSpec regime) =>
        [.. JsonSerializer.SerializeToUtf8Bytes(regime, ModelJsonContext.Default.RegimeModelSpec), (byte)'\n'];

    /// <summary>Reads a manifest and checks its format and the files it names (present, same SHA-256).</summary>
    /// <exception cref="FormatException">The file is not a manifest of this format, or a file it names is missing or differs.</exception>
    public static ModelManifest Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        ModelManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(File.ReadAllBytes(path), ModelJsonContext.Default.ModelManifest);
        }
        catch (JsonException e)
        {
            throw new FormatException($"'{path}' is not a model manifest: {e.Message}", e);
        }
        if (manifest is null) throw new FormatException($"'{path}' is not a model manifest: it is null.");
        if (manifest.Format != ModelManifest.CurrentFormat)
            throw new FormatException($"'{path}' has format '{manifest.Format}'; this build reads '{ModelManifest.CurrentFormat}'.");
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        CheckFile(path, folder, manifest.Model.File, manifest.Model.Sha256);
        CheckFile(path, folder, manifest.Regime.File, manifest.Regime.Sha256);
        return manifest;
    }

    /// <summary>Reads the regime model a manifest names.</summary>
    public static RegimeModelSpec ReadRegime(string manifestPath, ModelManifest manifest)
    {
        var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(manifestPath))!, manifest.Regime.File);
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), ModelJsonContext.Default.RegimeModelSpec)
                   ?? throw new FormatException($"'{path}' is not a regime model: it is null.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"'{path}' is not a regime model: {e.Message}", e);
        }
    }

    /// <summary>Lower-case hex SHA-256.</summary>
    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static void CheckFile(string manifestPath, string folder, string file, string sha256)
    {
        var path = Path.Combine(folder, file);
        if (!File.Exists(path)) throw new FormatException($"'{manifestPath}' names '{file}', which is not in '{folder}'.");
        var actual = Sha256(File.ReadAllBytes(path));
        if (!string.Equals(actual, sha256, StringComparison.Ordinal))
            throw new FormatException($"'{path}' has SHA-256 {actual}; '{manifestPath}' expects {sha256}.");
    }
}
