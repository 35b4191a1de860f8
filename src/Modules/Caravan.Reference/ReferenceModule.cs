using Caravan.Platform;
using Caravan.Platform.Health;
using Caravan.Platform.Persistence;
using Caravan.Reference.Contracts;
using Caravan.Reference.Data;
using Caravan.Reference.Features.BorderCrossings;
using Caravan.Reference.Features.Countries;
using Caravan.Reference.Features.HsNomenclature;
using Caravan.Reference.Features.HsNomenclature.Search;
using Caravan.Reference.Features.ImportReferenceData;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Reference;

/// <summary>Registration of the Reference module: its database, its contracts, its start-up import, its API.</summary>
public static class ReferenceModule
{
    public static IServiceCollection AddReferenceModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReferenceDataOptions>().Bind(configuration.GetSection(ReferenceDataOptions.SectionName));
        services.AddModuleDbContext<ReferenceDbContext, SqliteReferenceDbContext, PostgresReferenceDbContext>(ReferenceDbContext.Module);
        services.AddScoped<IReferenceDataImport, ReferenceDataImporter>();
        services.AddScoped<ICountryDirectory, CountryDirectory>();
        services.AddScoped<IBorderCrossingDirectory, BorderCrossingDirectory>();
        services.AddScoped<IHsNomenclature, HsNomenclatureQueries>();
        services.AddSingleton<HsSearchIndex>();
        services.AddSingleton<IStartupTask, ImportReferenceDataOnStart>();
        services.AddHealthChecks().AddCheck<ReferenceDataReadiness>("reference-data", tags: [PlatformServiceCollectionExtensions.ReadyTag]);
        return services;
    }

    /// <summary>Maps the module's endpoints under the API group the host passes in (<c>/api/v1</c>).</summary>
    public static IEndpointRouteBuilder MapReferenceApi(this IEndpointRouteBuilder api)
    {
        api.MapCountriesApi();
        api.MapBorderCrossingsApi();
        api.MapHsApi();
        return api;
    }
}
