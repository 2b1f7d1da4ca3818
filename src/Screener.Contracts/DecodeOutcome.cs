namespace Screener.Contracts;

/// <summary>What became of one decoded frame. Errors are data: a bad frame is counted, not thrown.</summary>
public enum DecodeOutcome
{
    /// <summary>One or more market events were produced.</summary>
    Events = 0,

    /// <summary>A control reply (subscribe ack, subscription list, error reply): no market event.</summary>
    Control = 1,

    /// <summary>Well-formed, but a kind this node does not use.</summary>
    Unknown = 2,

    /// <summary>Not valid JSON, or a known kind with missing or invalid fields.</summary>
    Malformed = 3,
}
