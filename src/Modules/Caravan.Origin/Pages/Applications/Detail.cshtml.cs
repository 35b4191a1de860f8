using Caravan.Platform.Http;
using System.Globalization;
using Caravan.Origin.Contracts;
using Caravan.Origin.Domain;
using Caravan.Origin.Features.Trust;
using Caravan.Platform.Security;
using Caravan.Reference.Contracts;
using Caravan.Trade.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Caravan.Origin.Pages.Applications;

/// <summary>
/// One application with every step of its review (who, when, what, why). The issuing body decides here while it is
/// submitted; the exporter reads the reason of a request for corrections and goes on to correct and resubmit it.
/// </summary>
[Authorize]
internal sealed class DetailModel(
    Features.Apply.Applications applications,
    IssuerRegistry registry,
    IConsignmentDirectory consignments,
    ICountryDirectory countries,
    IStringLocalizer<OriginStrings> t,
    TimeProvider clock,
    Caller caller) : PageModel
{
    public ApplicationView Application { get; private set; } = null!;

    public OriginDisplay Display { get; } = new(countries);

    /// <summary>The issuing body's country: the application's times are shown in its local time.</summary>
    public string? IssuerCountry { get; private set; }

    /// <summary>The linked consignment's reference, when the caller may see the consignment.</summary>
    public string? ConsignmentReference { get; private set; }

    public bool IsExporter => caller.OrganisationsFor(OriginPermissions.Apply).Contains(Application.Exporter);

    public bool MayDecide => Application.State == ApplicationStates.Submitted && caller.Has(OriginPermissions.Issue, Scope.Organisation(Application.IssuingBody.ToString()));

    public bool MayResubmit => Application.State == ApplicationStates.CorrectionsRequested && IsExporter;

    /// <summary>The reason of the last request for corrections or of the rejection, which the exporter must read.</summary>
    public ApplicationStepView? LastReason => Application.Steps.LastOrDefault(s => s.Action is "corrections-requested" or "rejected");

    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public string? Refusal { get; private set; }

    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? ValidUntil { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        ValidUntil = Display.LocalDate(clock.GetUtcNow().AddDays(365), IssuerCountry);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        DateTimeOffset? validUntil = null;
        if (Decision == "approve" && ValidUntil is { Length: > 0 } typed)
        {
            if (DateOnly.TryParseExact(typed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                // Valid through the day chosen, to its last second in the issuing body's local time.
                validUntil = Display.StartOf(day.AddDays(1), IssuerCountry).AddSeconds(-1);
            }
            else
            {
                Errors["validUntil"] = [t["origin.form.date"]];
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }
        }

        var outcome = ServiceOutcome<ApplicationView>.Of(await applications.ReviewAsync(id, new ReviewRequest(Decision, Reason, validUntil), caller, ct));
        if (outcome.Value is { } decided)
        {
            return Redirect($"/origin/applications/{id}?decided={decided.State}");
        }

        switch (outcome.Status)
        {
            case StatusCodes.Status403Forbidden: return Forbid();
            case StatusCodes.Status404NotFound: return NotFound();
        }

        foreach (var (field, messages) in outcome.Errors)
        {
            Errors[field] = messages;
        }

        Refusal = outcome.Detail;
        Response.StatusCode = outcome.Status;
        if (outcome.Status == StatusCodes.Status409Conflict)
        {
            // Decided meanwhile: show the application as it stands now.
            await LoadAsync(id, ct);
        }

        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await applications.FindAsync(caller, id, ct) is not { } application)
        {
            return NotFound();
        }

        Application = application;
        await Display.LoadAsync(ct);
        IssuerCountry = (await registry.TrustListAsync(ct)).FirstOrDefault(i => i.Id == application.IssuingBody)?.Country;
        ConsignmentReference = application.Content.ConsignmentId is { } consignment ? (await consignments.FindAsync(caller, consignment, ct))?.Reference : null;
        return null;
    }
}
