using System.Globalization;
using Caravan.Platform.Security;
using Caravan.Reference.Contracts;
using Caravan.Trade.Contracts;
using Caravan.Trade.Data;
using Caravan.Trade.Features.AmendConsignment;
using Caravan.Trade.Features.LodgeConsignment;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Caravan.Trade.Pages.Consignments;

/// <summary>
/// The lodging trader corrects its declaration: the lodging form, filled in with the declaration as it stands and
/// the version it was read at, saved through the same <see cref="ConsignmentAmendment"/> as the API. An amendment
/// made against a version someone else has since replaced is refused, and the trader is offered the current one.
/// </summary>
[Authorize(Policy = "permission:trade.consignment.lodge")]
internal sealed class AmendModel(
    ConsignmentAmendment amendment,
    DeclarationValidator validator,
    TradeDbContext db,
    ICountryDirectory countries,
    IBorderCrossingDirectory crossings,
    IStringLocalizer<TradeStrings> t,
    Caller caller) : PageModel
{
    public ConsignmentView Consignment { get; private set; } = null!;

    public DeclarationForm Form { get; private set; } = new();

    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public TradeDisplay Display { get; } = new(countries, crossings);

    /// <summary>Why the consignment cannot be amended any more (released, refused or withdrawn); no form then.</summary>
    public string? Closed { get; private set; }

    /// <summary>The version now current, when the form was made against an earlier one.</summary>
    public int? MovedTo { get; private set; }

    /// <summary>The form as the shared partial draws it, carrying the version it amends.</summary>
    public DeclarationFormView FormView => new(
        Form, Errors, Display, new FieldLabels(t, Display, Form.RouteCountries), t["trade.amend.save"], "amend",
        new Dictionary<string, string>(StringComparer.Ordinal) { ["version"] = Form["version"] });

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        Form = DeclarationForm.FromDeclaration(Consignment.Declaration);
        Form.Set("version", Consignment.Version.ToString(CultureInfo.InvariantCulture));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? action, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        Form = DeclarationForm.Read(Request.Form);
        if (Form.Reshape(action))
        {
            return Page();
        }

        if (Closed is not null)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        var local = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var declaration = Form.ToDeclaration(local, t["trade.form.number"], out var fieldOf);
        if (local.Count > 0)
        {
            // Some number did not read: nothing is saved, but the trader should see every other problem too.
            DeclarationFormView.Collect(Errors, await validator.ValidateAsync(declaration, ct), fieldOf, local);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // The form has no way to say "no list" (a declaration sent through the API may have none): an empty list
        // where there was none is no change, and must not become a new version.
        var current = Consignment.Declaration;
        declaration = declaration with
        {
            Containers = declaration.Containers is { Count: 0 } && current.Containers is null ? null : declaration.Containers,
            Documents = declaration.Documents is { Count: 0 } && current.Documents is null ? null : declaration.Documents,
        };
        if (DeclarationDiff.Compare(current, declaration).Count == 0)
        {
            // Saved without a change: no new version.
            return RedirectToPage("/Consignments/Detail", new { id, unchanged = 1 });
        }

        int? version = int.TryParse(Form["version"], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
        var result = await amendment.AmendAsync(id, version, declaration, caller, ct);
        switch (result.Outcome)
        {
            case AmendOutcome.Amended:
                return RedirectToPage("/Consignments/Detail", new { id, amended = result.Consignment!.Version });
            case AmendOutcome.Unchanged:
                return RedirectToPage("/Consignments/Detail", new { id, unchanged = 1 });
            case AmendOutcome.NotFound:
                return NotFound();
            case AmendOutcome.NotLodgedByCaller:
                return Forbid();
            case AmendOutcome.Invalid:
                DeclarationFormView.Collect(Errors, result.Errors!, fieldOf, local);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            case AmendOutcome.Closed:
                Closed = t["trade.amend.closed"];
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                // Someone else amended (or withdrew) it since this form was filled in: saving over it would undo their change.
                MovedTo = await db.Consignments.AsNoTracking().Where(c => c.Id == id).Select(c => c.Version).SingleAsync(ct);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
        }
    }

    /// <summary>Reads the consignment; a result instead when it does not exist or the caller did not lodge it.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var row = await db.Consignments.AsNoTracking().Include(c => c.Controls).Include(c => c.Events).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (row is null)
        {
            return NotFound();
        }

        if (!ConsignmentQueries.LodgedBy(caller, row))
        {
            return Forbid();
        }

        await Display.LoadAsync(ct);
        Consignment = ConsignmentQueries.ToView(row);
        Closed = Amendable(Consignment) ? null : t["trade.amend.closed"].Value;
        return null;
    }

    /// <summary>Whether the declaration may still change: not withdrawn, and no administration has released or refused it.</summary>
    public static bool Amendable(ConsignmentView consignment) =>
        consignment.Status != "cancelled" && consignment.Controls.All(c => c.State is not ("released" or "refused" or "cancelled"));
}
