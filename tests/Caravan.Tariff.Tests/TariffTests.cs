using Caravan.Platform.Persistence;
using Caravan.Tariff.Contracts;
using Caravan.Tariff.Features.Calculate;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Tariff.Tests;

/// <summary>
/// Schedules, requirements and rates imported from the documented CSV formats on each provider: idempotent, versioned
/// with history, all or nothing with every error by line and column; the calculator's amounts checked by hand.
/// </summary>
public abstract class TariffTests(DatabaseProvider provider)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Header = "schedule,tariff_line,description,ad_valorem_percent,specific_amount,specific_currency,specific_unit,compound,vat_percent,vat_percent_by_country,excise,legal_source,valid_from,valid_to,illustrative\n";

    private static async Task<CalculationResult> CalculateAsync(TariffHost host, CalculationRequest request)
    {
        var result = await host.InScopeAsync(sp => sp.GetRequiredService<DutyCalculator>().CalculateAsync(request, Ct));
        return Assert.IsType<Ok<CalculationResult>>(result.Result).Value!;
    }

    private static async Task<IDictionary<string, string[]>> RefusedAsync(TariffHost host, CalculationRequest request)
    {
        var result = await host.InScopeAsync(sp => sp.GetRequiredService<DutyCalculator>().CalculateAsync(request, Ct));
        return Assert.IsType<ValidationProblem>(result.Result).ProblemDetails.Errors;
    }

    private static async Task<TariffHost> WithSamplesAsync(DatabaseProvider provider)
    {
        var host = await TariffHost.StartAsync(provider);
        foreach (var file in new[] { "sample_exchange_rates.csv", "sample_schedules.csv", "sample_requirements.csv" })
        {
            Assert.True((await host.ImportSampleAsync(file)).Imported, file);
        }

        return host;
    }

    [Fact]
    public async Task Importing_a_schedule_twice_adds_nothing_the_second_time()
    {
        await using var host = await TariffHost.StartAsync(provider);
        await host.ImportSampleAsync("sample_exchange_rates.csv");

        var first = await host.ImportSampleAsync("sample_schedules.csv");
        var second = await host.ImportSampleAsync("sample_schedules.csv");

        Assert.Equal((16, 0), (first.Added, first.Unchanged));
        Assert.Equal((0, 0, 16), (second.Added, second.Updated, second.Unchanged));
        Assert.Equal(16, await host.QueryAsync(db => db.Lines.CountAsync(Ct)));
        Assert.Equal(0, (await host.ImportSampleAsync("sample_exchange_rates.csv")).Added);
    }

    [Fact]
    public async Task A_newer_version_of_a_line_keeps_the_older_and_the_calculator_takes_the_one_valid_on_the_day()
    {
        await using var host = await TariffHost.StartAsync(provider);
        var v1 = Header + "EAEU,8703800002,Electric cars,15,,,,,12,KZ=16;KG=12,false,Decision A,2025-01-01,,false\n";
        var v2 = Header + "EAEU,8703800002,Electric cars,10,,,,,12,KZ=16;KG=12,false,Decision B,2026-07-01,,false\n";
        Assert.True((await host.ImportAsync(v1, "v1.csv")).Imported);

        var newer = await host.ImportAsync(v2, "v2.csv");
        var again = await host.ImportAsync(v1, "v1.csv");

        Assert.Equal((1, 1), (newer.Added, newer.Closed));
        Assert.Equal((0, 0, 1), (again.Added, again.Updated, again.Unchanged));
        var versions = await host.QueryAsync(db => db.Lines.OrderBy(l => l.ValidFrom).Select(l => new { l.ValidFrom, l.ValidTo, l.AdValoremPercent }).ToListAsync(Ct));
        Assert.Equal(2, versions.Count);
        Assert.Equal(new DateOnly(2026, 6, 30), versions[0].ValidTo);
        Assert.Null(versions[1].ValidTo);

        CalculationRequest On(DateOnly day) => new("8703800002", "CN", "KZ", 10_000_000m, "KZT", "CIF", 1, "NAR", day);
        var march = await CalculateAsync(host, On(new DateOnly(2026, 3, 1)));
        var august = await CalculateAsync(host, On(new DateOnly(2026, 8, 1)));
        Assert.Equal(1_500_000m, march.Charges.Single(c => c.Kind == "import-duty").Amount);
        Assert.Equal("Decision A", march.Line.LegalSource);
        Assert.Equal(1_000_000m, august.Charges.Single(c => c.Kind == "import-duty").Amount);
        Assert.Equal("Decision B", august.Line.LegalSource);
    }

    [Fact]
    public async Task A_malformed_file_is_refused_with_every_error_by_line_and_column_and_changes_nothing()
    {
        await using var host = await WithSamplesAsync(provider);
        var before = await host.QueryAsync(db => db.Lines.OrderBy(l => l.Line).ThenBy(l => l.ValidFrom).Select(l => l.Line + "@" + l.AdValoremPercent).ToListAsync(Ct));
        var file = Header
            + "EAEU,5205120000,Cotton yarn,7,,,,,12,,false,Decision,2025-01-01,,false\n"  // a valid correction — must not be applied either
            + "EAEU,12345,Too short,abc,,,,,12,,false,Decision,2025-13-01,,maybe\n"
            + "XX,5205120000,,5,1,EUR,,,12,KZ=sixteen,false,,2025-01-01,2024-01-01,true\n";

        var result = await host.ImportAsync(file, "broken.csv");

        Assert.False(result.Imported);
        Assert.Contains(result.Errors, e => e is { Line: 3, Column: "tariff_line", ColumnNumber: 2 });
        Assert.Contains(result.Errors, e => e is { Line: 3, Column: "ad_valorem_percent", ColumnNumber: 4 });
        Assert.Contains(result.Errors, e => e is { Line: 3, Column: "valid_from", ColumnNumber: 13 });
        Assert.Contains(result.Errors, e => e is { Line: 3, Column: "illustrative" });
        Assert.Contains(result.Errors, e => e is { Line: 4, Column: "schedule", ColumnNumber: 1 });
        Assert.Contains(result.Errors, e => e is { Line: 4, Column: "description" });
        Assert.Contains(result.Errors, e => e is { Line: 4, Column: "specific_unit" });
        Assert.Contains(result.Errors, e => e is { Line: 4, Column: "vat_percent_by_country", ColumnNumber: 10 });
        Assert.Contains(result.Errors, e => e is { Line: 4, Column: "valid_to" });
        Assert.Equal("line 3, column 4 (ad_valorem_percent): 'abc' is not a number (use a dot for decimals: 12.5)", result.Errors.Single(e => e is { Line: 3, Column: "ad_valorem_percent" }).ToString());
        Assert.Equal(before, await host.QueryAsync(db => db.Lines.OrderBy(l => l.Line).ThenBy(l => l.ValidFrom).Select(l => l.Line + "@" + l.AdValoremPercent).ToListAsync(Ct)));
        Assert.Equal(3, await host.QueryAsync(db => db.Imports.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_file_that_is_not_csv_or_not_a_known_format_is_refused_with_the_line()
    {
        await using var host = await TariffHost.StartAsync(provider);

        var unknown = await host.ImportAsync("a,b,c\n1,2,3\n", "other.csv");
        var broken = await host.ImportAsync(Header + "EAEU,\"5205120000,x\n", "quote.csv");

        Assert.False(unknown.Imported);
        Assert.Contains("schedule", unknown.Errors.Single().Reason, StringComparison.Ordinal);
        Assert.False(broken.Imported);
        Assert.Equal(2, broken.Errors.Single().Line);
    }

    [Fact]
    public async Task The_calculator_adds_duty_and_vat_at_the_days_rate_and_says_how()
    {
        await using var host = await WithSamplesAsync(provider);

        // 10,000 USD × 515 = 5,150,000 KZT; duty 5% = 257,500; VAT 16% × 5,407,500 = 865,200.
        var yarn = await CalculateAsync(host, new("5205120000", "CN", "KZ", 10_000m, "USD", "CIF", 18_000, "KGM", new DateOnly(2026, 11, 30)));

        Assert.Equal("EAEU", yarn.Schedule);
        Assert.Equal("KZT", yarn.NationalCurrency);
        Assert.Equal(5_150_000m, yarn.CustomsValue);
        Assert.Equal(257_500m, yarn.Charges.Single(c => c.Kind == "import-duty").Amount);
        Assert.Equal(865_200m, yarn.Charges.Single(c => c.Kind == "vat").Amount);
        Assert.Equal(1_122_700m, yarn.Total);
        var rate = Assert.Single(yarn.RatesUsed);
        Assert.Equal(("USD", "KZT", 515m, new DateOnly(2026, 11, 1)), (rate.Currency, rate.QuoteCurrency, rate.Rate, rate.Date));
        Assert.True(yarn.Illustrative);
        Assert.Contains("not legal data", yarn.Notes[0], StringComparison.Ordinal);
        Assert.Contains("5% of the customs value 5,150,000.00 KZT = 257,500.00 KZT", yarn.Charges[0].Explanation, StringComparison.Ordinal);

        // The same goods into Kyrgyzstan from Kazakhstan: inside the union, no duty; Kyrgyz VAT 12% × 87.40 × 10,000.
        var inside = await CalculateAsync(host, new("5205120000", "KZ", "KG", 10_000m, "USD", "CIF", null, null, new DateOnly(2026, 11, 30)));
        Assert.Equal(0m, inside.Charges.Single(c => c.Kind == "import-duty").Amount);
        Assert.Equal(104_880m, inside.Charges.Single(c => c.Kind == "vat").Amount);

        // Uzbekistan's own schedule: 121,000,000 UZS; duty 10% = 12,100,000; VAT 12% × 133,100,000 = 15,972,000.
        var uz = await CalculateAsync(host, new("5205120000", "CN", "UZ", 10_000m, "USD", "CIF", null, null, new DateOnly(2026, 11, 30)));
        Assert.Equal(28_072_000m, uz.Total);
    }

    [Fact]
    public async Task A_compound_duty_takes_the_higher_of_its_parts_and_excise_is_flagged_not_guessed()
    {
        await using var host = await WithSamplesAsync(provider);

        // 2,000 EUR × 560 = 1,120,000 KZT; 12.5% = 140,000; 0.3 EUR × 1,500 l = 450 EUR = 252,000 KZT → 252,000.
        var wine = await CalculateAsync(host, new("2204210000", "CN", "KZ", 2_000m, "EUR", "FOB", 1_500, "LTR", new DateOnly(2026, 11, 30)));

        Assert.Equal(252_000m, wine.Charges.Single(c => c.Kind == "import-duty").Amount);
        Assert.Equal(219_520m, wine.Charges.Single(c => c.Kind == "vat").Amount);
        Assert.Equal(471_520m, wine.Total);
        Assert.Null(wine.Charges.Single(c => c.Kind == "excise").Amount);
        Assert.Contains(wine.Notes, n => n.Contains("FOB", StringComparison.Ordinal) && n.Contains("freight", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_calculator_refuses_by_field_what_it_cannot_compute()
    {
        await using var host = await WithSamplesAsync(provider);

        var noQuantity = await RefusedAsync(host, new("2204210000", "CN", "KZ", 2_000m, "EUR", "CIF", null, null, new DateOnly(2026, 11, 30)));
        var noRate = await RefusedAsync(host, new("5205120000", "CN", "KZ", 2_000m, "GBP", "CIF", null, null, new DateOnly(2026, 11, 30)));
        var beforeRates = await RefusedAsync(host, new("5205120000", "CN", "KZ", 2_000m, "USD", "CIF", null, null, new DateOnly(2026, 1, 1)));
        var unknownLine = await RefusedAsync(host, new("9999999999", "CN", "KZ", 2_000m, "USD", "CIF", null, null, null));
        var everything = await RefusedAsync(host, new(null, "XX1", "RU", -1m, "dollars", "CIFF", -5, null, null));

        Assert.Contains("LTR", noQuantity["quantity"][0], StringComparison.Ordinal);
        Assert.Contains("GBP", noRate["currency"][0], StringComparison.Ordinal);
        Assert.Contains("2026-01-01", beforeRates["currency"][0], StringComparison.Ordinal);
        Assert.Contains("9999999999", unknownLine["hsCode"][0], StringComparison.Ordinal);
        Assert.Equal(["currency", "customsValue", "destination", "hsCode", "origin", "quantity", "valuationBasis"], everything.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Requirements_are_found_by_country_direction_and_code_within_their_range()
    {
        await using var host = await WithSamplesAsync(provider);
        var day = new DateOnly(2026, 11, 30);

        var uzYarn = await host.InScopeAsync(sp => sp.GetRequiredService<IRequirementsDirectory>().ForGoodsAsync("UZ", "import", ["520512"], day, Ct));
        var kzYarn = await host.InScopeAsync(sp => sp.GetRequiredService<IRequirementsDirectory>().ForGoodsAsync("KZ", "import", ["520512"], day, Ct));
        var kzApricots = await host.InScopeAsync(sp => sp.GetRequiredService<IRequirementsDirectory>().ForGoodsAsync("KZ", "import", ["0813100000"], day, Ct));
        var kzApricotsExport = await host.InScopeAsync(sp => sp.GetRequiredService<IRequirementsDirectory>().ForGoodsAsync("KZ", "export", ["081310"], day, Ct));
        var kzCoffee = await host.InScopeAsync(sp => sp.GetRequiredService<IRequirementsDirectory>().ForGoodsAsync("KZ", "import", ["090111"], day, Ct));

        Assert.Equal(RequirementKinds.CertificateOfOrigin, Assert.Single(uzYarn).Kind);
        Assert.Empty(kzYarn);
        Assert.Equal(RequirementKinds.Phytosanitary, Assert.Single(kzApricots).Kind);
        Assert.Empty(kzApricotsExport);
        Assert.Empty(kzCoffee);
    }
}

public sealed class TariffOnSqlite() : TariffTests(DatabaseProvider.Sqlite);

public sealed class TariffOnPostgres() : TariffTests(DatabaseProvider.Postgres);
