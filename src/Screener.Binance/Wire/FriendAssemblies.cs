using System.Runtime.CompilerServices;

// The benchmarks measure the internal wire parser directly (the parse step without the output records).
[assembly: InternalsVisibleTo("Screener.Benchmarks")]
