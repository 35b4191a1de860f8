using Caravan.Platform.Http;
using Caravan.Trade.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Caravan.Trade.Features.CodeLists;

/// <summary>
/// The code lists a declaration is checked against, published so that traders' and national systems' software
/// offers the same choices the platform accepts.
/// </summary>
internal static class CodeListsApi
{
    public static readonly IReadOnlyList<string> Names = ["currencies", "units", "package-types", "transport-modes"];

    public static void MapCodeListsApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/code-lists/{name}", GetCodeList).CompressPublicResponse()
            .WithTags("Code lists")
            .WithName("GetCodeList")
            .WithSummary("A code list of the declaration: currencies (ISO 4217), units (UN/ECE Rec. 20), package-types (Rec. 21) or transport-modes (Rec. 19).")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static Results<Ok<IReadOnlyList<CurrencyInfo>>, Ok<IReadOnlyList<UnitOfMeasureInfo>>, Ok<IReadOnlyList<PackageTypeInfo>>, Ok<IReadOnlyList<TransportModeInfo>>, ProblemHttpResult> GetCodeList(string name) =>
        name.ToLowerInvariant() switch
        {
            "currencies" => TypedResults.Ok(CurrencyCodes.All),
            "units" => TypedResults.Ok(UnitCodes.All),
            "package-types" => TypedResults.Ok(PackageTypes.All),
            "transport-modes" => TypedResults.Ok(TransportModes.All),
            _ => Problems.NotFound($"There is no code list '{Caravan.Reference.Contracts.ReferenceCodes.Truncate(name)}'; the lists are {string.Join(", ", Names)}."),
        };
}
