using System.Text;
using Screener.Contracts;
using Screener.Contracts.Market;
using Screener.Contracts.Serialization;
using Screener.Pipeline.Instrumentation;
using Screener.Pipeline.Stages;
using static Screener.Pipeline.Tests.TestEvents;

namespace Screener.Pipeline.Tests.Stages;

public sealed class FrameDecodingSpec
{
    private readonly DecodeCounters _counters = new();
    private readonly List<MarketEvent> _output = [];

    private FrameDecoding Decoding => new(new CanonicalEventDecoder(), _counters);

    [Fact]
    public void FrameDecoding_must_turn_a_heartbeat_into_a_heartbeat_event_at_its_receive_time_and_sequence()
    {
        Decoding.Decode(RawFrame.Heartbeat(At(1_000)) with { Sequence = 7 }, _output);

        var heartbeat = Assert.IsType<Heartbeat>(Assert.Single(_output));
        Assert.Equal((At(1_000), 7L), (heartbeat.TsEvent, heartbeat.Sequence));
        Assert.Equal(1, _counters.Heartbeats);
        Assert.Equal(1, _counters.Frames);
    }

    [Fact]
    public void FrameDecoding_must_read_a_node_status_frame_as_a_control_event_carrying_the_frame_sequence()
    {
        var status = new RawFrame("s0/public", 9, At(5), RawFrameKind.Status, ContractSerializer.ToJson(new Connected(At(5), At(5), 0, "s0/public")));

        Decoding.Decode(status, _output);

        var connected = Assert.IsType<Connected>(Assert.Single(_output));
        Assert.Equal(9, connected.Sequence);
        Assert.Equal(1, _counters[DecodeOutcome.Control]);
    }

    [Fact]
    public void FrameDecoding_must_count_a_bad_frame_once_and_append_nothing_while_keeping_earlier_output()
    {
        var good = CanonicalEventDecoder.Frame(Top("AAAUSDT", 0, 1m, 2m), 1);
        var truncated = new RawFrame("test", 2, At(1), RawFrameKind.WebSocket, Encoding.UTF8.GetBytes("{\"kind\":\"bookTop\",\"sym"));
        var badStatus = new RawFrame("s0/public", 3, At(2), RawFrameKind.Status, Encoding.UTF8.GetBytes("not json"));

        Decoding.Decode(good, _output);
        Decoding.Decode(truncated, _output);
        Decoding.Decode(badStatus, _output);

        Assert.IsType<BookTop>(Assert.Single(_output));
        Assert.Equal(1, _counters[DecodeOutcome.Events]);
        Assert.Equal(2, _counters[DecodeOutcome.Malformed]);
        Assert.Equal(3, _counters.Frames);
    }
}
