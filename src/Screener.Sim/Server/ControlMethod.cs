namespace Screener.Sim.Server;

/// <summary>Methods of the stream control protocol (same JSON on spot and futures).</summary>
internal enum ControlMethod
{
    Subscribe,
    Unsubscribe,
    ListSubscriptions,
    SetProperty,
    GetProperty,
}
