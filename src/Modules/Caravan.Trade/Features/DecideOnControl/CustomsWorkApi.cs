using System.Globalization;
using Caravan.Platform.Http;
using Caravan.Platform.Security;
using Caravan.Reference.Contracts;
using Caravan.Trade.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Caravan.Trade.Features.DecideOnControl;

internal static class CustomsWorkApi
{
    public static void MapCustomsWorkApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/customs/{country}/controls", Queue)
            .WithTags("Customs work")
            .WithName("ListControls")
            .WithSummary("An administration's work queue: its controls, oldest lodgement first, by state and crossing.")
            .RequirePermission(TradePermissions.View)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPost("/controls/{id}/decisions", Decide)
            .WithTags("Customs work")
            .WithName("DecideOnControl")
            .WithSummary("Accept, request documents, order a documentary or physical inspection, release or refuse. A decision the control's state does not allow is 409 with the ones it does. Send an Idempotency-Key (your message id) to make retries safe.")
            .RequirePermission(TradePermissions.Decide)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static readonly string[] States =
        [ControlStateMachine.PreArrival, ControlStateMachine.UnderAssessment, ControlStateMachine.DocumentsRequested, ControlStateMachine.Inspection, ControlStateMachine.Released, ControlStateMachine.Refused];

    private static async Task<Results<Ok<IReadOnlyList<QueuedControl>>, ValidationProblem, ProblemHttpResult>> Queue(
        string country, string? state, string? crossing, int? page, int? pageSize, Caller caller, CustomsWork work, CancellationToken ct)
    {
        var code = ReferenceCodes.ParseCountryCode(country);
        if (!code.IsValid)
        {
            return Problems.Invalid("country", code.Error!);
        }

        if (state is not null && !States.Contains(state))
        {
            return Problems.Invalid("state", $"'{ReferenceCodes.Truncate(state)}' is not a state; use one of {string.Join(", ", States)}.");
        }

        if (page is < 1 || pageSize is < 1 or > RequestLimits.MaxPageSize)
        {
            return Problems.Invalid("pageSize", $"page is 1 or more and pageSize between 1 and {RequestLimits.MaxPageSize.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (!caller.Has(TradePermissions.View, Scope.Country(code.Value!)))
        {
            return Problems.Forbidden($"Your grants do not cover the controls of {code.Value}.");
        }

        return TypedResults.Ok(await work.QueueAsync(code.Value!, state, crossing?.Trim().ToUpperInvariant(), page ?? 1, pageSize ?? 50, ct));
    }

    private static async Task<Results<Ok<QueuedControl>, ValidationProblem, ProblemHttpResult>> Decide(
        string id, DecisionRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, Caller caller, CustomsWork work, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var guid))
        {
            return Problems.Invalid("id", $"'{ReferenceCodes.Truncate(id)}' is not a control id (a GUID).");
        }

        if (idempotencyKey is { Length: 0 or > CustomsWork.MaxKeyLength })
        {
            return Problems.Invalid("Idempotency-Key", $"has 1 to {CustomsWork.MaxKeyLength} characters, e.g. your message id.");
        }

        var result = await work.DecideAsync(guid, request, caller, ct, idempotencyKey);
        return result.Outcome switch
        {
            DecisionOutcome.Decided => TypedResults.Ok(result.Control!),
            DecisionOutcome.Invalid => Problems.Invalid(result.Errors!),
            DecisionOutcome.OutOfScope => Problems.Forbidden("This control belongs to another country's administration."),
            DecisionOutcome.NotAllowedNow => TypedResults.Problem(
                detail: result.Allowed!.Count == 0
                    ? $"The control is {result.State}: no further decision is possible."
                    : $"The control is {result.State}; the decisions possible now are {string.Join(", ", result.Allowed)}.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Not possible in this state.",
                type: "https://caravan.example/problems/illegal-transition",
                extensions: new Dictionary<string, object?> { ["state"] = result.State, ["allowedDecisions"] = result.Allowed }),
            DecisionOutcome.KeyReused => TypedResults.Problem(
                detail: "This Idempotency-Key was used for a different decision on this control. Use a new key for a new message.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Conflict.",
                type: "https://caravan.example/problems/idempotency-key-reused"),
            _ => Problems.NotFound($"There is no control {guid}."),
        };
    }
}
