namespace Caravan.Cli.Simulation;

/// <summary>
/// The platform's "now" during a simulation: the simulator moves it forward to each step's moment before calling the
/// API, so lodging and decision times are those of the simulated month. Timers and delays stay real (the base
/// class's), so the host's background work (outbox dispatch, caches) still runs while the month is played.
/// </summary>
internal sealed class SimulatedClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public DateTimeOffset Now => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;

    /// <summary>Moves the clock to <paramref name="moment"/>; never backwards, so the audit log and the feed keep their order.</summary>
    public void AdvanceTo(DateTimeOffset moment)
    {
        var ticks = moment.UtcTicks;
        long current;
        while ((current = Interlocked.Read(ref _ticks)) < ticks)
        {
            if (Interlocked.CompareExchange(ref _ticks, ticks, current) == current)
            {
                return;
            }
        }
    }
}
