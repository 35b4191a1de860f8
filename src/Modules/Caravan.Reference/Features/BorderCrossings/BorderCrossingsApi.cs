using Caravan.Platform.Http;
using Caravan.Reference.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Caravan.Reference.Features.BorderCrossings;

internal static class BorderCrossingsApi
{
    public static void MapBorderCrossingsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/border-crossings").WithTags("Border crossings").CompressPublicResponse();

        group.MapGet("/", ListBorderCrossings)
            .WithName("ListBorderCrossings")
            .WithSummary("Border crossing points, optionally those with a post in one country and of one mode.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        group.MapGet("/{id}", GetBorderCrossing)
            .WithName("GetBorderCrossing")
            .WithSummary("One border crossing point with both sides, its status and sources.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<IReadOnlyList<BorderCrossingInfo>>, ValidationProblem>> ListBorderCrossings(
        string? country, string? mode, IBorderCrossingDirectory crossings, CancellationToken ct)
    {
        var filter = BorderCrossingFilter.Parse(country, mode);
        if (!filter.IsValid)
        {
            return Problems.Invalid(filter.Field!, filter.Error!);
        }

        return TypedResults.Ok(await crossings.ListAsync(filter.Value!, ct).ConfigureAwait(false));
    }

    private static async Task<Results<Ok<BorderCrossingInfo>, ValidationProblem, ProblemHttpResult>> GetBorderCrossing(
        string id, IBorderCrossingDirectory crossings, CancellationToken ct)
    {
        var value = id.Trim().ToUpperInvariant();
        if (value.Length is 0 or > 16 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            return Problems.Invalid("id", $"'{ReferenceCodes.Truncate(id)}' is not a crossing identifier; identifiers look like CN-KZ-01.");
        }

        var crossing = await crossings.FindAsync(value, ct).ConfigureAwait(false);
        return crossing is null
            ? Problems.NotFound($"There is no border crossing '{value}'. GET /api/v1/border-crossings lists them.")
            : TypedResults.Ok(crossing);
    }
}
