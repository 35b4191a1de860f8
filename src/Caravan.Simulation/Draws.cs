namespace Caravan.Simulation;

/// <summary>
/// The simulator's own randomness, from one seeded generator (<c>--seed</c>), so a run can be played again. Only the
/// simulator's choices are seeded: the risk engines draw their random selection with their own seeds.
/// </summary>
#pragma warning disable CA5394 // Not security: reproducible traffic, by design from a seed.
internal sealed class Draws(int seed)
{
    private readonly Random _random = new(seed);

    public double Uniform() => _random.NextDouble();

    public double Uniform(double from, double to) => from + ((to - from) * _random.NextDouble());

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public double Normal()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A lognormal duration with the given median: never negative, with the long tail of real waits.</summary>
    public TimeSpan LogNormalMinutes(double median, double sigma) => TimeSpan.FromMinutes(median * Math.Exp(sigma * Normal()));

    /// <summary>How many of a daily rate happen on one day (Poisson; a normal approximation for large rates).</summary>
    public int Poisson(double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean > 30)
        {
            return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * Normal())));
        }

        var limit = Math.Exp(-mean);
        var product = _random.NextDouble();
        var count = 0;
        while (product > limit)
        {
            product *= _random.NextDouble();
            count++;
        }

        return count;
    }
}
#pragma warning restore CA5394
