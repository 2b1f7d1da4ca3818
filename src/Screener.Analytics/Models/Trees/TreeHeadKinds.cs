namespace Screener.Analytics.Models.Trees;

/// <summary>The names <see cref="TreeHeadKind"/>s have in the model's metadata.</summary>
public static class TreeHeadKinds
{
    public static string Name(TreeHeadKind kind) => kind switch
    {
        TreeHeadKind.BinaryClassifier => "binary_classifier",
        TreeHeadKind.Regressor => "regressor",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static TreeHeadKind Parse(string name) => name switch
    {
        "binary_classifier" => TreeHeadKind.BinaryClassifier,
        "regressor" => TreeHeadKind.Regressor,
        _ => throw new FormatException($"Unknown head kind '{name}'."),
    };
}
