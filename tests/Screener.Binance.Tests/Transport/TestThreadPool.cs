using System.Runtime.CompilerServices;

namespace Screener.Binance.Tests.Transport;

/// <summary>
/// TestKit disposal blocks a pool thread while each ActorSystem shuts down (about 1.5 s), and the connection specs run
/// in parallel on small machines: without spare threads, timers and socket callbacks of the specs still running stall
/// for seconds (the injector adds about one thread per 500 ms), which looks like a silent connection to the code under test.
/// </summary>
internal static class TestThreadPool
{
    [ModuleInitializer]
    internal static void Init()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(io, 32));
    }
}
