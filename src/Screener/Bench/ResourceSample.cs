using System.Diagnostics;

namespace Screener.Bench;

/// <summary>What this process had used at one instant: wall clock, CPU (user and kernel), GC and thread-pool activity.</summary>
public readonly record struct ResourceSample(
    long Timestamp, TimeSpan UserCpu, TimeSpan KernelCpu, long AllocatedBytes, int Gen0, int Gen1, int Gen2, TimeSpan GcPause,
    long ThreadPoolWorkItems, long LockContentions)
{
    public TimeSpan Cpu => UserCpu + KernelCpu;

    public static ResourceSample Take()
    {
        var cpu = Environment.CpuUsage;
        return new ResourceSample(
            Stopwatch.GetTimestamp(), cpu.UserTime, cpu.PrivilegedTime, GC.GetTotalAllocatedBytes(precise: true),
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(),
            ThreadPool.CompletedWorkItemCount, Monitor.LockContentionCount);
    }
}
