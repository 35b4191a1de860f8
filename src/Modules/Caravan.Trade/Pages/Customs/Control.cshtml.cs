using Caravan.Platform.Security;
using System.Text.Json;
using Caravan.Reference.Contracts;
using Caravan.Risk.Contracts;
using Caravan.Trade.Contracts;
using Caravan.Trade.Data;
using Caravan.Trade.Features.DecideOnControl;
using Caravan.Trade.Features.LodgeConsignment;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Caravan.Trade.Pages.Customs;

/// <summary>
/// An officer's decision on one control of their country: the declaration as the officer needs it, the decisions so
/// far, and a form offering only what the control's state allows. Decisions go through <see cref="CustomsWork"/>,
/// so a decision overtaken by a colleague's is refused with what is possible now.
/// </summary>
[Authorize(Policy = "permission:trade.control.decide")]
internal sealed class ControlModel(
    TradeDbContext db,
    CustomsWork work,
    ConsignmentQueries queries,
    ICountryDirectory countries,
    IBorderCrossingDirectory crossings,
    IEnumerable<IControlDocumentChecks> documentChecks,
    IStringLocalizer<TradeStrings> t,
    Caller caller) : PageModel
{
    /// <summary>One past decision as the officer reads it.</summary>
    public sealed record PastDecision(DateTimeOffset At, string Decision, string From, string To, string? ReasonCode, string? Note);

    public CustomsControlView Control { get; private set; } = null!;

    public ConsignmentView Consignment { get; private set; } = null!;

    public IReadOnlyList<PastDecision> Decisions { get; private set; } = [];

    public IReadOnlyList<string> Allowed { get; private set; } = [];

    public string? Channel { get; private set; }

    /// <summary>Why the control has its channel: the risk engine's assessments, newest first (one more per amendment).</summary>
    public IReadOnlyList<ControlAssessmentView> Assessments { get; private set; } = [];

    /// <summary>
    /// The documents attached to the consignment (certificates of origin …), verified by the modules that know them
    /// as the page opens, and recorded there; empty when none is attached.
    /// </summary>
    public IReadOnlyList<DocumentCheck> Documents { get; private set; } = [];

    public TradeDisplay Display { get; } = new(countries, crossings);

    /// <summary>The control's release-time measurement (docs/release-times.md), once the goods have arrived; and the target for its channel in minutes.</summary>
    public Domain.ControlReleaseTime? ReleaseTime { get; private set; }

    public int? TargetMinutes { get; private set; }

    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>Why the decision was not taken although it was well formed (the state moved on meanwhile).</summary>
    public string? Refusal { get; private set; }

    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public string? ReasonCode { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var result = await work.DecideAsync(id, new DecisionRequest(Decision, ReasonCode, Note), caller, ct);
        switch (result.Outcome)
        {
            case DecisionOutcome.Decided:
                return RedirectToPage(new { id, decided = result.Control!.State });
            case DecisionOutcome.NotFound:
                return NotFound();
            case DecisionOutcome.OutOfScope:
                return Forbid();
            case DecisionOutcome.Invalid:
                foreach (var (field, messages) in result.Errors!)
                {
                    Errors[field] = messages;
                }

                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
            default:
                Refusal = result.Allowed is { Count: > 0 } allowed
                    ? t["trade.control.conflict", t["trade.state." + result.State], string.Join(", ", allowed.Select(a => t["trade.decision." + a].Value))]
                    : t["trade.control.final", t["trade.state." + result.State]];
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
        }

        return await LoadAsync(id, ct) ?? Page();
    }

    /// <summary>Reads the control, its consignment and its decisions; a result instead when the caller may not see it.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var control = await db.Controls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (control is null)
        {
            return NotFound();
        }

        if (!caller.Has(TradePermissions.Decide, Scope.Country(control.Country)))
        {
            return Forbid();
        }

        var (_, consignment) = await queries.FindAsync(caller, control.ConsignmentId, ct);
        if (consignment is null)
        {
            return Forbid();
        }

        await Display.LoadAsync(ct);
        Consignment = consignment;
        Control = consignment.Controls.Single(c => c.Id == id);
        Channel = control.Channel;
        Allowed = ControlStateMachine.AllowedFrom(control.State);
        Assessments = (await db.Assessments.AsNoTracking().Where(a => a.ControlId == id).ToListAsync(ct))
            .OrderByDescending(a => a.AssessedAt).ThenByDescending(a => a.DeclarationVersion)
            .Select(a => new ControlAssessmentView(a.AssessedAt, a.DeclarationVersion, JsonSerializer.Deserialize<RiskAssessment>(a.Explanation, JsonSerializerOptions.Web)!))
            .ToList();
        var context = new ControlContext(consignment.Id, id, Control.Country, Control.Role);
        var documents = new List<DocumentCheck>();
        foreach (var checks in documentChecks)
        {
            documents.AddRange(await checks.CheckAsync(context, caller, ct));
        }

        Documents = documents;
        ReleaseTime = await db.ReleaseTimes.AsNoTracking().SingleOrDefaultAsync(r => r.ControlId == id && r.ArrivedAt != null, ct);
        TargetMinutes = control.Channel is null ? null
            : (await db.ReleaseTargets.AsNoTracking().SingleOrDefaultAsync(t => t.Country == control.Country && t.Channel == control.Channel, ct))?.Minutes;
        Decisions = (await db.Decisions.AsNoTracking().Where(d => d.ControlId == id).ToListAsync(ct))
            .OrderBy(d => d.DecidedAt)
            .Select(d => new PastDecision(d.DecidedAt, d.Decision, d.FromState, d.ToState, d.ReasonCode, d.Note))
            .ToList();
        return null;
    }

    public static bool NeedsReason(string decision) => ControlStateMachine.NeedsReason(decision);
}
