using Screener.Offline.Export;

namespace Screener.Offline.Tests.Export;

internal static class TreeAssert
{
    /// <summary>Asserts two heads hold the same trees, array for array, bit for bit, and the same kind and calibration.</summary>
    public static void SameHead(TreeHead expected, TreeHead actual)
    {
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.Platt, actual.Platt);
        Assert.Equal(expected.Trees.Length, actual.Trees.Length);
        for (var t = 0; t < expected.Trees.Length; t++)
        {
            var (e, a) = (expected.Trees[t], actual.Trees[t]);
            var at = $"head {expected.Name}, tree {t}";
            Assert.True(e.LeftChild.SequenceEqual(a.LeftChild), $"{at}: left children differ");
            Assert.True(e.RightChild.SequenceEqual(a.RightChild), $"{at}: right children differ");
            Assert.True(e.SplitFeature.SequenceEqual(a.SplitFeature), $"{at}: split features differ");
            Assert.True(e.Threshold.Select(BitConverter.SingleToInt32Bits).SequenceEqual(a.Threshold.Select(BitConverter.SingleToInt32Bits)), $"{at}: thresholds differ");
            Assert.True(e.MissingGoesLeft.SequenceEqual(a.MissingGoesLeft), $"{at}: missing directions differ");
            Assert.True(e.LeafValues.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(a.LeafValues.Select(BitConverter.DoubleToInt64Bits)), $"{at}: leaf values differ");
        }
    }
}
