using Caravan.Platform.Http;
using Caravan.Origin.Contracts;
using Caravan.Origin.Domain;
using Caravan.Origin.Features.Apply;
using Caravan.Origin.Features.Trust;
using Caravan.Origin.Localization;
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
/// The exporter corrects an application the issuing body returned, and sends it again (the API's PUT): the same
/// form, filled in with the application as it stands, with the issuer's reason above it.
/// </summary>
[Authorize(Policy = "permission:origin.certificate.apply")]
internal sealed class EditModel(
    Features.Apply.Applications applications,
    ApplicationCheck check,
    IssuerRegistry registry,
    IConsignmentDirectory consignments,
    ICountryDirectory countries,
    IStringLocalizer<OriginStrings> t,
    Caller caller) : PageModel
{
    public ApplicationView Application { get; private set; } = null!;

    public ApplicationForm Form { get; private set; } = new();

    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public string? Refusal { get; private set; }

    public OriginDisplay Display { get; } = new(countries);

    public TrustedIssuerView? Issuer { get; private set; }

    public IReadOnlyList<ConsignmentView> Consignments { get; private set; } = [];

    /// <summary>Why the issuing body returned it: the reason of the last request for corrections.</summary>
    public string? Reason => Application.Steps.LastOrDefault(s => s.Action == "corrections-requested")?.Reason;

    public bool Editable => Application.State == ApplicationStates.CorrectionsRequested;

    public ApplicationFormView FormView => new(Form, Errors, Display, Issuer is null ? [] : [Issuer], Consignments, Issuer, $"/origin/applications/{Application.Id}/edit", t["origin.edit.submit"]);

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? consignment, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        Form = ApplicationForm.FromRequest(Application.Content);
        if (consignment is { } chosen)
        {
            if (await ConsignmentAsync(chosen, ct) is { } found)
            {
                Form.FillFrom(found);
            }
            else
            {
                Errors["consignmentId"] = [OriginMessages.ConsignmentUnknown.With().ToString()];
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? action, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }

        Form = ApplicationForm.Read(Request.Form);
        Form.Set("issuingBody", Application.IssuingBody.ToString());
        if (Form.Reshape(action))
        {
            return Page();
        }

        var local = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var request = Form.ToRequest(local, t["origin.form.number"], t["origin.form.date"]);
        if (local.Count > 0)
        {
            Collect(local);
            var consignment = request.ConsignmentId is { } chosen ? await ConsignmentAsync(chosen, ct) : null;
            Collect(Issuer is null ? new Dictionary<string, string[]>() : await check.CheckAsync(request, Issuer.Country, consignment, ct));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var outcome = ServiceOutcome<ApplicationView>.Of(await applications.ResubmitAsync(id, request, caller, ct));
        if (outcome.Value is not null)
        {
            return Redirect($"/origin/applications/{id}?resubmitted=1");
        }

        switch (outcome.Status)
        {
            case StatusCodes.Status403Forbidden: return Forbid();
            case StatusCodes.Status404NotFound: return NotFound();
        }

        Refusal = outcome.Detail;
        Collect(outcome.Errors);
        Response.StatusCode = outcome.Status;
        return Page();
    }

    private void Collect(IReadOnlyDictionary<string, string[]> errors)
    {
        foreach (var (field, messages) in errors)
        {
            var input = ApplicationForm.FieldOf(field);
            if (!Errors.ContainsKey(input))
            {
                Errors[input] = messages;
            }
        }
    }

    private async Task<ConsignmentView?> ConsignmentAsync(Guid id, CancellationToken ct) =>
        Consignments.FirstOrDefault(c => c.Id == id)
        ?? (await consignments.LodgedByAsync(caller, id, ct) ? await consignments.FindAsync(caller, id, ct) : null);

    /// <summary>The application if the caller is its exporter; otherwise what to answer instead.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await applications.FindAsync(caller, id, ct) is not { } application)
        {
            return NotFound();
        }

        if (!caller.OrganisationsFor(OriginPermissions.Apply).Contains(application.Exporter))
        {
            return Forbid();
        }

        Application = application;
        await Display.LoadAsync(ct);
        Issuer = (await registry.TrustListAsync(ct)).FirstOrDefault(i => i.Id == application.IssuingBody);
        Consignments = await consignments.ListLodgedAsync(caller, NewModel.ConsignmentChoices, ct);
        return null;
    }
}
