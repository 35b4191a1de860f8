using Caravan.Platform;
using Caravan.Platform.Audit;
using Caravan.Platform.Persistence;
using Caravan.Reference;
using Caravan.Reference.Contracts;
using Caravan.Reference.Features.ImportReferenceData;
using Caravan.Testing;
using Caravan.Trade.Contracts;
using Caravan.Trade.Features.LodgeConsignment;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Trade.Tests;

/// <summary>A database with the reference data loaded, shared by the validation tests of one provider.</summary>
public abstract class ReferenceDataFixture(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? _database;
    private ServiceProvider? _services;

    public string? Unavailable { get; } = TestDatabase.Unavailable(provider);

    public async ValueTask InitializeAsync()
    {
        if (Unavailable is not null)
        {
            return;
        }

        _database = await TestDatabase.CreateAsync(provider);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(_database.Settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddCaravanPlatform(configuration).AddCaravanAudit().AddReferenceModule(configuration);
        _services = services.BuildServiceProvider();
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<IReferenceDataImport>().ImportAsync(Path.Combine(AppContext.BaseDirectory, "data"));
    }

    internal async Task<IReadOnlyDictionary<string, string[]>> ValidateAsync(ConsignmentDeclaration declaration)
    {
        if (Unavailable is { } reason)
        {
            Assert.Skip(reason);
        }

        await using var scope = _services!.CreateAsyncScope();
        var validator = new DeclarationValidator(scope.ServiceProvider.GetRequiredService<IHsNomenclature>(), scope.ServiceProvider.GetRequiredService<IBorderCrossingDirectory>());
        return await validator.ValidateAsync(declaration, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteReferenceData() : ReferenceDataFixture(DatabaseProvider.Sqlite);

public sealed class PostgresReferenceData() : ReferenceDataFixture(DatabaseProvider.Postgres);

/// <summary>Every rule of a declaration, each shown by the problem it reports; all problems come at once.</summary>
public abstract class DeclarationValidationTests(ReferenceDataFixture reference)
{
    /// <summary>Cotton yarn by road from Xinjiang through Khorgos/Nur Zholy and Zhibek Zholy to Tashkent. Identifiers are invented but valid.</summary>
    internal static ConsignmentDeclaration Valid() => new(
        Declarant: new Party("Tianshan Textiles Co., Ltd.", "CN", "91650100123456788W"),
        Exporter: new Party("Tianshan Textiles Co., Ltd.", "CN", "91650100123456788W"),
        Importer: new Party("Tashkent Weaving LLC", "UZ", "301234567"),
        Carrier: new Party("Steppe Cotton LLP", "KZ", "210440012348"),
        GoodsItems: [new GoodsItem("520512", "Cotton yarn, single, uncombed, 20 tex", 18_000, "KGM", 18_600, 18_000, 52_200, "USD", "CN", 600, "BG")],
        Containers: [new Container("CSQU3054383", ["CN-2026-000118"])],
        TransportMode: "3",
        TransportMeans: "Truck 新A·12345 with trailer",
        Documents: [new AttachedDocument("invoice", "TT-2026-0457", "Tianshan Textiles Co., Ltd.")],
        CountryOfDispatch: "CN",
        CountryOfDestination: "UZ",
        Route: new Route(["CN", "KZ", "UZ"], ["CN-KZ-01", "KZ-UZ-01"]));

    [Fact]
    public async Task A_complete_declaration_on_a_real_route_has_no_problem()
    {
        var errors = await reference.ValidateAsync(Valid());

        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_declaration_with_five_errors_gets_all_five_at_once()
    {
        var item = Valid().GoodsItems![0] with { HsCode = "999998", NetMassKg = 19_000, Currency = "RMB" };
        var declaration = Valid() with
        {
            GoodsItems = [item],
            Containers = [new Container("CSQU3054384", null)],
            Route = new Route(["CN", "KZ", "UZ"], ["CN-KZ-01", "TJ-UZ-01"]),
        };

        var errors = await reference.ValidateAsync(declaration);

        Assert.Equal(
            ["containers[0].number", "goodsItems[0].currency", "goodsItems[0].hsCode", "goodsItems[0].netMassKg", "route.crossings[1]"],
            errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("5205", "declare the 6-digit subheading")]
    [InlineData("999998", "HS 2022 has no subheading 999998")]
    [InlineData("52x512", "position 3")]
    public async Task An_hs_code_must_be_a_subheading_of_hs_2022(string code, string reason)
    {
        var errors = await reference.ValidateAsync(Valid() with { GoodsItems = [Valid().GoodsItems![0] with { HsCode = code }] });

        Assert.Contains(reason, Assert.Single(errors["goodsItems[0].hsCode"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_national_tariff_line_is_checked_by_its_first_six_digits()
    {
        var errors = await reference.ValidateAsync(Valid() with { GoodsItems = [Valid().GoodsItems![0] with { HsCode = "5205.12.000.0" }] });

        Assert.Empty(errors);
    }

    [Fact]
    public async Task Net_mass_above_gross_mass_is_refused()
    {
        var errors = await reference.ValidateAsync(Valid() with { GoodsItems = [Valid().GoodsItems![0] with { NetMassKg = 19_000 }] });

        Assert.Contains("more than the gross mass 18600 kg", Assert.Single(errors["goodsItems[0].netMassKg"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_currency_unit_country_or_package_type_is_named()
    {
        var item = Valid().GoodsItems![0] with { Currency = "RMB", Unit = "kilos", CountryOfOrigin = "China", PackageType = "XYZ" };

        var errors = await reference.ValidateAsync(Valid() with { GoodsItems = [item] });

        Assert.Contains("CNY", errors["goodsItems[0].currency"][0], StringComparison.Ordinal);
        Assert.True(errors.ContainsKey("goodsItems[0].unit"));
        Assert.Contains("two-letter", errors["goodsItems[0].countryOfOrigin"][0], StringComparison.Ordinal);
        Assert.True(errors.ContainsKey("goodsItems[0].packageType"));
    }

    [Fact]
    public async Task A_container_number_with_a_wrong_check_digit_is_refused()
    {
        var errors = await reference.ValidateAsync(Valid() with { Containers = [new Container("CSQU3054384", null)] });

        Assert.Contains("check digit should be 3", Assert.Single(errors["containers[0].number"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_party_in_a_member_state_needs_a_valid_national_identifier()
    {
        var errors = await reference.ValidateAsync(Valid() with { Importer = new Party("Tashkent Weaving LLC", "UZ", "12345") });

        Assert.True(errors.ContainsKey("importer.nationalIdentifier"));
    }

    [Fact]
    public async Task A_route_that_does_not_start_in_the_country_of_dispatch_is_refused()
    {
        var errors = await reference.ValidateAsync(Valid() with { CountryOfDispatch = "KG" });

        Assert.Contains("the country of dispatch is KG", Assert.Single(errors["route.countries[0]"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Countries_that_share_no_open_crossing_of_the_mode_are_refused()
    {
        // Tajikistan and Kazakhstan have no common border; China and Tajikistan have no rail crossing.
        var noBorder = await reference.ValidateAsync(Valid() with { CountryOfDestination = "TJ", Route = new Route(["CN", "KZ", "TJ"], ["CN-KZ-01", "CN-TJ-01"]) });
        var noRail = await reference.ValidateAsync(Valid() with { TransportMode = "2", CountryOfDestination = "TJ", Route = new Route(["CN", "TJ"], ["CN-TJ-01"]) });

        Assert.Contains("KZ and TJ share no open road crossing", noBorder["route.crossings[1]"][0], StringComparison.Ordinal);
        Assert.Contains("CN and TJ share no open rail crossing", noRail["route.crossings[0]"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crossing_that_does_not_join_the_two_countries_is_refused_with_the_ones_that_do()
    {
        var errors = await reference.ValidateAsync(Valid() with { Route = new Route(["CN", "KZ", "UZ"], ["CN-KZ-01", "TJ-UZ-01"]) });

        var reason = Assert.Single(errors["route.crossings[1]"]);
        Assert.Contains("TJ-UZ-01 joins TJ and UZ, not KZ and UZ", reason, StringComparison.Ordinal);
        Assert.Contains("KZ-UZ-01", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rail_consignment_through_a_road_crossing_is_refused()
    {
        var errors = await reference.ValidateAsync(Valid() with { TransportMode = "rail", CountryOfDestination = "KZ", Route = new Route(["CN", "KZ"], ["CN-KZ-01"]) });

        Assert.Contains("CN-KZ-01 is a road crossing but the transport mode is rail", Assert.Single(errors["route.crossings[0]"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crossing_that_is_not_open_yet_is_refused()
    {
        var errors = await reference.ValidateAsync(Valid() with { TransportMode = "rail", CountryOfDestination = "KZ", Route = new Route(["CN", "KZ"], ["CN-KZ-08"]) });

        Assert.Contains("CN-KZ-08 is not open (under construction", Assert.Single(errors["route.crossings[0]"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_crossing_is_counted_against_the_borders()
    {
        var errors = await reference.ValidateAsync(Valid() with { Route = new Route(["CN", "KZ", "UZ"], ["CN-KZ-01"]) });

        Assert.Contains("3 countries have 2 borders", Assert.Single(errors["route.crossings"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_declaration_names_every_required_part()
    {
        var errors = await reference.ValidateAsync(new ConsignmentDeclaration(null, null, null, null, null, null, null, null, null, null, null, null));

        foreach (var field in new[] { "declarant", "exporter", "importer", "goodsItems", "transportMode", "countryOfDispatch", "countryOfDestination", "route.countries" })
        {
            Assert.True(errors.ContainsKey(field), $"{field} is not reported");
        }
    }
}

public sealed class DeclarationValidationOnSqlite(SqliteReferenceData reference) : DeclarationValidationTests(reference), IClassFixture<SqliteReferenceData>;

public sealed class DeclarationValidationOnPostgres(PostgresReferenceData reference) : DeclarationValidationTests(reference), IClassFixture<PostgresReferenceData>;
