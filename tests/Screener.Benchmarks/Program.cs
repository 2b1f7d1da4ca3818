using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Screener.Benchmarks;

// dotnet run -c Release --project tests/Screener.Benchmarks -- --filter '*'  (add --job short for a quick look)
var config = DefaultConfig.Instance.AddColumn(new FramesPerSecondColumn());
BenchmarkSwitcher.FromAssembly(typeof(ParserBenchmarks).Assembly).Run(args, config);
