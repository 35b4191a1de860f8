using Caravan.Platform.Health;

namespace Caravan.Platform.Messaging;

/// <summary>
/// What the dispatcher and the consumer runner do as the host stops, after their loops have ended (ADR 0008): run
/// their batch until nothing is left. A host may call StopAsync more than once, even at the same time (the test
/// server's disposal and the host's both do): every call awaits the one drain, so a second call can never find the
/// dispatch lock held by the first and end early, letting the consumers stop before the last events are dispatched.
/// </summary>
internal sealed class ShutdownDrain(StartupState startup, Func<CancellationToken, Task<int>> batch, Action<Exception> failed)
{
    private readonly Lock _gate = new();
    private Task? _drain;

    public Task RunAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _drain ??= DrainAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Runs the batch until it reports nothing done, the host's shutdown time runs out, or it has failed three times
    /// (each failure reported; what is left waits for the next instance). Nothing when start-up never finished.
    /// </summary>
    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        if (!startup.Completed || startup.Failure is not null)
        {
            return;
        }

        for (var attempt = 1; attempt <= 3 && !cancellationToken.IsCancellationRequested; attempt++)
        {
            try
            {
                while (!cancellationToken.IsCancellationRequested && await batch(cancellationToken) > 0)
                {
                }

                return;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                failed(e);
                await Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken.None);
            }
        }
    }
}
