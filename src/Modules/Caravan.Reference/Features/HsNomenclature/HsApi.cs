using System.Globalization;
using Caravan.Platform.Http;
using Caravan.Reference.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Caravan.Reference.Features.HsNomenclature;

internal static class HsApi
{
    public static void MapHsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/hs").WithTags("HS nomenclature").CompressPublicResponse();

        group.MapGet("/", SearchHs)
            .WithName("SearchHs")
            .WithSummary("Ranked search of HS 2022 headings by the words traders use (English, Russian, Chinese), with the matched words highlighted, the path and matching subheadings; digits search by code prefix.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/sections", async (IHsNomenclature hs, CancellationToken ct) =>
                TypedResults.Ok(await hs.ListSectionsAsync(ct).ConfigureAwait(false)))
            .WithName("ListHsSections")
            .WithSummary("The 21 sections of HS 2022 with the chapters each covers.");

        group.MapGet("/sections/{number}", GetSection)
            .WithName("GetHsSection")
            .WithSummary("One HS section (1–21, or I–XXI) with its chapters.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{code}", GetHsEntry)
            .WithName("GetHsEntry")
            .WithSummary("A chapter, heading or subheading with its parent chain and its children.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<HsEntryDetail>, ValidationProblem, ProblemHttpResult>> GetHsEntry(
        string code, IHsNomenclature hs, CancellationToken ct)
    {
        var parsed = ReferenceCodes.ParseHsCode(code);
        if (!parsed.IsValid)
        {
            return Problems.Invalid("code", parsed.Error!);
        }

        var entry = await hs.FindAsync(parsed.Value!, ct).ConfigureAwait(false);
        return entry is null
            ? Problems.NotFound($"HS 2022 has no code {parsed.Value}.")
            : TypedResults.Ok(entry);
    }

    private static async Task<Results<Ok<HsSectionDetail>, ValidationProblem, ProblemHttpResult>> GetSection(
        string number, IHsNomenclature hs, CancellationToken ct)
    {
        var value = ReferenceCodes.ParseHsSection(number);
        if (value is null)
        {
            return Problems.Invalid("number", $"'{ReferenceCodes.Truncate(number)}' is not a section number; use 1–21 or I–XXI.");
        }

        var section = await hs.FindSectionAsync(value.Value, ct).ConfigureAwait(false);
        return section is null
            ? Problems.NotFound($"HS 2022 has no section {value}; sections run from 1 to 21.")
            : TypedResults.Ok(section);
    }

    private static async Task<Results<Ok<HsSearchResult>, ValidationProblem>> SearchHs(
        string? q, string? lang, int? page, int? pageSize, IHsNomenclature hs, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var query = q?.Trim() ?? string.Empty;
        if (query.Length == 0)
        {
            errors["q"] = ["is required: words to look for (\"cotton yarn\", \"хлопковая пряжа\", \"棉纱\") or the start of a code (\"5205\")."];
        }
        else if (query.Length > RequestLimits.MaxQueryLength)
        {
            errors["q"] = [$"is {query.Length.ToString(CultureInfo.InvariantCulture)} characters long; at most {RequestLimits.MaxQueryLength.ToString(CultureInfo.InvariantCulture)} are accepted."];
        }

        string? language = null;
        if (!string.IsNullOrWhiteSpace(lang))
        {
            var parsed = Languages.ParseInterfaceLanguage(lang);
            if (parsed.IsValid)
            {
                language = parsed.Value;
            }
            else
            {
                errors["lang"] = [parsed.Error!];
            }
        }

        if (page is < 1)
        {
            errors["page"] = ["must be 1 or more."];
        }

        if (pageSize is < 1 or > RequestLimits.MaxPageSize)
        {
            errors["pageSize"] = [$"must be between 1 and {RequestLimits.MaxPageSize.ToString(CultureInfo.InvariantCulture)}."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        return TypedResults.Ok(await hs.SearchAsync(query, language, page ?? 1, pageSize ?? 25, ct).ConfigureAwait(false));
    }
}
