using Caravan.Platform.Health;
using Caravan.Platform.Persistence;
using Caravan.Platform.Security;
using Caravan.Tariff.Contracts;
using Caravan.Tariff.Data;
using Caravan.Tariff.Features;
using Caravan.Tariff.Features.Calculate;
using Caravan.Tariff.Features.Demo;
using Caravan.Tariff.Features.Import;
using Caravan.Tariff.Features.Schedules;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Tariff;

/// <summary>
/// Registration of the Tariff module (issue 8): tariff schedules, requirements and exchange rates imported from
/// documented CSV files, the portal's pages and API, and the duty and tax calculator.
/// </summary>
public static class TariffModule
{
    public static IServiceCollection AddTariffModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<TariffDbContext, SqliteTariffDbContext, PostgresTariffDbContext>(TariffDbContext.Module);
        services.AddSingleton<IRolePermissions, TariffRolePermissions>();
        services.AddScoped<ITariffImport, TariffFileImport>();
        services.AddScoped<TariffQueries>();
        services.AddScoped<IRequirementsDirectory>(sp => sp.GetRequiredService<TariffQueries>());
        services.AddScoped<DutyCalculator>();
        services.AddScoped<Pages.TariffDisplay>();
        services.AddSingleton<IStartupTask, TariffDemoSeed>();
        return services;
    }

    public static IEndpointRouteBuilder MapTariffApi(this IEndpointRouteBuilder api)
    {
        TariffApi.MapTariffApi(api);
        return api;
    }
}

internal sealed class TariffRolePermissions : IRolePermissions
{
    public IEnumerable<(string Role, Permission Permission)> Grants() => [(Roles.Administrator, TariffPermissions.Import)];
}
