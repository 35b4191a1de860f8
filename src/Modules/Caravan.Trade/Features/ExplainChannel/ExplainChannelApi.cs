using System.Text.Json;
using Caravan.Platform.Http;
using Caravan.Platform.Security;
using Caravan.Reference.Contracts;
using Caravan.Risk.Contracts;
using Caravan.Trade.Contracts;
using Caravan.Trade.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Caravan.Trade.Features.ExplainChannel;

/// <summary>
/// Why a control got its channel: every assessment of it, newest first, with the profile version, the rules that
/// fired and their scores, the AEO treatment and the random draw. For the administration's officers and analysts
/// only; the trader sees the channel, never the reasons.
/// </summary>
internal static class ExplainChannelApi
{
    public static void MapExplainChannelApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/controls/{id}/assessments", Explain)
            .WithTags("Customs")
            .WithName("ExplainChannel")
            .WithSummary("Why the control has its channel: each risk assessment, newest first. Officers and analysts of the control's country only.")
            .RequirePermission(TradePermissions.View)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<List<ControlAssessmentView>>, ValidationProblem, ProblemHttpResult>> Explain(string id, Caller caller, TradeDbContext db, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var guid))
        {
            return Problems.Invalid("id", $"'{ReferenceCodes.Truncate(id)}' is not a control id (a GUID).");
        }

        var control = await db.Controls.AsNoTracking().Include(c => c.Assessments).SingleOrDefaultAsync(c => c.Id == guid, ct);
        if (control is null)
        {
            return Problems.NotFound($"There is no customs control {guid}.");
        }

        var country = Scope.Country(control.Country);
        if (!caller.Has(TradePermissions.Decide, country) && !caller.Has(RiskPermissions.View, country))
        {
            return Problems.Forbidden($"The reasons for a channel are for the customs administration of {control.Country}; the consignment shows the channel itself.");
        }

        return TypedResults.Ok(control.Assessments.OrderByDescending(a => a.AssessedAt).ThenByDescending(a => a.DeclarationVersion)
            .Select(a => new ControlAssessmentView(a.AssessedAt, a.DeclarationVersion, JsonSerializer.Deserialize<RiskAssessment>(a.Explanation, JsonSerializerOptions.Web)!))
            .ToList());
    }
}
