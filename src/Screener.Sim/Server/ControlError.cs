namespace Screener.Sim.Server;

/// <summary>A control-frame error reply <c>{"error":{"code":…,"msg":…},"id":…}</c>; codes 0-4 as documented.</summary>
internal sealed record ControlError(int Code, string Message, RequestId Id)
{
    public const int UnknownProperty = 0;
    public const int InvalidValueType = 1;
    public const int InvalidRequest = 2;
    public const int InvalidJson = 3;
    public const int TooManySubscriptions = 4;
}
