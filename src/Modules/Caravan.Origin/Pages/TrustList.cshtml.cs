using Caravan.Platform.Http;
using System.Globalization;
using Caravan.Origin.Contracts;
using Caravan.Origin.Features.Trust;
using Caravan.Platform.Security;
using Caravan.Reference.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Caravan.Origin.Pages;

/// <summary>
/// The trust list, public: the issuing bodies whose certificates verify, with their DIDs and every key they signed
/// with. Administrators take a body off the list or put it back and revoke keys from a moment; an issuing body's
/// own issuers rotate its key. Every change goes through <see cref="IssuerRegistry"/>, as the API's do.
/// </summary>
[AllowAnonymous]
internal sealed class TrustListModel(IssuerRegistry registry, ICountryDirectory countries, IStringLocalizer<OriginStrings> t, TimeProvider clock, Caller caller) : PageModel
{
    public IReadOnlyList<TrustedIssuerView> Issuers { get; private set; } = [];

    public OriginDisplay Display { get; } = new(countries);

    public bool ManagesTrust => caller.HoldsPlatformWide(OriginPermissions.ManageTrust);

    public bool ManagesKeys(Guid issuer) => caller.IsAuthenticated && IssuerRegistry.MayManageKeys(caller, issuer);

    /// <summary>Which form failed (trust, rotate, revoke), for which issuing body and key.</summary>
    public (string Form, Guid Issuer, string? Kid)? Failed { get; private set; }

    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public string? Refusal { get; private set; }

    public Dictionary<string, string?> Typed { get; } = new(StringComparer.Ordinal);

    /// <summary>Now, in a country's local time, as a datetime-local input shows it.</summary>
    public string LocalNow(string country) => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Display.Zone(country)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    public string Offset(string country) => Display.Offset(clock.GetUtcNow(), country);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostTrustAsync(Guid id, bool trusted, string? reason, CancellationToken ct)
    {
        Typed["reason"] = reason;
        return await ActAsync(("trust", id, null), () => registry.ChangeTrustAsync(id, new TrustChange(trusted, reason), caller, ct), ct);
    }

    public async Task<IActionResult> OnPostRotateAsync(Guid id, CancellationToken ct) =>
        await ActAsync(("rotate", id, null), () => registry.RotateAsync(id, caller, ct), ct);

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, string? kid, string? from, string? reason, CancellationToken ct)
    {
        Typed["from"] = from;
        Typed["reason"] = reason;
        await Display.LoadAsync(ct);
        var country = (await registry.TrustListAsync(ct)).FirstOrDefault(i => i.Id == id)?.Country;
        DateTimeOffset? moment = null;
        if (from is { Length: > 0 })
        {
            if (DateTime.TryParseExact(from, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                moment = Display.FromLocal(local, country);
            }
            else
            {
                Failed = ("revoke", id, kid);
                Errors["from"] = [t["origin.form.datetime"]];
                Response.StatusCode = StatusCodes.Status400BadRequest;
                await LoadAsync(ct);
                return Page();
            }
        }

        return await ActAsync(("revoke", id, kid), () => registry.RevokeKeyAsync(id, kid ?? string.Empty, new KeyRevocation(moment, reason), caller, ct), ct);
    }

    public string? Error(string form, Guid issuer, string field, string? kid = null) =>
        Failed is { } f && f.Form == form && f.Issuer == issuer && f.Kid == kid && Errors.TryGetValue(field, out var m) ? string.Join(" ", m) : null;

    public string? Value(string form, Guid issuer, string field, string? kid = null) =>
        Failed is { } f && f.Form == form && f.Issuer == issuer && f.Kid == kid ? Typed.GetValueOrDefault(field) : null;

    /// <summary>Runs a change; back to the list on success, else the list again with the errors next to the form.</summary>
    private async Task<IActionResult> ActAsync<T>((string Form, Guid Issuer, string? Kid) form, Func<Task<T>> change, CancellationToken ct)
        where T : IResult
    {
        var outcome = ServiceOutcome<TrustedIssuerView>.Of(await change());
        if (outcome.Value is not null)
        {
            return Redirect($"/origin/trust-list?done={form.Form}#issuer-{form.Issuer}");
        }

        switch (outcome.Status)
        {
            case StatusCodes.Status403Forbidden: return Forbid();
            case StatusCodes.Status404NotFound: return NotFound();
        }

        Failed = form;
        Refusal = outcome.Detail;
        foreach (var (field, messages) in outcome.Errors)
        {
            Errors[field] = messages;
        }

        Response.StatusCode = outcome.Status;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        await Display.LoadAsync(ct);
        Issuers = await registry.TrustListAsync(ct);
    }
}
