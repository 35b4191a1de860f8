using Caravan.Simulation;

namespace Caravan.Cli.Simulation;

/// <summary>
/// <c>caravan simulate</c>'s pace: reaching a moment is moving the platform's <see cref="SimulatedClock"/> to it, at
/// once, and each step is reported at its own planned moment, so a month of history is played in minutes.
/// </summary>
internal sealed class SimulatedPace(SimulatedClock clock) : TrafficPace
{
    public override DateTimeOffset Now => clock.GetUtcNow();

    public override ValueTask ReachAsync(DateTimeOffset moment, CancellationToken cancellationToken)
    {
        clock.AdvanceTo(moment);
        return ValueTask.CompletedTask;
    }

    public override DateTimeOffset Reported(DateTimeOffset moment) => moment;
}
