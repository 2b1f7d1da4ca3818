using Akka.Actor;
using Akka.Cluster;
using Akka.Configuration;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;
using LogLevel = Akka.Event.LogLevel;

namespace Screener.Hosting;

/// <summary>
/// Hosts the node's ActorSystem with Akka.Hosting: the layered HOCON, Serilog through
/// Microsoft.Extensions.Logging, and cluster membership (a lone node joins itself).
/// </summary>
public sealed class AkkaNodeHost : IAsyncDisposable
{
    private readonly IHost _host;

    private AkkaNodeHost(IHost host, ActorSystem system)
    {
        _host = host;
        System = system;
    }

    public const string SystemName = "screener";

    public ActorSystem System { get; }

    public static async Task<AkkaNodeHost> StartAsync(Config config, Serilog.ILogger logger, bool cluster, CancellationToken ct)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<IHostLifetime, CommandLifetime>();
        builder.Services.AddSerilog(logger, dispose: false);
        builder.Services.AddAkka(SystemName, akka =>
        {
            akka.AddHocon(config, HoconAddMode.Prepend);
            akka.ConfigureLoggers(loggers =>
            {
                loggers.ClearLoggers();
                loggers.AddLoggerFactory();
                loggers.LogLevel = LogLevel.InfoLevel;
            });
            // Once the logger factory has stopped, shutdown chatter must not reach stdout (it would land under the table).
            akka.AddHocon("akka.stdout-loglevel = WARNING", HoconAddMode.Prepend);
        });
        var host = builder.Build();
        await host.StartAsync(ct);
        var system = host.Services.GetRequiredService<ActorSystem>();
        if (cluster) await JoinSelfAsync(system, ct);
        return new AkkaNodeHost(host, system);
    }

    private static async Task JoinSelfAsync(ActorSystem system, CancellationToken ct)
    {
        var member = Cluster.Get(system);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        try
        {
            await member.JoinAsync(member.SelfAddress, timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new InvalidOperationException($"Node {member.SelfAddress} did not become an Up cluster member within 20 s.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(TimeSpan.FromSeconds(15));
        _host.Dispose();
    }
}
