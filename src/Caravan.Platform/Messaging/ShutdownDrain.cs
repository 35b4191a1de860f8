using Caravan.Platform.Health;

namespace Caravan.Platform.Messaging;

/// <summary>What the dispatcher and the consumer runner do as the host stops, after their loops have ended (ADR 0008).</summary>
internal static class ShutdownDrain
{
    /// <summary>
    /// Runs <paramref name="batch"/> until it reports nothing done, the host's shutdown time runs out, or it fails
    /// (<paramref name="failed"/> is told; what is left waits for the next instance). Nothing when start-up never finished.
    /// </summary>
    public static async Task RunAsync(StartupState startup, Func<CancellationToken, Task<int>> batch, Action<Exception> failed, CancellationToken cancellationToken)
    {
        if (!startup.Completed || startup.Failure is not null)
        {
            return;
        }

        try
        {
            while (!cancellationToken.IsCancellationRequested && await batch(cancellationToken) > 0)
            {
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            failed(e);
        }
    }
}
