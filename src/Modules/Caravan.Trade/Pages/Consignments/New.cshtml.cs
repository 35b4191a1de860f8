using Caravan.Access.Contracts;
using Caravan.Platform.Security;
using Caravan.Reference.Contracts;
using Caravan.Trade.Contracts;
using Caravan.Trade.Features.LodgeConsignment;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Caravan.Trade.Pages.Consignments;

/// <summary>
/// The trader's lodging form. It works as a plain form (every change of rows or route is a post that comes back with
/// the values kept) and a script makes it quicker (HS suggestions, crossings that follow the route). Lodging goes
/// through the same <see cref="ConsignmentLodging"/> as the API, with an idempotency key kept in the form so that a
/// double submit lodges once.
/// </summary>
[Authorize(Policy = "permission:trade.consignment.lodge")]
internal sealed class NewModel(
    ConsignmentLodging lodging,
    DeclarationValidator validator,
    IOrganisationDirectory organisations,
    ICountryDirectory countries,
    IBorderCrossingDirectory crossings,
    IStringLocalizer<TradeStrings> t,
    Caller caller) : PageModel
{
    public DeclarationForm Form { get; private set; } = new();

    /// <summary>Errors by the name of the input they belong to.</summary>
    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>A problem with the whole form rather than a field (e.g. the key already used).</summary>
    public string? FormProblem { get; private set; }

    public TradeDisplay Display { get; } = new(countries, crossings);

    /// <summary>The form as the shared partial draws it, with the key that makes a double submit lodge once.</summary>
    public DeclarationFormView FormView => new(
        Form, Errors, Display, new FieldLabels(t, Display, Form.RouteCountries), t["trade.form.lodge"], "lodge",
        new Dictionary<string, string>(StringComparer.Ordinal) { ["idempotencyKey"] = Form.IdempotencyKey });

    public async Task OnGetAsync(CancellationToken ct)
    {
        await Display.LoadAsync(ct);
        if (Guid.TryParse(caller.OrganisationId, out var id) && await organisations.FindAsync(caller, id, ct) is { Organisation: { } own })
        {
            Form.Set("declarant.name", own.Name);
            Form.Set("declarant.country", own.Country);
            Form.Set("declarant.nationalIdentifier", own.NationalIdentifier);
        }

        Form.Set("transportMode", "3");
    }

    public async Task<IActionResult> OnPostAsync(string? action, CancellationToken ct)
    {
        await Display.LoadAsync(ct);
        Form = DeclarationForm.Read(Request.Form);

        // Buttons that change the form's shape rather than submit it (the way to add rows without a script).
        if (Form.Reshape(action))
        {
            return Page();
        }

        var local = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var declaration = Form.ToDeclaration(local, t["trade.form.number"], out var fieldOf);
        IReadOnlyDictionary<string, string[]> found;
        if (local.Count > 0)
        {
            // Some number did not read: lodging must not happen, but the trader should see every other problem too.
            found = await validator.ValidateAsync(declaration, ct);
        }
        else
        {
            var result = await lodging.LodgeAsync(declaration, caller, Form.IdempotencyKey, ct);
            switch (result.Outcome)
            {
                case LodgeOutcome.Lodged or LodgeOutcome.Replayed:
                    return RedirectToPage("/Consignments/Detail", new { id = result.Consignment!.Id, lodged = 1 });
                case LodgeOutcome.NoOrganisation:
                    return Forbid();
                case LodgeOutcome.KeyReused:
                    FormProblem = t["trade.form.keyreused"];
                    Response.StatusCode = StatusCodes.Status409Conflict;
                    return Page();
            }

            found = result.Errors ?? new Dictionary<string, string[]>();
        }

        DeclarationFormView.Collect(Errors, found, fieldOf, local);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
