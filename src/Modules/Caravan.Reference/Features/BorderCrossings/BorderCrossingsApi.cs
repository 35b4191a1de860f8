using Caravan.Platform.Http;
using Caravan.Reference.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Caravan.Reference.Features.BorderCrossings;

internal static class BorderCrossingsApi
{
    public static readonly IReadOnlyList<string> Modes = ["road", "rail"];

    public static void MapBorderCrossingsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/border-crossings").WithTags("Border crossings");

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

    /// <summary>Validates a list filter as the API and the web pages both need it.</summary>
    public static Parsed<BorderCrossingFilter> ParseFilter(string? country, string? mode, out string? field)
    {
        field = null;
        string? countryCode = null;
        if (!string.IsNullOrWhiteSpace(country))
        {
            var parsed = ReferenceCodes.ParseCountryCode(country);
            if (!parsed.IsValid)
            {
                field = "country";
                return Parsed<BorderCrossingFilter>.Fail(parsed.Error!);
            }

            countryCode = parsed.Value;
        }

        string? modeName = null;
        if (!string.IsNullOrWhiteSpace(mode))
        {
            modeName = mode.Trim().ToLowerInvariant();
            if (!Modes.Contains(modeName))
            {
                field = "mode";
                return Parsed<BorderCrossingFilter>.Fail($"'{ReferenceCodes.Truncate(mode)}' is not a transport mode of a crossing; use road or rail.");
            }
        }

        return Parsed<BorderCrossingFilter>.Ok(new BorderCrossingFilter(countryCode, modeName));
    }

    private static async Task<Results<Ok<IReadOnlyList<BorderCrossingInfo>>, ValidationProblem>> ListBorderCrossings(
        string? country, string? mode, IBorderCrossingDirectory crossings, CancellationToken ct)
    {
        var filter = ParseFilter(country, mode, out var field);
        if (!filter.IsValid)
        {
            return Problems.Invalid(field!, filter.Error!);
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
