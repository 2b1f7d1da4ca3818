using System.Buffers.Binary;

namespace Screener.Sim.Server;

/// <summary>
/// Finds RFC 6455 frame headers in the raw client-to-server byte stream and reports each frame's opcode.
/// The framework's WebSocket answers Ping and Pong frames internally, yet fstream's 10 messages per second
/// rule counts them, so the exchange has to see frames below the WebSocket API. Bytes may arrive split
/// anywhere; the scanner only skips payloads, it never copies them.
/// </summary>
internal sealed class ClientFrameScanner
{
    private readonly Action<int> _onFrame;
    private readonly byte[] _header = new byte[14];
    private int _have;
    private int _need = 2;
    private bool _sized;
    private long _payloadLeft;

    public ClientFrameScanner(Action<int> onFrame) => _onFrame = onFrame;

    public void Feed(ReadOnlySpan<byte> data)
    {
        while (data.Length > 0)
        {
            if (_payloadLeft > 0)
            {
                var skip = (int)Math.Min(_payloadLeft, data.Length);
                _payloadLeft -= skip;
                data = data[skip..];
                continue;
            }
            var take = Math.Min(_need - _have, data.Length);
            data[..take].CopyTo(_header.AsSpan(_have));
            _have += take;
            data = data[take..];
            if (_have < _need) return;
            if (!_sized)
            {
                // Second byte: mask bit and 7-bit length; 126/127 announce a 2/8-byte extended length.
                var length7 = _header[1] & 0x7F;
                _need = 2 + (length7 == 126 ? 2 : length7 == 127 ? 8 : 0) + ((_header[1] & 0x80) != 0 ? 4 : 0);
                _sized = true;
                if (_have < _need) continue;
            }
            long length = _header[1] & 0x7F;
            if (length == 126) length = BinaryPrimitives.ReadUInt16BigEndian(_header.AsSpan(2));
            else if (length == 127) length = (long)BinaryPrimitives.ReadUInt64BigEndian(_header.AsSpan(2));
            _onFrame(_header[0] & 0x0F);
            _payloadLeft = length;
            _have = 0;
            _need = 2;
            _sized = false;
        }
    }
}
