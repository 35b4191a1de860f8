using Caravan.Platform.Health;
using Caravan.Trade.Data;
using Caravan.Trade.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Trade.Features.Demo;

/// <summary>
/// With <c>--demo</c>, on a database without release-time targets: Kazakhstan's yellow-channel target of 4 hours from
/// arrival to release, the one target of the sources (Kazakhstan's promise that documents of the yellow channel
/// are checked within 4 hours), so that the dashboards' "within target" column has something to show. Other
/// administrations set theirs through the API (docs/release-times.md).
/// </summary>
internal sealed class TradeDemoSeed(IConfiguration configuration, TimeProvider clock) : ModuleDemoSeed(configuration)
{
    public override string Name => "Demo release-time target";

    protected override async Task<bool> SeededAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        await services.GetRequiredService<TradeDbContext>().ReleaseTargets.AnyAsync(cancellationToken);

    protected override async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<TradeDbContext>();
        db.ReleaseTargets.Add(new ReleaseTimeTarget { Country = "KZ", Channel = "yellow", Minutes = 240, SetBy = "demo-seed", SetAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
    }
}
