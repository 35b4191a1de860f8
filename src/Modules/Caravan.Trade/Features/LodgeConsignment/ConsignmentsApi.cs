using Caravan.Platform.Http;
using Caravan.Platform.Security;
using Caravan.Trade.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Caravan.Trade.Features.LodgeConsignment;

internal static class ConsignmentsApi
{
    public static void MapConsignmentsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/consignments").WithTags("Consignments");

        group.MapPost("/", Lodge)
            .WithName("LodgeConsignment")
            .WithSummary("Declare a consignment once: every problem is reported at once by field; on success one customs control is created per country on the route. Send an Idempotency-Key to make retries safe.")
            .RequirePermission(TradePermissions.Lodge)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/", async (Caller caller, ConsignmentQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListVisibleAsync(caller, 50, ct)))
            .WithName("ListConsignments")
            .WithSummary("The newest 50 consignments the caller may see: its organisation's, or those passing through its countries.")
            .RequirePermission(TradePermissions.View)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/{id}", Get)
            .WithName("GetConsignment")
            .WithSummary("One consignment with its customs controls, if the caller may see it.")
            .RequirePermission(TradePermissions.View)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Created<ConsignmentView>, ValidationProblem, ProblemHttpResult>> Lodge(
        ConsignmentDeclaration declaration,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        Caller caller,
        ConsignmentLodging lodging,
        DocumentRequirements requirements,
        HttpResponse response,
        CancellationToken ct)
    {
        if (idempotencyKey is { Length: 0 or > ConsignmentLodging.MaxKeyLength })
        {
            return Problems.Invalid("Idempotency-Key", $"has 1 to {ConsignmentLodging.MaxKeyLength} characters, e.g. a UUID.");
        }

        var result = await lodging.LodgeAsync(declaration, caller, idempotencyKey, ct);
        if (result.Consignment is { } lodged)
        {
            response.Headers.ETag = AmendConsignment.AmendConsignmentApi.ETag(lodged.Version);
        }

        return result.Outcome switch
        {
            LodgeOutcome.Lodged or LodgeOutcome.Replayed => TypedResults.Created($"/api/v1/consignments/{result.Consignment!.Id}", await requirements.WithMissingAsync(result.Consignment, ct)),
            LodgeOutcome.Invalid => Problems.Invalid(result.Errors!),
            LodgeOutcome.KeyReused => TypedResults.Problem(
                detail: "This Idempotency-Key was used for a different declaration. Use a new key for a new consignment.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Conflict.",
                type: "https://caravan.example/problems/idempotency-key-reused"),
            _ => Problems.Forbidden("Only a trader lodges consignments, for its own organisation."),
        };
    }

    private static async Task<Results<Ok<ConsignmentView>, ValidationProblem, ProblemHttpResult>> Get(
        string id, Caller caller, ConsignmentQueries queries, DocumentRequirements requirements, HttpResponse response, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var guid))
        {
            return Problems.Invalid("id", $"'{Caravan.Reference.Contracts.ReferenceCodes.Truncate(id)}' is not a consignment id (a GUID).");
        }

        var (visibility, consignment) = await queries.FindAsync(caller, guid, ct);
        if (consignment is not null)
        {
            // The version to send back in If-Match when amending.
            response.Headers.ETag = AmendConsignment.AmendConsignmentApi.ETag(consignment.Version);
        }

        return visibility switch
        {
            Visibility.Found => TypedResults.Ok(await requirements.WithMissingAsync(consignment!, ct)),
            Visibility.OutOfScope => Problems.Forbidden("This consignment neither belongs to your organisation nor passes through your country."),
            _ => Problems.NotFound($"There is no consignment {guid}."),
        };
    }
}
