using Caravan.Platform.Http;
using Caravan.Reference.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Caravan.Reference.Features.Countries;

internal static class CountriesApi
{
    public static void MapCountriesApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/countries").WithTags("Countries").CompressPublicResponse();

        group.MapGet("/", async (ICountryDirectory countries, CancellationToken ct) =>
                TypedResults.Ok(await countries.ListAsync(ct).ConfigureAwait(false)))
            .WithName("ListCountries")
            .WithSummary("The six member states, with names in nine languages.");

        group.MapGet("/{code}", GetCountry)
            .WithName("GetCountry")
            .WithSummary("One member state by its ISO 3166-1 alpha-2 code.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<CountryInfo>, ValidationProblem, ProblemHttpResult>> GetCountry(
        string code, ICountryDirectory countries, CancellationToken ct)
    {
        var parsed = ReferenceCodes.ParseCountryCode(code);
        if (!parsed.IsValid)
        {
            return Problems.Invalid("code", parsed.Error!);
        }

        var country = await countries.FindAsync(parsed.Value!, ct).ConfigureAwait(false);
        return country is null
            ? Problems.NotFound($"{parsed.Value} is not a member state of the China–Central Asia mechanism; the members are {string.Join(", ", ReferenceCodes.MemberStates)}.")
            : TypedResults.Ok(country);
    }
}
