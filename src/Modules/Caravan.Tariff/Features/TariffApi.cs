using System.Globalization;
using System.Text;
using Caravan.Platform.Audit;
using Caravan.Platform.Http;
using Caravan.Platform.Security;
using Caravan.Reference.Contracts;
using Caravan.Tariff.Contracts;
using Caravan.Tariff.Features.Calculate;
using Caravan.Tariff.Features.Schedules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Caravan.Tariff.Features;

/// <summary>The trade information portal's API: public reading and calculation; imports by administrators.</summary>
internal static class TariffApi
{
    private const string Tag = "Tariff";

    public static void MapTariffApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/tariff/{code}", ForCode)
            .WithTags(Tag).WithName("GetTariffForCode").CompressPublicResponse().WithSummary("Each country's national tariff lines under an HS code (2–10 digits) valid on a date (default today), and its requirements. Public.")
            .ProducesProblem(400);
        api.MapGet("/tariff/requirements", Requirements)
            .WithTags(Tag).WithName("ListRequirements").CompressPublicResponse().WithSummary("The documents a country requires for goods of an HS code when imported, exported or in transit. Public.")
            .ProducesProblem(400);
        api.MapPost("/tariff/calculations", (CalculationRequest request, DutyCalculator calculator, CancellationToken ct) => calculator.CalculateAsync(request, ct))
            .WithTags(Tag).WithName("CalculateDuties").WithSummary("Import duty, excise and VAT for goods entering one of the six countries, with every rule, rate and exchange rate used. Public.")
            .ProducesProblem(400);
        api.MapGet("/tariff/exchange-rates", async (TariffQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.LatestRatesAsync(ct)))
            .WithTags(Tag).WithName("ListExchangeRates").CompressPublicResponse().WithSummary("The latest imported exchange rate of each currency pair, with its date and source. Public.");
        api.MapPost("/tariff/imports", Import)
            .WithTags(Tag).WithName("ImportTariffFile").WithSummary("Import a schedule, requirements or exchange-rate CSV file (docs/tariff-import.md) as the body; ?file= names it. All or nothing.")
            .Accepts<string>("text/csv").RequirePermission(TariffPermissions.Import)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).DisableAntiforgery();
    }

    private static DateOnly? ParseDate(string? date) =>
        date is null ? null : DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : DateOnly.MinValue;

    private static async Task<Results<Ok<HeadingTariffs>, ValidationProblem>> ForCode(string code, string? date, TariffQueries queries, TimeProvider clock, CancellationToken ct)
    {
        var digits = code.Replace(".", string.Empty, StringComparison.Ordinal);
        if (digits.Length is < 2 or > 10 || !digits.All(char.IsAsciiDigit))
        {
            return Problems.Invalid("code", $"'{ReferenceCodes.Truncate(code)}' is not an HS code or national line of 2 to 10 digits.");
        }

        var day = ParseDate(date);
        if (day == DateOnly.MinValue)
        {
            return Problems.Invalid("date", "a date is written 2026-12-31.");
        }

        return TypedResults.Ok(await queries.ForCodeAsync(digits, day ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct));
    }

    private static async Task<Results<Ok<IReadOnlyList<RequirementView>>, ValidationProblem>> Requirements(string? country, string? direction, string? hsCode, string? date, IRequirementsDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var parsed = ReferenceCodes.ParseCountryCode(country);
        if (!parsed.IsValid)
        {
            errors["country"] = [parsed.Error!];
        }

        direction ??= "import";
        if (direction is not ("import" or "export" or "transit"))
        {
            errors["direction"] = ["import, export or transit."];
        }

        var code = hsCode?.Replace(".", string.Empty, StringComparison.Ordinal);
        if (code is not { Length: >= 4 and <= 10 } || !code.All(char.IsAsciiDigit))
        {
            errors["hsCode"] = ["an HS code or national line of 4 to 10 digits."];
        }

        var day = ParseDate(date);
        if (day == DateOnly.MinValue)
        {
            errors["date"] = ["a date is written 2026-12-31."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        return TypedResults.Ok(await directory.ForGoodsAsync(parsed.Value!, direction, [code!], day ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct));
    }

    private static async Task<IResult> Import(HttpRequest request, string? file, Caller caller, ITariffImport import, IAuditLog audit, CancellationToken ct)
    {
        if (!caller.HoldsPlatformWide(TariffPermissions.Import))
        {
            return Problems.Forbidden("Only an administrator imports tariff data.");
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(ct);
        var name = string.IsNullOrWhiteSpace(file) ? "upload.csv" : Path.GetFileName(file);
        var result = await import.ImportAsync(text, name, caller.Name ?? caller.Id ?? "unknown", ct);
        if (!result.Imported)
        {
            return TypedResults.ValidationProblem(
                result.Errors.GroupBy(e => e.Column is null ? $"line {e.Line}" : $"line {e.Line}, column {e.ColumnNumber} ({e.Column})").ToDictionary(g => g.Key, g => g.Select(e => e.Reason).ToArray()),
                detail: $"{name}: {result.Errors.Count} error(s); nothing was imported. First: {result.Errors[0]}",
                title: "The file was not imported.");
        }

        await audit.AppendAsync(caller.Did("tariff.imported", "tariff-file", name, new { result.Kind, result.Rows, result.Added, result.Updated, result.Closed }), ct);
        return TypedResults.Ok(result);
    }
}
