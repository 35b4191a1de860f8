using Caravan.Access.Contracts;
using Caravan.Access.Data;
using Caravan.Access.Domain;
using Caravan.Access.Features.MachineClients;
using Caravan.Platform.Health;
using Caravan.Platform.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Caravan.Access.Features.Demo;

/// <summary>
/// With <c>--demo</c>: invented organisations and one person for every role, so that a newcomer can sign in as
/// anyone. Passwords and authenticator keys are public (README, "Demo"): never run a real platform with it.
/// </summary>
internal sealed partial class DemoSeed(IConfiguration configuration, ILogger<DemoSeed> logger) : IStartupTask
{
    public const string Password = "Caravan-demo-2026";

    public string Name => "Demo organisations and people";

    /// <summary>The demo people: e-mail, name, role, scope (resolved below), authenticator key for second-factor roles.</summary>
    public static readonly IReadOnlyList<DemoPerson> People =
    [
        new("admin@demo.caravan", "Aigerim Administrator", Roles.Administrator, "platform", "CARAVANDEMOADMINISTRATORKEYAAAAA"),
        new("officer.kz@demo.caravan", "Nurlan Officer (KZ customs)", Roles.CustomsOfficer, "country:KZ", "CARAVANDEMOOFFICERKAZAKHSTANKEYA"),
        new("officer.cn@demo.caravan", "Li Officer (CN customs)", Roles.CustomsOfficer, "country:CN", "CARAVANDEMOOFFICERCHINAKEYAAAAAA"),
        new("analyst.kz@demo.caravan", "Dana Analyst (KZ customs)", Roles.RiskAnalyst, "country:KZ", "CARAVANDEMOANALYSTKAZAKHSTANKEYA"),
        new("issuer.kz@demo.caravan", "Erlan Issuer", Roles.CertificateIssuer, "org:issuer-kz", "CARAVANDEMOISSUERKAZAKHSTANKEYAA"),
        new("trader.kz@demo.caravan", "Saule Trader (Steppe Cotton)", Roles.Trader, "org:trader-kz", null),
        new("trader.cn@demo.caravan", "Wang Trader (Tianshan Textiles)", Roles.Trader, "org:trader-cn", null),
        new("coordinator.uz@demo.caravan", "Dilnoza Coordinator (UZ)", Roles.NationalCoordinator, "country:UZ", null),
        new("programme@demo.caravan", "Rustam Programme Officer", Roles.ProgrammeOfficer, "org:centre-education", null),
        new("city.xian@demo.caravan", "Zhang City Official (Xi'an)", Roles.CityOfficial, "org:city-xian", null),
        new("applicant@demo.caravan", "Madina Applicant", Roles.Applicant, "self", null),
        new("secretariat@demo.caravan", "Bakyt Secretariat", Roles.Secretariat, "platform", null),
    ];

    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>(AccessModule.DemoSetting))
        {
            return;
        }

        var db = services.GetRequiredService<AccessDbContext>();
        var users = services.GetRequiredService<UserManager<CaravanUser>>();
        var clock = services.GetRequiredService<TimeProvider>();
        if (await users.FindByEmailAsync(People[0].Email) is not null)
        {
            return;
        }

        // Demo people have public passwords: never add them to a platform that real people already use.
        if (await db.Users.AnyAsync(u => u.Email == null || !u.Email.EndsWith("@demo.caravan"), cancellationToken))
        {
            LogRefused(logger);
            return;
        }

        var now = clock.GetUtcNow();
        var organisations = await SeedOrganisationsAsync(db, now, cancellationToken);
        var keys = (IUserAuthenticatorKeyStore<CaravanUser>)services.GetRequiredService<IUserStore<CaravanUser>>();
        foreach (var person in People)
        {
            var scope = person.Scope switch
            {
                "platform" => (Kind: ScopeKind.Platform, Id: (string?)null, Organisation: (Guid?)null),
                "self" => (ScopeKind.Self, null, null),
                var s when s.StartsWith("country:", StringComparison.Ordinal) => (ScopeKind.Country, s[8..], organisations[$"customs-{s[8..].ToLowerInvariant()}"]),
                var s => (person.Role == Roles.CityOfficial ? ScopeKind.City : person.Role == Roles.ProgrammeOfficer ? ScopeKind.Centre : ScopeKind.Organisation,
                    organisations[s[4..]].ToString(), organisations[s[4..]]),
            };
            var user = new CaravanUser
            {
                Id = Guid.NewGuid(),
                UserName = person.Email,
                Email = person.Email,
                EmailConfirmed = true,
                DisplayName = person.Name,
                OrganisationId = scope.Organisation,
                CreatedAt = now,
            };
            Check(await users.CreateAsync(user, Password), person.Email);
            if (person.AuthenticatorKey is { } key)
            {
                await keys.SetAuthenticatorKeyAsync(user, key, cancellationToken);
                Check(await users.UpdateAsync(user), person.Email);
                Check(await users.SetTwoFactorEnabledAsync(user, true), person.Email);
            }

            db.Grants.Add(new UserGrant
            {
                Id = Guid.NewGuid(),
                UserId = user.Id,
                Role = person.Role,
                ScopeKind = scope.Kind,
                ScopeId = scope.Kind == ScopeKind.Self ? user.Id.ToString() : scope.Id,
                GrantedAt = now,
                GrantedBy = "demo",
            });
        }

        await db.SaveChangesAsync(cancellationToken);

        // A machine client for each national customs system and for one trader, with published development secrets.
        var clients = services.GetRequiredService<MachineClientRegistry>();
        foreach (var code in new[] { "CN", "KZ", "KG", "TJ", "TM", "UZ" })
        {
            var lower = code.ToLowerInvariant();
            await clients.CreateWithSecretAsync($"demo-customs-{lower}", $"National customs system of {code} (demo)", organisations[$"customs-{lower}"],
                new Grant(Roles.NationalSystem, Scope.Country(code)), $"demo-secret-customs-{lower}", cancellationToken);
        }

        await clients.CreateWithSecretAsync("demo-trader-kz", "Steppe Cotton LLP ERP (demo)", organisations["trader-kz"],
            new Grant(Roles.Trader, Scope.Organisation(organisations["trader-kz"].ToString())), "demo-secret-trader-kz", cancellationToken);
        LogSeeded(logger, organisations.Count, People.Count, Password);
    }

    private static async Task<Dictionary<string, Guid>> SeedOrganisationsAsync(AccessDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, Guid>();
        void Add(string key, OrganisationKind kind, string name, string? country, string? identifier = null, TraderFunctions functions = TraderFunctions.None)
        {
            var id = Guid.NewGuid();
            result[key] = id;
            db.Organisations.Add(new Organisation { Id = id, Kind = kind, Name = name, Country = country, NationalIdentifier = identifier, TraderFunctions = functions, CreatedAt = now });
        }

        foreach (var (code, name) in new[] { ("CN", "China"), ("KZ", "Kazakhstan"), ("KG", "Kyrgyzstan"), ("TJ", "Tajikistan"), ("TM", "Turkmenistan"), ("UZ", "Uzbekistan") })
        {
            Add($"customs-{code.ToLowerInvariant()}", OrganisationKind.CustomsAdministration, $"Customs administration of {name} (demo)", code);
        }

        // Identifiers are invented but valid for their scheme's check digit; they belong to no real company.
        Add("trader-kz", OrganisationKind.Trader, "Steppe Cotton LLP (demo)", "KZ", "210440012348", TraderFunctions.Exporter | TraderFunctions.Importer);
        Add("trader-cn", OrganisationKind.Trader, "Tianshan Textiles Co., Ltd. (demo)", "CN", "91650100123456788W", TraderFunctions.Exporter | TraderFunctions.Importer);
        Add("issuer-kz", OrganisationKind.IssuingBody, "Certificate of origin issuing body, Kazakhstan (demo)", "KZ");
        Add("centre-poverty", OrganisationKind.CooperationCentre, "China–Central Asia Cooperation Centre for Poverty Reduction (demo)", "CN");
        Add("centre-education", OrganisationKind.CooperationCentre, "China–Central Asia Education Exchange Cooperation Centre (demo)", "CN");
        Add("centre-desertification", OrganisationKind.CooperationCentre, "China–Central Asia Cooperation Centre for Desertification Prevention and Control (demo)", "CN");
        Add("city-xian", OrganisationKind.City, "Xi'an municipal government (demo)", "CN");
        Add("secretariat", OrganisationKind.Secretariat, "China–Central Asia Secretariat (demo)", null);
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    private static void Check(IdentityResult result, string who)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo user {who}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "--demo refused: this database has real accounts, and demo accounts have public passwords. Use a fresh data directory for the demo.")]
    private static partial void LogRefused(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "DEMO MODE: {Organisations} invented organisations and {People} people created; every demo password is {Password}. Never use --demo for a real platform.")]
    private static partial void LogSeeded(ILogger logger, int organisations, int people, string password);
}

internal sealed record DemoPerson(string Email, string Name, string Role, string Scope, string? AuthenticatorKey);
