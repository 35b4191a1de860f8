using Caravan.Platform.Http;
using System.Text;
using Caravan.Origin.Contracts;
using Caravan.Origin.Domain;
using Caravan.Origin.Features.Issue;
using Caravan.Origin.Rendering;
using Caravan.Platform.Security;
using Caravan.Reference.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Caravan.Origin.Pages.Certificates;

/// <summary>
/// A certificate as its exporter, its issuer and the importing administration see it: the record and its status,
/// the goods as the signed token states them, and the ways to take it along (print, PDF, the token itself) or check
/// it. Its issuer suspends it, lifts a suspension or revokes it here, with a reason.
/// </summary>
[Authorize]
internal sealed class DetailModel(
    Features.Status.Certificates certificates,
    CertificatePrinting printing,
    ICountryDirectory countries,
    IStringLocalizer<OriginStrings> t,
    Caller caller) : PageModel
{
    public CertificateView Certificate { get; private set; } = null!;

    public PrintedCertificate Printed { get; private set; } = null!;

    public OriginDisplay Display { get; } = new(countries);

    public bool MayChangeStatus => caller.Has(OriginPermissions.Issue, Scope.Organisation(Certificate.IssuingBody.ToString()));

    /// <summary>The exporter and the issuer read the application it came from.</summary>
    public bool SeesApplication => caller.Has(OriginPermissions.Apply) || caller.Has(OriginPermissions.Issue) || caller.Has(OriginPermissions.ManageTrust);

    /// <summary>Which status form failed: suspended, active or revoked.</summary>
    public string? FailedForm { get; private set; }

    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public string? Refusal { get; private set; }

    public string? TypedReason { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    /// <summary>The certificate itself, the compact JWS, as a file to keep or send.</summary>
    public async Task<IActionResult> OnGetTokenAsync(Guid id, CancellationToken ct)
    {
        if (await certificates.FindAsync(caller, id, ct) is not { } found)
        {
            return NotFound();
        }

        return File(Encoding.ASCII.GetBytes(found.Row.Token), CertificateCredential.MediaType, $"certificate-of-origin-{found.View.Number}.jwt");
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid id, string? status, string? reason, bool confirm, CancellationToken ct)
    {
        FailedForm = status;
        TypedReason = reason;
        if (status == CertificateStatuses.Revoked && !confirm)
        {
            Errors["confirm"] = [t["origin.cert.revoke.confirmrequired"]];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(id, ct) ?? Page();
        }

        var outcome = ServiceOutcome<CertificateView>.Of(await certificates.ChangeStatusAsync(id, new StatusChangeRequest(status, reason), caller, ct));
        if (outcome.Value is { } changed)
        {
            return Redirect($"/origin/certificates/{id}?changed={changed.Status}");
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
        return await LoadAsync(id, ct) ?? Page();
    }

    public string? Error(string form, string field) =>
        FailedForm == form && Errors.TryGetValue(field, out var m) ? string.Join(" ", m) : null;

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await certificates.FindAsync(caller, id, ct) is not { } found)
        {
            return NotFound();
        }

        Certificate = found.View;
        await Display.LoadAsync(ct);
        Printed = await printing.PrintableAsync(found.Row, found.View, ct);
        return null;
    }
}
