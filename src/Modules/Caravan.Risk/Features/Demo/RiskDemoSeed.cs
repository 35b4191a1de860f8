using System.Text.Json;
using Caravan.Access.Contracts;
using Caravan.Platform.Audit;
using Caravan.Platform.Health;
using Caravan.Platform.Security;
using Caravan.Reference.Contracts;
using Caravan.Risk.Contracts;
using Caravan.Risk.Data;
using Caravan.Risk.Domain;
using Caravan.Risk.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Risk.Features.Demo;

/// <summary>
/// With <c>--demo</c> (after the Access module's demo organisations exist): an invented, published risk profile for
/// each member state, the two demo traders as AEOs of their countries, and a CN–KZ arrangement, so that demo
/// consignments get channels with explanations. Invented data: never a real administration's rules.
/// </summary>
internal sealed class RiskDemoSeed(IConfiguration configuration) : ModuleDemoSeed(configuration)
{
    public override string Name => "Demo risk profiles and AEOs";

    protected override async Task<bool> SeededAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        await services.GetRequiredService<RiskDbContext>().Profiles.AnyAsync(cancellationToken);

    protected override async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<RiskDbContext>();
        var caller = Caller.Platform("demo-seed", "demo", services.GetRequiredService<RolePermissionMap>());
        var organisations = await services.GetRequiredService<IOrganisationDirectory>().ListVisibleAsync(caller, cancellationToken);
        var clock = services.GetRequiredService<TimeProvider>();
        var audit = services.GetRequiredService<IAuditLog>();
        var now = clock.GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var country in ReferenceCodes.MemberStates)
        {
            var definition = Profile(country);
            if (ProfileCompiler.Compile(definition).Profile is null)
            {
                throw new InvalidOperationException($"The demo risk profile of {country} does not compile.");
            }

            db.Profiles.Add(new ProfileVersion
            {
                Id = Guid.NewGuid(),
                Country = country,
                Version = 1,
                State = "active",
                Definition = JsonSerializer.Serialize(definition, JsonSerializerOptions.Web),
                Note = "Demo profile (invented rules)",
                CreatedAt = now,
                CreatedBy = "demo-seed",
                PublishedAt = now,
                PublishedBy = "demo-seed",
            });
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        foreach (var (name, country, certificate) in new[] { ("Steppe Cotton LLP (demo)", "KZ", "KZ-AEO-DEMO-0001"), ("Tianshan Textiles Co., Ltd. (demo)", "CN", "CN-AEO-DEMO-0001") })
        {
            if (organisations.FirstOrDefault(o => o.Name == name) is { } trader)
            {
                db.Operators.Add(new EconomicOperator
                {
                    Id = Guid.NewGuid(), Country = country, Organisation = trader.Id, CertificateNumber = certificate,
                    ValidFrom = today.AddYears(-1), ValidUntil = today.AddYears(2), Status = "active", StatusSince = now,
                });
            }
        }

        db.Arrangements.Add(new RecognitionArrangement { Id = Guid.NewGuid(), CountryA = "CN", CountryB = "KZ", Title = "AEO mutual recognition arrangement CN–KZ (demo)", InForceFrom = today.AddYears(-1) });
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(caller.Did("risk.demo.seeded", "risk-profile", "demo", new { countries = ReferenceCodes.MemberStates }), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Invented rules in the spirit of what administrations target: undervaluation, sensitive goods, history, alerts.</summary>
    private static ProfileDefinition Profile(string country)
    {
        var rules = new List<RuleDefinition>
        {
            new($"{country}-VAL-1", "Declared value under 1 USD per kg", "valuePerKg", "below", Value: 1m, Currency: "USD", Score: 35),
            new($"{country}-PV-1", "Photovoltaic cells and modules (valuation)", "hsCode", "in-range", From: "854140", To: "854149", Score: 20),
            new($"{country}-HIS-1", "Refused here before", "previousRefusals", "at-least", Value: 1, Score: 40),
            new($"{country}-ALR-1", "A partner administration's alert", "alert", "matches", Score: 35),
            new($"{country}-EMB-1", "Origin under embargo", "countryOfOrigin", "in", Values: ["KP"], Score: 0, Channel: "red"),
        };
        if (country is "KZ" or "UZ")
        {
            rules.Add(new($"{country}-TEX-1", "Cotton yarn and fabrics (origin checks)", "hsCode", "in-range", From: "5205", To: "5212", Score: 15));
        }

        if (country is "CN")
        {
            rules.Add(new("CN-FRU-1", "Dried fruit and nuts (phytosanitary)", "hsCode", "in-range", From: "0801", To: "0813", Score: 30));
        }

        return new ProfileDefinition(
            rules,
            [new ChannelBand(0, 30, "green"), new ChannelBand(30, 60, "yellow"), new ChannelBand(60, null, "red")],
            new RandomRates(0.08, 0.02),
            30);
    }
}
