using Caravan.Access.Contracts;
using Caravan.Platform.Security;
using Caravan.Reference.Contracts;
using Caravan.Trade.Contracts;
using Caravan.Trade.Data;
using Caravan.Trade.Features.AmendConsignment;
using Caravan.Trade.Features.CancelConsignment;
using Caravan.Trade.Features.LodgeConsignment;
using Caravan.Trade.Features.RecordBorderEvents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Caravan.Trade.Pages.Consignments;

/// <summary>
/// One consignment as its trader and the administrations on its route see it: the route with each control's state
/// and channel, the goods, the cross-border timeline in local times, and each version of the declaration with what
/// it changed. The lodging trader may amend or withdraw it here while that is still possible. A script keeps status,
/// controls and timeline current.
/// </summary>
[Authorize(Policy = "permission:trade.consignment.view")]
internal sealed class DetailModel(
    ConsignmentQueries queries,
    BorderEventRecorder events,
    ConsignmentAmendment amendments,
    ConsignmentCancellation cancellation,
    DocumentRequirements requirements,
    TradeDbContext db,
    IOrganisationDirectory organisations,
    ICountryDirectory countries,
    IBorderCrossingDirectory crossings,
    IStringLocalizer<TradeStrings> t,
    Caller caller) : PageModel
{
    /// <summary>One version of the declaration as the page lists it, with its changes already named in words.</summary>
    public sealed record VersionRow(int Version, string Kind, DateTimeOffset At, string By, IReadOnlyList<ChangeRow> Changes);

    /// <param name="Field">The path, kept for tests and as the row's key.</param>
    public sealed record ChangeRow(string Field, string Label, string? Before, string? After);

    public ConsignmentView Consignment { get; private set; } = null!;

    /// <summary>Each released control's time from arrival at its crossing to release, in seconds (docs/release-times.md).</summary>
    public IReadOnlyDictionary<Guid, long> Waited { get; private set; } = new Dictionary<Guid, long>();

    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];

    public IReadOnlyList<VersionRow> Versions { get; private set; } = [];

    public TradeDisplay Display { get; } = new(countries, crossings);

    /// <summary>Whether the caller's organisation lodged it (only it amends or withdraws).</summary>
    public bool Lodger { get; private set; }

    public bool CanAmend => Lodger && AmendModel.Amendable(Consignment);

    public bool CanWithdraw => Lodger && ConsignmentCancellation.Allowed(Consignment);

    /// <summary>The reason typed, kept when the withdrawal is refused.</summary>
    public string? Reason { get; private set; }

    public string? WithdrawError { get; private set; }

    public string? WithdrawProblem { get; private set; }

    /// <summary>Whether the caller decides on controls (officers get a link to each control of their country).</summary>
    public bool Decides(string country) => caller.Has(TradePermissions.Decide, Scope.Country(country));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, string? reason, CancellationToken ct)
    {
        var result = await cancellation.CancelAsync(id, reason, caller, ct);
        switch (result.Outcome)
        {
            case CancelOutcome.Cancelled:
                return RedirectToPage(new { id, withdrawn = 1 });
            case CancelOutcome.NotFound:
                return NotFound();
            case CancelOutcome.NotLodgedByCaller:
                return Forbid();
            case CancelOutcome.ReasonMissing:
                WithdrawError = t["trade.withdraw.required"];
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
            default:
                WithdrawProblem = t["trade.withdraw.notnow"];
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
        }

        Reason = reason;
        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var (visibility, consignment) = await queries.FindAsync(caller, id, ct);
        switch (visibility)
        {
            case Features.LodgeConsignment.Visibility.NotFound: return NotFound();
            case Features.LodgeConsignment.Visibility.OutOfScope: return Forbid();
        }

        Consignment = await requirements.WithMissingAsync(consignment!, ct);
        await Display.LoadAsync(ct);
        Timeline = await events.TimelineAsync(id, ct);
        var controlIds = Consignment.Controls.Select(c => c.Id).ToList();
        Waited = await db.ReleaseTimes.AsNoTracking().Where(r => controlIds.Contains(r.ControlId) && r.ArrivalToReleaseSeconds != null)
            .ToDictionaryAsync(r => r.ControlId, r => r.ArrivalToReleaseSeconds!.Value, ct);
        var organisation = await db.Consignments.AsNoTracking().Where(c => c.Id == id).Select(c => c.LodgedByOrganisation).SingleAsync(ct);
        Lodger = ConsignmentQueries.LodgedBy(caller, organisation);
        var lodgedBy = await organisations.FindAsync(caller, organisation, ct) is { Organisation: { } known } ? known.Name : Consignment.Declaration.Declarant?.Name ?? "—";
        var labels = new FieldLabels(t, Display, Consignment.Declaration.Route?.Countries ?? []);
        Versions = (await amendments.VersionsAsync(id, ct))
            .OrderByDescending(v => v.Version)
            .Select(v => new VersionRow(v.Version, v.Kind, v.RecordedAt, Who(v.RecordedBy, lodgedBy), v.Changes.Select(c => new ChangeRow(c.Field, labels.Of(c.Field), c.Before, c.After)).ToList()))
            .ToList();
        return null;
    }

    /// <summary>Who recorded a version, as far as the caller may know: themselves, a person or a system of the lodging trader.</summary>
    private string Who(string recordedBy, string organisation) =>
        recordedBy == caller.Id ? t["trade.versions.you"]
            : Guid.TryParse(recordedBy, out _) ? t["trade.versions.person", organisation]
            : t["trade.versions.system", recordedBy];
}
