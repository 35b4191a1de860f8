using Caravan.Platform.Http;
using Caravan.Access.Contracts;
using Caravan.Origin.Contracts;
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
/// The exporter's application for a certificate of origin. It works as a plain form: "Fill from consignment" is a GET
/// with <c>?consignment=</c>, adding or removing a goods item is a post that comes back with the values kept.
/// Submitting goes through <see cref="Applications"/> like the API, so every refusal comes back by field, all at once.
/// </summary>
[Authorize(Policy = "permission:origin.certificate.apply")]
internal sealed class NewModel(
    Features.Apply.Applications applications,
    ApplicationCheck check,
    IssuerRegistry registry,
    IConsignmentDirectory consignments,
    IOrganisationDirectory organisations,
    ICountryDirectory countries,
    IStringLocalizer<OriginStrings> t,
    Caller caller) : PageModel
{
    public const int ConsignmentChoices = 50;

    public ApplicationForm Form { get; private set; } = new();

    /// <summary>Errors by the name of the input they belong to.</summary>
    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>A refusal that is not about a field.</summary>
    public string? Refusal { get; private set; }

    public OriginDisplay Display { get; } = new(countries);

    /// <summary>The issuing bodies on the trust list of the exporter's country.</summary>
    public IReadOnlyList<TrustedIssuerView> Issuers { get; private set; } = [];

    public IReadOnlyList<ConsignmentView> Consignments { get; private set; } = [];

    public ApplicationFormView FormView => new(Form, Errors, Display, Issuers, Consignments, null, "/origin/applications/new", t["origin.form.submit"]);

    public async Task OnGetAsync(Guid? consignment, CancellationToken ct)
    {
        var own = await LoadAsync(ct);
        if (own is not null)
        {
            Form.Set("exporter.name", own.Name);
            Form.Set("exporter.country", own.Country);
            Form.Set("exporter.identifier", own.NationalIdentifier);
        }

        if (Issuers.Count == 1)
        {
            Form.Set("issuingBody", Issuers[0].Id.ToString());
        }

        if (consignment is { } id)
        {
            if (await ConsignmentAsync(id, ct) is { } found)
            {
                Form.FillFrom(found);
            }
            else
            {
                Errors["consignmentId"] = [OriginMessages.ConsignmentUnknown.With().ToString()];
            }
        }
    }

    public async Task<IActionResult> OnPostAsync(string? action, CancellationToken ct)
    {
        await LoadAsync(ct);
        Form = ApplicationForm.Read(Request.Form);
        if (Form.Reshape(action))
        {
            return Page();
        }

        var local = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var request = Form.ToRequest(local, t["origin.form.number"], t["origin.form.date"]);
        if (local.Count > 0)
        {
            // Something did not read: nothing is submitted, but the exporter sees every other problem too.
            Collect(local);
            Collect(await CheckOnlyAsync(request, ct));
        }
        else
        {
            var outcome = ServiceOutcome<ApplicationView>.Of(await applications.SubmitAsync(request, caller, ct));
            if (outcome.Value is { } submitted)
            {
                return Redirect($"/origin/applications/{submitted.Id}?submitted=1");
            }

            if (outcome.Status == StatusCodes.Status403Forbidden)
            {
                return Forbid();
            }

            Refusal = outcome.Detail;
            Collect(outcome.Errors);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>What the service would say of an application that is not sent (some number did not read).</summary>
    private async Task<IReadOnlyDictionary<string, string[]>> CheckOnlyAsync(CertificateApplicationRequest request, CancellationToken ct)
    {
        var issuer = Issuers.FirstOrDefault(i => i.Id == request.IssuingBody) ?? (await registry.TrustListAsync(ct)).FirstOrDefault(i => i.Id == request.IssuingBody);
        if (issuer is null)
        {
            return new Dictionary<string, string[]> { ["issuingBody"] = [(request.IssuingBody is null ? OriginMessages.Required : OriginMessages.IssuingBodyUnknown).With().ToString()] };
        }

        var consignment = request.ConsignmentId is { } id ? await ConsignmentAsync(id, ct) : null;
        return await check.CheckAsync(request, issuer.Country, consignment, ct);
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

    /// <summary>The choices (issuing bodies of the exporter's country, its consignments); the exporter's organisation.</summary>
    private async Task<OrganisationInfo?> LoadAsync(CancellationToken ct)
    {
        await Display.LoadAsync(ct);
        var own = Guid.TryParse(caller.OrganisationId, out var id) && await organisations.FindAsync(caller, id, ct) is { Organisation: { } found } ? found : null;
        Issuers = (await registry.TrustListAsync(ct)).Where(i => i.Trusted && (own?.Country is null || i.Country == own.Country)).ToList();
        Consignments = await consignments.ListLodgedAsync(caller, ConsignmentChoices, ct);
        return own;
    }
}
