using System.Text;

namespace Screener.Sim.Faults;

/// <summary>
/// The broken frames of the <c>malformed-every</c> fault, one kind per round: JSON cut off mid-number, valid
/// JSON whose fields have the wrong types, and text that is not JSON at all. Each frame names a stream the
/// connection holds and wears the connection's wrapper, so it reaches the same parser as real data. All are
/// valid UTF-8: invalid UTF-8 would make any RFC 6455 client close the socket (1007), which is a different fault.
/// </summary>
internal static class MalformedFrames
{
    public const int Kinds = 3;

    public static byte[] Build(int kind, string stream, bool combined)
    {
        var text = (kind % Kinds) switch
        {
            0 => Wrap(stream, combined, """{"e":"depthUpdate","E":1791382993""", close: false),
            1 => Wrap(stream, combined, """{"e":"depthUpdate","E":"soon","T":null,"s":42,"U":"x","u":-1.5,"pu":[],"b":"none","a":{}}""", close: true),
            _ => "\u0007\u0000garbage}{\u00ff\u2603 ]]",
        };
        return Encoding.UTF8.GetBytes(text);
    }

    private static string Wrap(string stream, bool combined, string data, bool close) =>
        combined ? "{\"stream\":\"" + stream + "\",\"data\":" + data + (close ? "}" : "") : data;
}
