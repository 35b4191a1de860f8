using Caravan.Origin.Contracts;
using Caravan.Origin.Features.Verify;
using Caravan.Origin.Localization;
using Caravan.Origin.Rendering;
using Caravan.Origin.Signing;
using Caravan.Reference.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Caravan.Origin.Pages.Verify;

/// <summary>
/// Public verification, no sign-in: paste a certificate's token or upload its PDF, or open a certificate's page from
/// its QR code (<c>/verify/{id}</c>, which verifies the token the platform keeps). The four questions are answered
/// separately, and the overall verdict stands out, as TradeTrust shows it.
/// </summary>
[AllowAnonymous]
[RequestSizeLimit(VerifyModel.MaxRequest)]
[RequestFormLimits(MultipartBodyLengthLimit = VerifyModel.MaxRequest, ValueLengthLimit = CompactJws.MaxLength + 1024)]
internal sealed class VerifyModel(CertificateVerifier verifier, Features.Status.Certificates certificates, ICountryDirectory countries, IStringLocalizer<OriginStrings> t) : PageModel
{
    /// <summary>The largest PDF read (a certificate's PDF is a few tens of kilobytes).</summary>
    public const int MaxPdf = 5 * 1024 * 1024;

    /// <summary>The largest request: a PDF and a pasted token, with room for the form around them.</summary>
    public const int MaxRequest = MaxPdf + CompactJws.MaxLength + 64 * 1024;

    public OriginDisplay Display { get; } = new(countries);

    public VerificationResult? Result { get; private set; }

    /// <summary>The certificate whose stored token was verified (opened from its QR code).</summary>
    public Guid? CertificateId { get; private set; }

    /// <summary>The token as pasted, to show it again.</summary>
    public string? Token { get; private set; }

    /// <summary>Why nothing could be verified, and the input it concerns (token or pdf).</summary>
    public (string Field, string Message)? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        await Display.LoadAsync(ct);
        if (id is { } certificate)
        {
            if (await certificates.TokenAsync(certificate, ct) is not { } token)
            {
                return NotFound();
            }

            CertificateId = certificate;
            Result = await verifier.VerifyAsync(token, null, ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? token, IFormFile? pdf, CancellationToken ct)
    {
        await Display.LoadAsync(ct);
        Token = token;
        if (pdf is { Length: > 0 })
        {
            if (pdf.Length > MaxPdf)
            {
                return Refuse("pdf", t["origin.verify.pdftoolarge", MaxPdf / (1024 * 1024)]);
            }

            using var buffer = new MemoryStream((int)pdf.Length);
            await pdf.CopyToAsync(buffer, ct);
            token = CertificatePdf.ExtractToken(buffer.ToArray());
            if (token is null)
            {
                return Refuse("pdf", t["origin.verify.nopdftoken"]);
            }
        }

        if (string.IsNullOrWhiteSpace(token))
        {
            return Refuse("token", OriginMessages.IntegrityEmpty.With().ToString());
        }

        if (token.Length > CompactJws.MaxLength)
        {
            return Refuse("token", t["origin.verify.tokentoolarge", CompactJws.MaxLength]);
        }

        Result = await verifier.VerifyAsync(token.Trim(), null, ct);
        return Page();
    }

    private PageResult Refuse(string field, string message)
    {
        Problem = (field, message);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
