namespace Caravan.Simulation;

/// <summary>
/// How the simulator's moments meet the platform's clock. The simulator plans every step at a moment of its own
/// time; the pace decides what reaching that moment means: moving a simulated clock (<c>caravan simulate</c>, history
/// made fast) or waiting for it in real time, perhaps sped up (the demo host's live traffic).
/// </summary>
internal abstract class TrafficPace
{
    /// <summary>The simulator's "now": where lodgings and journeys are planned from.</summary>
    public abstract DateTimeOffset Now { get; }

    /// <summary>Returns once the simulator's time has reached <paramref name="moment"/>.</summary>
    public abstract ValueTask ReachAsync(DateTimeOffset moment, CancellationToken cancellationToken);

    /// <summary>The platform time to report for a step planned at <paramref name="moment"/> (a border event's occurredAt).</summary>
    public abstract DateTimeOffset Reported(DateTimeOffset moment);
}
