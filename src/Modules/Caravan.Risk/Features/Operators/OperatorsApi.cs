using Caravan.Platform.Security;
using Caravan.Risk.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Caravan.Risk.Features.Operators;

/// <summary>
/// Each country's register of Authorised Economic Operators, and the mutual recognition arrangements between
/// countries under which one country's AEO is treated as lower risk in the other.
/// </summary>
internal static class OperatorsApi
{
    public static void MapOperatorsApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/risk/{country}/operators", List).WithTags("Risk").WithName("ListEconomicOperators")
            .WithSummary("The country's Authorised Economic Operators with validity and status.")
            .RequirePermission(RiskPermissions.View).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);
        api.MapPost("/risk/{country}/operators", Register).WithTags("Risk").WithName("RegisterEconomicOperator")
            .WithSummary("Register a trader of the country as an Authorised Economic Operator, with its certificate and validity.")
            .RequirePermission(RiskPermissions.Manage).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(409);
        api.MapPost("/risk/{country}/operators/{id}/status", ChangeStatus).WithTags("Risk").WithName("ChangeEconomicOperatorStatus")
            .WithSummary("Suspend, revoke or reinstate an AEO, with a reason; it counts from now.")
            .RequirePermission(RiskPermissions.Manage).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        api.MapGet("/risk/arrangements", Arrangements).WithTags("Risk").WithName("ListRecognitionArrangements")
            .WithSummary("Mutual recognition arrangements between the countries, in force or ended.")
            .RequirePermission(RiskPermissions.View).ProducesProblem(401).ProducesProblem(403);
        api.MapPost("/risk/arrangements", Conclude).WithTags("Risk").WithName("RegisterRecognitionArrangement")
            .WithSummary("Register an arrangement between two countries; an analyst of either country may.")
            .RequirePermission(RiskPermissions.Manage).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(409);
        api.MapPost("/risk/arrangements/{id}/end", End).WithTags("Risk").WithName("EndRecognitionArrangement")
            .WithSummary("End (suspend or terminate) an arrangement from a date.")
            .RequirePermission(RiskPermissions.Manage).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
    }

    private static Task<Results<Ok<List<OperatorView>>, ValidationProblem, ProblemHttpResult>> List(string country, Caller caller, OperatorRegister service, CancellationToken ct) =>
        service.ListAsync(country, caller, ct);

    private static Task<Results<Created<OperatorView>, ValidationProblem, ProblemHttpResult>> Register(string country, NewOperator request, Caller caller, OperatorRegister service, CancellationToken ct) =>
        service.RegisterAsync(country, request, caller, ct);

    private static Task<Results<Ok<OperatorView>, ValidationProblem, ProblemHttpResult>> ChangeStatus(string country, string id, OperatorStatusChange request, Caller caller, OperatorRegister service, CancellationToken ct) =>
        service.ChangeStatusAsync(country, id, request, caller, ct);

    private static Task<Ok<List<ArrangementView>>> Arrangements(OperatorRegister service, CancellationToken ct) =>
        service.ArrangementsAsync(ct);

    private static Task<Results<Created<ArrangementView>, ValidationProblem, ProblemHttpResult>> Conclude(NewArrangement request, Caller caller, OperatorRegister service, CancellationToken ct) =>
        service.ConcludeAsync(request, caller, ct);

    private static Task<Results<Ok<ArrangementView>, ValidationProblem, ProblemHttpResult>> End(string id, ArrangementEnd request, Caller caller, OperatorRegister service, CancellationToken ct) =>
        service.EndAsync(id, request, caller, ct);
}
