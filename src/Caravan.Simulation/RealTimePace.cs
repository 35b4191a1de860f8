namespace Caravan.Simulation;

/// <summary>
/// The simulator's time running alongside the platform's real clock from <paramref name="clock"/>'s present,
/// <paramref name="speed"/> times as fast: at 60 a model hour passes in a real minute, so a demo shows border crossings
/// without waiting for them. A step is reported at the real moment it is played, never in the platform's future.
/// </summary>
internal sealed class RealTimePace : TrafficPace
{
    private readonly TimeProvider _clock;
    private readonly double _speed;
    private readonly DateTimeOffset _origin;

    public RealTimePace(TimeProvider clock, double speed)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speed);
        _clock = clock;
        _speed = speed;
        _origin = clock.GetUtcNow();
    }

    public override DateTimeOffset Now => _origin + ((_clock.GetUtcNow() - _origin) * _speed);

    public override async ValueTask ReachAsync(DateTimeOffset moment, CancellationToken cancellationToken)
    {
        var ahead = moment - Now;
        if (ahead > TimeSpan.Zero)
        {
            // Real waiting time is the model's divided by the speed; a millisecond's rounding is no matter for a demo.
            await Task.Delay(ahead / _speed + TimeSpan.FromMilliseconds(1), _clock, cancellationToken);
        }
    }

    public override DateTimeOffset Reported(DateTimeOffset moment) => _clock.GetUtcNow();
}
