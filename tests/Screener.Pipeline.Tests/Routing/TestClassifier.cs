using System.Text;
using Screener.Contracts;

namespace Screener.Pipeline.Tests.Routing;

/// <summary>Frames whose payload is just <c>SYMBOL@kind#n</c>, classified by that text.</summary>
public sealed class TestClassifier : IFrameClassifier
{
    public static RawFrame Frame(string name) => new("test", 0, 0, RawFrameKind.WebSocket, Encoding.UTF8.GetBytes(name));

    public (FrameCategory Category, string? Symbol) Classify(RawFrame frame)
    {
        var text = Encoding.UTF8.GetString(frame.Payload.Span);
        var (symbol, rest) = (text[..text.IndexOf('@')], text[(text.IndexOf('@') + 1)..]);
        var kind = rest[..rest.IndexOf('#')];
        return (kind switch { "depth" => FrameCategory.Depth, "bookTicker" => FrameCategory.BookTicker, "trade" => FrameCategory.Trade, _ => FrameCategory.Other }, symbol);
    }
}
