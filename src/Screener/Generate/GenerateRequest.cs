namespace Screener.Generate;

/// <summary>What <c>screener sim --generate</c> asked for.</summary>
/// <param name="Hours">Simulated hours to record (positive).</param>
/// <param name="Symbols">Simulated symbols (1..999).</param>
/// <param name="Seed">Market seed: the same request always gives the same journal.</param>
/// <param name="EpisodeRate">Planted episodes per symbol per idle hour; 0 plants none.</param>
public sealed record GenerateRequest(double Hours, int Symbols, ulong Seed, double EpisodeRate);
