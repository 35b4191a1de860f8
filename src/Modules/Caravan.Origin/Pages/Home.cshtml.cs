using Caravan.Origin.Contracts;
using Caravan.Origin.Domain;
using Caravan.Platform.Security;
using Caravan.Reference.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caravan.Origin.Pages;

/// <summary>
/// Certificates of origin, for whoever works with them: an exporter's applications and certificates; an issuing
/// body's review queue (submitted first, oldest first) and what it issued; an importing administration's certificates.
/// </summary>
[Authorize]
internal sealed class HomeModel(Features.Apply.Applications applications, Features.Status.Certificates certificates, ICountryDirectory countries, Caller caller) : PageModel
{
    /// <summary>The most rows a list shows (newest first); the API lists them all.</summary>
    public const int MaxRows = 200;

    public OriginDisplay Display { get; } = new(countries);

    public bool Applies => caller.Has(OriginPermissions.Apply);

    public bool Issues => caller.Has(OriginPermissions.Issue);

    public bool ManagesTrust => caller.Has(OriginPermissions.ManageTrust);

    /// <summary>Whether the lists name the issuing body: not for an issuer, whose lists are all its own body's.</summary>
    public bool SeveralBodies => !Issues || ManagesTrust || caller.HoldsPlatformWide(OriginPermissions.Issue);

    /// <summary>Applications in the order the caller works through them: submitted ones first, the longest waiting on top.</summary>
    public IReadOnlyList<ApplicationView> Applications { get; private set; } = [];

    public IReadOnlyList<CertificateView> Certificates { get; private set; } = [];

    public int Waiting => Applications.Count(a => a.State == ApplicationStates.Submitted);

    /// <summary>The exporter's name as the application states it, for the certificates' list.</summary>
    public string? ExporterOf(CertificateView certificate) =>
        Applications.FirstOrDefault(a => a.Id == certificate.ApplicationId)?.Content.Exporter?.Name;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Applies && !Issues && !ManagesTrust && !caller.Has(OriginPermissions.View))
        {
            return Forbid();
        }

        await Display.LoadAsync(ct);
        var all = await applications.ListAsync(caller, null, ct);
        var waiting = all.Where(a => a.State == ApplicationStates.Submitted).OrderBy(a => a.UpdatedAt);
        var rest = all.Where(a => a.State != ApplicationStates.Submitted).OrderByDescending(a => a.UpdatedAt);
        Applications = (Issues ? waiting.Concat(rest) : all.OrderByDescending(a => a.UpdatedAt)).Take(MaxRows).ToList();
        Certificates = (await certificates.ListAsync(caller, null, ct)).Take(MaxRows).ToList();
        return Page();
    }
}
