using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Screener.Sim.Tests.Support;

/// <summary>
/// A bare RFC 6455 client over TCP that shows every frame, control frames included, and answers nothing
/// by itself: the only way to see the server's Ping frames and to play a client that never pongs.
/// </summary>
internal sealed class RawWebSocket : IDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;

    private RawWebSocket(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    public const int Text = 0x1;
    public const int Close = 0x8;
    public const int Ping = 0x9;
    public const int Pong = 0xA;

    public static async Task<RawWebSocket> ConnectAsync(Uri baseUri, string pathAndQuery, CancellationToken cancellation)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(baseUri.Host, baseUri.Port, cancellation);
        var socket = new RawWebSocket(tcp);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var request = $"GET {pathAndQuery} HTTP/1.1\r\nHost: {baseUri.Host}:{baseUri.Port}\r\nUpgrade: websocket\r\n" +
                      $"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n";
        await socket._stream.WriteAsync(Encoding.ASCII.GetBytes(request), cancellation);
        var header = await socket.ReadHeaderAsync(cancellation);
        if (!header.StartsWith("HTTP/1.1 101", StringComparison.Ordinal))
            throw new InvalidOperationException("Upgrade refused: " + header);
        return socket;
    }

    /// <summary>The next frame, or null when the server closed the TCP connection.</summary>
    public async Task<(int Opcode, byte[] Payload)?> ReadFrameAsync(CancellationToken cancellation)
    {
        var head = new byte[2];
        if (!await ReadExactlyAsync(head, cancellation)) return null;
        var opcode = head[0] & 0x0F;
        long length = head[1] & 0x7F;
        if (length == 126)
        {
            var ext = new byte[2];
            if (!await ReadExactlyAsync(ext, cancellation)) return null;
            length = (ext[0] << 8) | ext[1];
        }
        else if (length == 127)
        {
            var ext = new byte[8];
            if (!await ReadExactlyAsync(ext, cancellation)) return null;
            length = (long)System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(ext);
        }
        var payload = new byte[length];
        if (!await ReadExactlyAsync(payload, cancellation)) return null;
        return (opcode, payload);
    }

    /// <summary>Sends one masked frame (clients must mask).</summary>
    public async Task SendFrameAsync(int opcode, byte[] payload, CancellationToken cancellation)
    {
        if (payload.Length > 125) throw new ArgumentException("Only short frames are needed here.", nameof(payload));
        var mask = RandomNumberGenerator.GetBytes(4);
        var frame = new byte[2 + 4 + payload.Length];
        frame[0] = (byte)(0x80 | opcode);
        frame[1] = (byte)(0x80 | payload.Length);
        mask.CopyTo(frame, 2);
        for (var i = 0; i < payload.Length; i++) frame[6 + i] = (byte)(payload[i] ^ mask[i % 4]);
        await _stream.WriteAsync(frame, cancellation);
    }

    public void Dispose() => _tcp.Dispose();

    private async Task<string> ReadHeaderAsync(CancellationToken cancellation)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (!(bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n'))
        {
            if (!await ReadExactlyAsync(one, cancellation)) break;
            bytes.Add(one[0]);
        }
        return Encoding.ASCII.GetString(bytes.ToArray());
    }

    private async Task<bool> ReadExactlyAsync(byte[] buffer, CancellationToken cancellation)
    {
        try
        {
            await _stream.ReadExactlyAsync(buffer, cancellation);
            return true;
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException)
        {
            return false;
        }
    }
}
