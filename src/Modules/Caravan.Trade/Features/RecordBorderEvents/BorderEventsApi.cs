using Caravan.Platform.Http;
using Caravan.Platform.Security;
using Caravan.Reference.Contracts;
using Caravan.Trade.Contracts;
using Caravan.Trade.Features.LodgeConsignment;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Caravan.Trade.Features.RecordBorderEvents;

internal static class BorderEventsApi
{
    public static void MapBorderEventsApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/consignments/{id}/events", Record)
            .WithTags("Consignments")
            .WithName("RecordBorderEvent")
            .WithSummary("Record what happened at a border, with when it happened. Late and out-of-order events are placed by their time; the same event twice is stored once (200 instead of 201).")
            .RequirePermission(TradePermissions.View)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/consignments/{id}/timeline", Timeline)
            .WithTags("Consignments")
            .WithName("GetTimeline")
            .WithSummary("The consignment's cross-border story in time order: lodging, each administration's decisions and the border events, each in the local time of its country.")
            .RequirePermission(TradePermissions.View)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Created, Ok, ValidationProblem, ProblemHttpResult>> Record(
        string id, BorderEventRequest request, Caller caller, ConsignmentQueries queries, BorderEventRecorder recorder, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var guid))
        {
            return Problems.Invalid("id", $"'{ReferenceCodes.Truncate(id)}' is not a consignment id (a GUID).");
        }

        var (visibility, _) = await queries.FindAsync(caller, guid, ct);
        if (visibility != Visibility.Found)
        {
            return visibility == Visibility.NotFound ? Problems.NotFound($"There is no consignment {guid}.") : Problems.Forbidden("This consignment is outside your scope.");
        }

        var (outcome, errors) = await recorder.RecordAsync(guid, request, caller, ct);
        return outcome switch
        {
            EventOutcome.Recorded => TypedResults.Created($"/api/v1/consignments/{guid}/timeline"),
            EventOutcome.Duplicate => TypedResults.Ok(),
            EventOutcome.Invalid => Problems.Invalid(errors!),
            EventOutcome.OutOfScope => Problems.Forbidden("You may report events of your own consignments, or events in your own country."),
            _ => Problems.NotFound($"There is no consignment {guid}."),
        };
    }

    private static async Task<Results<Ok<IReadOnlyList<TimelineEntry>>, ValidationProblem, ProblemHttpResult>> Timeline(
        string id, Caller caller, ConsignmentQueries queries, BorderEventRecorder recorder, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var guid))
        {
            return Problems.Invalid("id", $"'{ReferenceCodes.Truncate(id)}' is not a consignment id (a GUID).");
        }

        var (visibility, _) = await queries.FindAsync(caller, guid, ct);
        return visibility switch
        {
            Visibility.Found => TypedResults.Ok(await recorder.TimelineAsync(guid, ct)),
            Visibility.OutOfScope => Problems.Forbidden("This consignment is outside your scope."),
            _ => Problems.NotFound($"There is no consignment {guid}."),
        };
    }
}
