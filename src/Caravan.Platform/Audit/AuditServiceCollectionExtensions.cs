using Caravan.Platform.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Caravan.Platform.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>
    /// The platform's audit log: its database (module <c>audit</c>, migrated with the others by
    /// <see cref="DatabaseMigrator"/>), <see cref="IAuditLog"/> to append and <see cref="IAuditQuery"/> to browse
    /// and verify. Call after <c>AddCaravanPlatform</c>; calling it again changes nothing.
    /// </summary>
    public static IServiceCollection AddCaravanAudit(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(IAuditLog)))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddModuleDbContext<AuditDbContext, SqliteAuditDbContext, PostgresAuditDbContext>(AuditDbContext.Module);
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<IAuditQuery, AuditQuery>();
        return services;
    }
}
