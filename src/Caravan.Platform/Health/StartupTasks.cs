using Caravan.Platform.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Caravan.Platform.Health;

/// <summary>Work a module needs done once the database is migrated, before the instance reports ready.</summary>
public interface IStartupTask
{
    string Name { get; }

    Task RunAsync(IServiceProvider services, CancellationToken cancellationToken);
}

/// <summary>What the start-up sequence has done so far; the readiness check reads it.</summary>
public sealed class StartupState
{
    private volatile string? _failure;
    private volatile bool _completed;

    public bool Completed => _completed;

    public string? Failure => _failure;

    internal void Complete() => _completed = true;

    internal void Fail(string reason) => _failure = reason;
}

/// <summary>
/// Runs after the host has started listening, so that <c>/health/live</c> answers at once while migrations and
/// reference data load; <c>/health/ready</c> turns healthy when this has finished.
/// </summary>
internal sealed partial class StartupTaskRunner(
    IServiceScopeFactory scopes,
    IOptions<DatabaseOptions> database,
    IEnumerable<IStartupTask> tasks,
    StartupState state,
    TimeProvider clock,
    ILogger<StartupTaskRunner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var migrator = scope.ServiceProvider.GetRequiredService<DatabaseMigrator>();
            if (database.Value.ShouldMigrateOnStart)
            {
                await migrator.MigrateAsync(stoppingToken).ConfigureAwait(false);
            }
            else
            {
                // Production: an operator runs `caravan db migrate`. Until then the instance stays up but not ready,
                // and becomes ready on its own once the schema is current.
                var warned = false;
                while ((await migrator.PendingAsync(stoppingToken).ConfigureAwait(false)).Count > 0)
                {
                    if (!warned)
                    {
                        LogWaitingForMigrations(logger);
                        warned = true;
                    }

                    await Task.Delay(TimeSpan.FromSeconds(5), clock, stoppingToken).ConfigureAwait(false);
                }
            }

            foreach (var task in tasks)
            {
                LogTask(logger, task.Name);
                await task.RunAsync(scope.ServiceProvider, stoppingToken).ConfigureAwait(false);
            }

            // The first import allocates tens of megabytes that are garbage once it is done; give them back to the
            // operating system now rather than carry them for the life of the process.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            state.Complete();
            LogReady(logger);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; nothing to report.
        }
#pragma warning disable CA1031 // A failed start-up must be reported by readiness, not crash the host silently.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            state.Fail(ex.Message);
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database has pending migrations and this instance does not migrate on start: waiting for `caravan db migrate`")]
    private static partial void LogWaitingForMigrations(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Start-up task: {Task}")]
    private static partial void LogTask(ILogger logger, string task);

    [LoggerMessage(Level = LogLevel.Information, Message = "Start-up finished; the instance is ready")]
    private static partial void LogReady(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Start-up failed; the instance will not report ready")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

/// <summary>Ready only when start-up finished and no module database has a pending migration.</summary>
internal sealed class DatabaseReadinessCheck(StartupState state, DatabaseMigrator migrator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (state.Failure is { } failure)
        {
            return HealthCheckResult.Unhealthy($"Start-up failed: {failure}");
        }

        var pending = await migrator.PendingAsync(cancellationToken).ConfigureAwait(false);
        if (pending.Count > 0)
        {
            return HealthCheckResult.Unhealthy(
                "Pending migrations: " + string.Join("; ", pending.Select(p => $"{p.Context}: {string.Join(", ", p.Migrations)}")) +
                ". Run `caravan db migrate`, or start with Caravan:Database:MigrateOnStart=true.");
        }

        return state.Completed
            ? HealthCheckResult.Healthy("Every module database is migrated.")
            : HealthCheckResult.Unhealthy("Start-up is still running (migrations, reference data).");
    }
}
