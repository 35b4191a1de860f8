using Caravan.Platform.Security;
using Caravan.Risk.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Caravan.Risk.Features.Alerts;

/// <summary>
/// Shared alerts: one country's analysts publish an alert to chosen partners; their engines use it wherever their
/// profile has an <c>alert</c> rule; recipients say what they did with it and the sender sees that.
/// </summary>
internal static class AlertsApi
{
    public static void MapAlertsApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/risk/{country}/alerts", Publish).WithTags("Risk").WithName("PublishAlert")
            .WithSummary("Publish an alert from the country to chosen partner countries.")
            .RequirePermission(RiskPermissions.Manage).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);
        api.MapGet("/risk/{country}/alerts", List).WithTags("Risk").WithName("ListAlerts")
            .WithSummary("Alerts the country sent (with what each recipient did) and received.")
            .RequirePermission(RiskPermissions.View).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);
        api.MapPost("/risk/alerts/{id}/acknowledgements", Acknowledge).WithTags("Risk").WithName("AcknowledgeAlert")
            .WithSummary("A recipient says what it did with an alert; the sender sees it.")
            .RequirePermission(RiskPermissions.Manage).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
    }

    private static Task<Results<Created<AlertView>, ValidationProblem, ProblemHttpResult>> Publish(string country, NewAlert request, Caller caller, SharedAlerts service, CancellationToken ct) =>
        service.PublishAsync(country, request, caller, ct);

    private static Task<Results<Ok<List<AlertView>>, ValidationProblem, ProblemHttpResult>> List(string country, Caller caller, SharedAlerts service, CancellationToken ct) =>
        service.ListAsync(country, caller, ct);

    private static Task<Results<Ok<AlertView>, ValidationProblem, ProblemHttpResult>> Acknowledge(string id, AlertAcknowledgementRequest request, Caller caller, SharedAlerts service, CancellationToken ct) =>
        service.AcknowledgeAsync(id, request, caller, ct);
}
