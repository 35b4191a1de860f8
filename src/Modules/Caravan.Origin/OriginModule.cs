using Caravan.Origin.Contracts;
using Caravan.Origin.Data;
using Caravan.Origin.Features;
using Caravan.Origin.Features.Apply;
using Caravan.Origin.Features.Consignments;
using Caravan.Origin.Features.Demo;
using Caravan.Origin.Features.Issue;
using Caravan.Origin.Features.Status;
using Caravan.Origin.Features.Trust;
using Caravan.Origin.Features.Verify;
using Caravan.Origin.Rendering;
using Caravan.Origin.Signing;
using Caravan.Platform.Health;
using Caravan.Platform.Messaging;
using Caravan.Platform.Persistence;
using Caravan.Platform.Security;
using Caravan.Trade.Contracts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Origin;

/// <summary>
/// Registration of the Origin module (issue 7): issuing bodies and their keys, applications and review, certificates
/// of origin as W3C Verifiable Credentials secured as compact JWS (ES256), status lists, and verification.
/// </summary>
public static class OriginModule
{
    public static IServiceCollection AddOriginModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<OriginDbContext, SqliteOriginDbContext, PostgresOriginDbContext>(OriginDbContext.Module);
        services.AddSingleton<IRolePermissions, OriginRolePermissions>();
        services.AddSingleton<OriginOptions>();
        services.AddSingleton<KeyVault>();
        services.AddSingleton<TrustSnapshotCache>();
        services.AddSingleton<CertificateVerifier>();
        services.AddScoped<IssuerRegistry>();
        services.AddScoped<ApplicationCheck>();
        services.AddScoped<Applications>();
        services.AddScoped<Issuance>();
        services.AddScoped<Certificates>();
        services.AddScoped<CertificatePrinting>();
        services.AddScoped<ConsignmentCertificates>();
        services.AddScoped<IControlDocumentChecks>(sp => sp.GetRequiredService<ConsignmentCertificates>());
        services.AddSingleton<IStartupTask, OriginDemoSeed>();
        services.AddEventType<CertificateIssuedEvent>(OriginEvents.CertificateIssued, "A certificate of origin was issued, with its token.");
        services.AddEventType<CertificateStatusChangedEvent>(OriginEvents.CertificateStatusChanged, "A certificate of origin was revoked, suspended or reinstated.");
        return services;
    }

    public static IEndpointRouteBuilder MapOriginApi(this IEndpointRouteBuilder api)
    {
        OriginApi.MapOriginApi(api);
        return api;
    }

    /// <summary>The JWK Set at /.well-known/jwks.json and the issuers' did:web documents, outside the API's prefix.</summary>
    public static IEndpointRouteBuilder MapOriginEndpoints(this IEndpointRouteBuilder app)
    {
        OriginApi.MapOriginEndpoints(app);
        return app;
    }
}

internal sealed class OriginRolePermissions : IRolePermissions
{
    public IEnumerable<(string Role, Permission Permission)> Grants() =>
    [
        (Roles.Trader, OriginPermissions.Apply),
        (Roles.CertificateIssuer, OriginPermissions.Issue),
        (Roles.CustomsOfficer, OriginPermissions.View),
        (Roles.NationalSystem, OriginPermissions.View),
        (Roles.Administrator, OriginPermissions.ManageTrust),
        (Roles.Administrator, OriginPermissions.View),
    ];
}
