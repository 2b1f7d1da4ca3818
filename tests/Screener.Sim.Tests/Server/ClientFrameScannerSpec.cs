using Screener.Sim.Server;
using Xunit;

namespace Screener.Sim.Tests.Server;

public sealed class ClientFrameScannerSpec
{
    [Fact]
    public void ClientFrameScanner_must_report_every_frame_however_the_bytes_are_split()
    {
        var stream = new List<byte>();
        stream.AddRange(Frame(0x1, 5));      // text, 7-bit length
        stream.AddRange(Frame(0x9, 0));      // ping, empty
        stream.AddRange(Frame(0xA, 13));     // pong
        stream.AddRange(Frame(0x1, 300));    // text, 16-bit length
        stream.AddRange(Frame(0x2, 70_000)); // binary, 64-bit length
        stream.AddRange(Frame(0x8, 2));      // close
        var bytes = stream.ToArray();
        int[] expected = [0x1, 0x9, 0xA, 0x1, 0x2, 0x8];

        foreach (var chunk in new[] { bytes.Length, 1, 3, 7, 4096 })
        {
            var seen = new List<int>();
            var scanner = new ClientFrameScanner(seen.Add);
            for (var offset = 0; offset < bytes.Length; offset += chunk)
                scanner.Feed(bytes.AsSpan(offset, Math.Min(chunk, bytes.Length - offset)));
            Assert.Equal(expected, seen);
        }
    }

    /// <summary>A masked client frame with a zero payload of <paramref name="length"/> bytes.</summary>
    private static byte[] Frame(int opcode, int length)
    {
        var header = new List<byte> { (byte)(0x80 | opcode) };
        if (length < 126) header.Add((byte)(0x80 | length));
        else if (length <= ushort.MaxValue) header.AddRange([0x80 | 126, (byte)(length >> 8), (byte)length]);
        else
        {
            header.Add(0x80 | 127);
            for (var shift = 56; shift >= 0; shift -= 8) header.Add((byte)((long)length >> shift));
        }
        header.AddRange([1, 2, 3, 4]);
        return [.. header, .. new byte[length]];
    }
}
