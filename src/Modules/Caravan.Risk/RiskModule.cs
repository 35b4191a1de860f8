using Caravan.Platform.Health;
using Caravan.Platform.Persistence;
using Caravan.Platform.Security;
using Caravan.Risk.Contracts;
using Caravan.Risk.Data;
using Caravan.Risk.Features.Alerts;
using Caravan.Risk.Features.Assess;
using Caravan.Risk.Features.Demo;
using Caravan.Risk.Features.Operators;
using Caravan.Risk.Features.Profiles;
using Caravan.Risk.Pages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Risk;

/// <summary>
/// Registration of the Risk module (issue 5): each administration's versioned risk profiles and engine, its AEO
/// register, mutual recognition arrangements, and alerts shared between administrations.
/// </summary>
public static class RiskModule
{
    public static IServiceCollection AddRiskModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<RiskDbContext, SqliteRiskDbContext, PostgresRiskDbContext>(RiskDbContext.Module);
        services.AddSingleton<IRolePermissions, RiskRolePermissions>();
        services.AddSingleton<RiskSnapshotCache>();
        services.AddScoped<IRiskAssessor, RiskAssessor>();
        services.AddSingleton<IStartupTask, RiskDemoSeed>();
        services.AddScoped<ProfilePreview>();
        services.AddScoped<ProfileVersions>();
        services.AddScoped<OperatorRegister>();
        services.AddScoped<SharedAlerts>();
        services.AddScoped<RiskDisplay>();
        return services;
    }

    public static IEndpointRouteBuilder MapRiskApi(this IEndpointRouteBuilder api)
    {
        api.MapProfilesApi();
        api.MapOperatorsApi();
        api.MapAlertsApi();
        return api;
    }
}

internal sealed class RiskRolePermissions : IRolePermissions
{
    public IEnumerable<(string Role, Permission Permission)> Grants() =>
    [
        (Roles.RiskAnalyst, RiskPermissions.Manage),
        (Roles.RiskAnalyst, RiskPermissions.View),
        (Roles.CustomsOfficer, RiskPermissions.View),
        (Roles.NationalSystem, RiskPermissions.View),
        (Roles.Administrator, RiskPermissions.View),
    ];
}
