using Caravan.Platform.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Caravan.Platform.Messaging;

/// <summary>What this instance's dispatcher last met: the failure of its latest attempt, cleared by a success.</summary>
internal sealed class DispatchStatus
{
    private volatile string? _lastFailure;

    public string? LastFailure => _lastFailure;

    public void Failed(Exception exception) => _lastFailure = exception.GetBaseException().Message;

    public void Succeeded() => _lastFailure = null;
}

/// <summary>
/// Part of <c>/health/ready</c>: how many committed events wait to be dispatched and for how long. Degraded — not
/// unhealthy, since lodging and reading go on and nothing is lost — when the oldest has waited longer than
/// <c>Caravan:Messaging:DispatchLagWarningSeconds</c> (60 s), with the reason the last attempt failed (NATS not
/// answering, for example), so an operator sees why the feed and national systems are not getting events.
/// </summary>
internal sealed class DispatchHealthCheck(MessagingDbContext db, DispatchStatus status, StartupState startup, TimeProvider clock, IConfiguration configuration) : IHealthCheck
{
    public const string LagSetting = "Caravan:Messaging:DispatchLagWarningSeconds";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!startup.Completed || startup.Failure is not null)
        {
            return HealthCheckResult.Healthy("Dispatch starts after start-up.");
        }

        var (count, oldest) = await MessagingStatusQuery.BacklogAsync(db, cancellationToken).ConfigureAwait(false);
        if (oldest is null)
        {
            return HealthCheckResult.Healthy("Every event is dispatched.");
        }

        var age = clock.GetUtcNow().UtcDateTime - oldest.Value;
        var description = $"{count} event(s) waiting to be dispatched, the oldest for {Math.Max(0, (long)age.TotalSeconds)} s.";
        if (status.LastFailure is { } failure)
        {
            description += $" The last attempt failed: {failure}";
        }

        return MessagingStatusQuery.IsLate(oldest, clock, configuration) ? HealthCheckResult.Degraded(description) : HealthCheckResult.Healthy(description);
    }
}
