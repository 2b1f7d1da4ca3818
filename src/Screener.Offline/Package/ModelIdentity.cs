using System.Text.RegularExpressions;

namespace Screener.Offline.Package;

/// <summary>The parts of a model version that do not come from the data: the SemVer core and the code's git commit.</summary>
/// <param name="Semver">MAJOR.MINOR.PATCH.</param>
/// <param name="GitSha">The commit the trainer was built from (hex), or <c>unknown</c>.</param>
public sealed partial record ModelIdentity(string Semver, string GitSha)
{
    /// <exception cref="ArgumentException">Not a MAJOR.MINOR.PATCH core, or a sha that is neither hex nor <c>unknown</c>.</exception>
    public ModelIdentity Validate()
    {
        if (!SemverCore().IsMatch(Semver)) throw new ArgumentException($"'{Semver}' is not a SemVer core (MAJOR.MINOR.PATCH).");
        if (GitSha != "unknown" && !Hex().IsMatch(GitSha)) throw new ArgumentException($"'{GitSha}' is not a git commit (7 to 40 hex digits).");
        return this;
    }

    /// <summary><c>semver+git_sha.data_cutoff.training_hash</c>; the build metadata is dot-separated as SemVer requires.</summary>
    public string Version(string dataCutoff, string trainingHash) => $"{Semver}+{GitSha}.{dataCutoff}.{trainingHash}";

    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")]
    private static partial Regex SemverCore();

    [GeneratedRegex("^[0-9a-f]{7,40}$")]
    private static partial Regex Hex();
}
