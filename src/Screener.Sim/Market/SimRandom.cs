namespace Screener.Sim.Market;

/// <summary>
/// xoshiro256** seeded through splitmix64. The simulator owns its generator so that a seed gives the
/// same market on every runtime; <see cref="System.Random"/> makes no such promise across versions.
/// </summary>
internal sealed class SimRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public SimRandom(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>An independent generator for a sub-stream (one per symbol), so symbol dynamics do not depend on iteration order.</summary>
    public SimRandom Fork(ulong stream) => new(NextUInt64() ^ (stream * 0x9E3779B97F4A7C15UL));

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, maxExclusive).</summary>
    public int NextInt(int maxExclusive) => maxExclusive <= 1 ? 0 : (int)(NextDouble() * maxExclusive);

    /// <summary>Uniform integer in [min, maxExclusive).</summary>
    public long NextLong(long min, long maxExclusive) =>
        maxExclusive <= min + 1 ? min : min + (long)(NextDouble() * (maxExclusive - min));

    public bool Chance(double p) => NextDouble() < p;

    /// <summary>Standard normal by Box-Muller (one value per call keeps the generator stateless beyond its seed).</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public double NextExponential(double mean) => -mean * Math.Log(1.0 - NextDouble());

    /// <summary>Pareto with minimum 1: heavy right tail for trade and liquidation sizes.</summary>
    public double NextPareto(double alpha) => Math.Pow(1.0 - NextDouble(), -1.0 / alpha);

    public int NextPoisson(double lambda)
    {
        if (lambda <= 0) return 0;
        if (lambda > 30) return Math.Max(0, (int)Math.Round(lambda + Math.Sqrt(lambda) * NextGaussian()));
        var limit = Math.Exp(-lambda);
        var k = 0;
        var p = NextDouble();
        while (p > limit)
        {
            k++;
            p *= NextDouble();
        }
        return k;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
