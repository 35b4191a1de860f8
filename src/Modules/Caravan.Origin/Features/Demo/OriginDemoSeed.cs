using Caravan.Access.Contracts;
using Caravan.Origin.Data;
using Caravan.Origin.Features.Trust;
using Caravan.Platform.Health;
using Caravan.Platform.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Origin.Features.Demo;

/// <summary>
/// With <c>--demo</c>: the demo issuing bodies (invented, after the Access module's demo organisations exist) are
/// registered on the trust list with their first keys, so that the demo exporter can apply and the demo issuer issue.
/// </summary>
internal sealed class OriginDemoSeed(IConfiguration configuration) : ModuleDemoSeed(configuration)
{
    public override string Name => "Demo issuing bodies";

    protected override async Task<bool> SeededAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        await services.GetRequiredService<OriginDbContext>().Issuers.AnyAsync(cancellationToken);

    protected override async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var caller = Caller.Platform("demo-seed", "demo", services.GetRequiredService<RolePermissionMap>());
        var organisations = await services.GetRequiredService<IOrganisationDirectory>().ListVisibleAsync(caller, cancellationToken);
        var registry = services.GetRequiredService<IssuerRegistry>();
        foreach (var body in organisations.Where(o => o.Kind == OrganisationKind.IssuingBody && o.Country is not null))
        {
            await registry.AddAsync(body, $"issuer-{body.Country!.ToLowerInvariant()}", caller, cancellationToken);
        }
    }
}
