using Caravan.Origin.Contracts;
using Caravan.Origin.Rendering;
using Caravan.Platform.Security;
using Caravan.Reference.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caravan.Origin.Pages.Certificates;

/// <summary>
/// The certificate on paper: what the signed token says, in the reader's language, with the QR code of its public
/// verification page. The print style sheet leaves out the site's header, navigation and buttons.
/// </summary>
[Authorize]
internal sealed class PrintModel(Features.Status.Certificates certificates, CertificatePrinting printing, ICountryDirectory countries, Caller caller) : PageModel
{
    public CertificateView Certificate { get; private set; } = null!;

    public PrintedCertificate Printed { get; private set; } = null!;

    public OriginDisplay Display { get; } = new(countries);

    /// <summary>The QR code of the verification page, as inline SVG.</summary>
    public string QrSvg { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await certificates.FindAsync(caller, id, ct) is not { } found)
        {
            return NotFound();
        }

        Certificate = found.View;
        await Display.LoadAsync(ct);
        Printed = await printing.PrintableAsync(found.Row, found.View, ct);
        QrSvg = QrCodes.Svg(found.View.VerificationUrl);
        return Page();
    }
}
