using System.Reflection;

namespace Screener.Tests.Architecture;

/// <summary>References point down only (ARCHITECTURE.md section 5); a wrong dependency fails here, not in review.</summary>
public sealed class DependencyRulesSpec
{
    private static string[] References(string assembly) =>
        Assembly.Load(assembly).GetReferencedAssemblies().Select(a => a.Name!).ToArray();

    [Fact]
    public void Contracts_must_reference_only_the_base_class_library() =>
        Assert.All(References("Screener.Contracts"), r => Assert.True(r.StartsWith("System") || r == "netstandard", $"Contracts references {r}"));

    [Fact]
    public void Analytics_must_not_reference_akka_or_any_io_project()
    {
        var references = References("Screener.Analytics");
        Assert.DoesNotContain(references, r => r.StartsWith("Akka", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r is "Screener.Binance" or "Screener.Storage" or "Screener.Pipeline" or "Screener.Sim");
    }

    [Fact]
    public void Pipeline_must_not_reference_the_exchange_adapter_or_storage() =>
        Assert.DoesNotContain(References("Screener.Pipeline"), r => r is "Screener.Binance" or "Screener.Storage" or "Screener.Notify" or "Screener.Sim");

    [Fact]
    public void Sim_and_Binance_must_not_reference_each_other_so_they_check_each_other()
    {
        Assert.DoesNotContain(References("Screener.Sim"), r => r.StartsWith("Screener.", StringComparison.Ordinal));
        Assert.DoesNotContain(References("Screener.Binance"), r => r is "Screener.Sim" or "Screener.Pipeline" or "Screener.Storage");
    }

    [Fact]
    public void Parquet_must_be_referenced_by_the_offline_jobs_only()
    {
        // The Contains keeps the rule honest: were the assembly's name wrong, every DoesNotContain would pass.
        Assert.Contains("Parquet", References("Screener.Offline"));
        foreach (var assembly in new[] { "Screener.Contracts", "Screener.Analytics", "Screener.Pipeline", "Screener.Storage", "Screener.Binance", "Screener.Sim", "screener" })
            Assert.DoesNotContain("Parquet", References(assembly));
    }
}
