using System.Buffers.Binary;
using SkiaSharp;

namespace Screener.Offline.Tests.Validate.Charts;

/// <summary>What the chart specs read back from PNG bytes: the signature, the IHDR size, and the decoded pixels.</summary>
internal static class PngImage
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Asserts the 8-byte signature and a first chunk IHDR of 13 bytes, and returns its width and height.</summary>
    public static (int Width, int Height) Header(byte[] png)
    {
        Assert.True(png.Length > 8 + 8 + 13 + 4, $"{png.Length} bytes is too short for a PNG.");
        Assert.Equal(Signature, png[..8]);
        Assert.Equal(13, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(8)));
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    /// <summary>Asserts a valid PNG of the size asked for, that decodes and is not one flat colour.</summary>
    public static void AssertChart(byte[] png, int width, int height)
    {
        Assert.Equal((width, height), Header(png));
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal((width, height), (bitmap.Width, bitmap.Height));
        Assert.True(bitmap.Pixels.Distinct().Count() > 2, "The chart is one flat colour.");
    }
}
