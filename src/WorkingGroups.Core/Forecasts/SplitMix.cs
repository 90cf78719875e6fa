namespace WorkingGroups.Core.Forecasts;

/// <summary>
/// A small random generator of our own (SplitMix64), so that a seed gives the same draws on every runtime and
/// machine: the forecast's dates must not move when nothing recorded has.
/// </summary>
internal struct SplitMix(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in the open interval (0, 1).</summary>
    public double Uniform() => ((Next() >> 11) + 0.5) / (1UL << 53);

    /// <summary>Uniform in (low, high).</summary>
    public double Between(double low, double high) => low + (high - low) * Uniform();
}

/// <summary>FNV-1a over the facts a forecast reads, for its seed.</summary>
internal struct Fingerprint()
{
    private ulong _hash = 0xCBF29CE484222325UL;

    public ulong Value => _hash;

    public void Add(long value)
    {
        for (var i = 0; i < 8; i++)
        {
            _hash ^= (byte)(value >> (8 * i));
            _hash *= 0x100000001B3UL;
        }
    }

    public void Add(string text)
    {
        foreach (var c in text) Add(c);
    }
}
