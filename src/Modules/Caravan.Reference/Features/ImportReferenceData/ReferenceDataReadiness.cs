using Caravan.Reference.Data;
using Caravan.Platform.Health;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Caravan.Reference.Features.ImportReferenceData;

/// <summary>Ready only when every reference dataset has been imported at least once.</summary>
internal sealed class ReferenceDataReadiness(ReferenceDbContext db, IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // While the host is still migrating, the tables may not exist yet: do not query them.
        if (services.GetService<StartupState>() is { Completed: false })
        {
            return HealthCheckResult.Unhealthy("Waiting for start-up to import the reference data.");
        }

        try
        {
            var loaded = await db.Datasets.AsNoTracking().Where(d => d.RowCount > 0).Select(d => d.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
            var missing = ReferenceDatasets.All.Except(loaded).ToList();
            return missing.Count == 0
                ? HealthCheckResult.Healthy($"Reference data loaded: {string.Join(", ", loaded)}.")
                : HealthCheckResult.Unhealthy($"Reference data not loaded: {string.Join(", ", missing)}. Run `caravan reference import`.");
        }
#pragma warning disable CA1031 // Before migration the table does not exist: that is "not ready", not an error to throw.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("Reference data cannot be read: " + ex.Message);
        }
    }
}
