using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Screener.Analytics.Models.Trees;

/// <summary>
/// One model head as a tree ensemble: its name (which names its ONNX outputs), its kind, its trees in ML.NET's order and,
/// for a binary classifier, its Platt calibration. <see cref="Score"/> is ML.NET's scoring (the sum of the trees'
/// outputs in double, in tree order, rounded to float; ML.NET ignores the ensemble's bias and tree weights), so it is
/// also the pure C# walker the exported model is checked against.
/// </summary>
public sealed partial class TreeHead
{
    /// <param name="name">Letters, digits and underscores, starting with a letter; it names the head's ONNX outputs.</param>
    /// <param name="kind">Classifier or regressor.</param>
    /// <param name="trees">The trees, at least one.</param>
    /// <param name="platt">The calibration: required for a classifier, absent for a regressor.</param>
    public TreeHead(string name, TreeHeadKind kind, ImmutableArray<DecisionTree> trees, PlattCalibration? platt)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!NamePattern().IsMatch(name))
            throw new ArgumentException($"Head name '{name}' must be letters, digits and underscores, starting with a letter.", nameof(name));
        if (trees.IsDefaultOrEmpty)
            throw new ArgumentException($"Head '{name}' has no trees.", nameof(trees));
        if (kind == TreeHeadKind.BinaryClassifier && platt is null)
            throw new ArgumentException($"Binary classifier head '{name}' needs its Platt calibration.", nameof(platt));
        if (kind == TreeHeadKind.Regressor && platt is not null)
            throw new ArgumentException($"Regressor head '{name}' has no calibration.", nameof(platt));
        Name = name;
        Kind = kind;
        Trees = trees;
        Platt = platt;
    }

    public string Name { get; }
    public TreeHeadKind Kind { get; }
    public ImmutableArray<DecisionTree> Trees { get; }
    public PlattCalibration? Platt { get; }

    /// <summary>The ONNX output carrying the raw score: <c>&lt;name&gt;_score</c> for a classifier, <c>&lt;name&gt;</c> for a regressor.</summary>
    public string ScoreOutput => Kind == TreeHeadKind.BinaryClassifier ? Name + "_score" : Name;

    /// <summary>The ONNX output carrying the probability (<c>&lt;name&gt;_probability</c>), or null for a regressor.</summary>
    public string? ProbabilityOutput => Kind == TreeHeadKind.BinaryClassifier ? Name + "_probability" : null;

    /// <summary>The narrowest input row the head can read.</summary>
    public int FeaturesRead => Trees.Max(t => t.FeaturesRead);

    /// <summary>ML.NET's score for <paramref name="row"/>: the trees' outputs summed in double, in order, rounded to float.</summary>
    public float Score(ReadOnlySpan<float> row)
    {
        var sum = 0d;
        foreach (var tree in Trees)
            sum += tree.Output(row);
        return (float)sum;
    }

    /// <summary>ML.NET's probability for <paramref name="row"/>.</summary>
    /// <exception cref="InvalidOperationException">The head is a regressor.</exception>
    public float Probability(ReadOnlySpan<float> row) =>
        (Platt ?? throw new InvalidOperationException($"Regressor head '{Name}' has no probability.")).Probability(Score(row));

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex NamePattern();
}
