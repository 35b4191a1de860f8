using Caravan.Platform.Http;
using Caravan.Access.Contracts;
using Caravan.Platform.Security;
using Caravan.Risk.Contracts;
using Caravan.Risk.Features.Operators;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caravan.Risk.Pages;

/// <summary>
/// A country's Authorised Economic Operators (register one of the country's traders, suspend or reinstate with a
/// reason) and the mutual recognition arrangements it is party to (register, end). Every change goes through the
/// service behind the API, so the page refuses what the API refuses, with the same words.
/// </summary>
[Authorize(Policy = "permission:risk.view")]
internal sealed class OperatorsModel(OperatorRegister register, IOrganisationDirectory organisations, RiskDisplay display, Caller caller) : PageModel
{
    public RiskDisplay Display => display;

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    public IReadOnlyList<string> MyCountries => RiskDisplay.CountriesOf(caller, RiskPermissions.View);

    public bool CanManage => Country is not null && caller.Has(RiskPermissions.Manage, Scope.Country(Country));

    public IReadOnlyList<OperatorView> Operators { get; private set; } = [];

    public IReadOnlyList<ArrangementView> Arrangements { get; private set; } = [];

    /// <summary>The country's trader organisations, to pick from when registering an AEO.</summary>
    public IReadOnlyList<OrganisationInfo> Traders { get; private set; } = [];

    /// <summary>Which form the errors belong to: register, status, arrangement or end.</summary>
    public string? FailedForm { get; private set; }

    public Guid? FailedId { get; private set; }

    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public string? Refusal { get; private set; }

    /// <summary>What was typed into the form that failed, to show it again.</summary>
    public Dictionary<string, string?> Typed { get; } = new(StringComparer.Ordinal);

    public string Organisation(Guid id) => Traders.FirstOrDefault(t => t.Id == id)?.Name ?? id.ToString();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(RiskPermissions.View, ct) ?? Page();

    public async Task<IActionResult> OnPostRegisterAsync(Guid? organisation, string? certificateNumber, DateOnly? validFrom, DateOnly? validUntil, CancellationToken ct)
    {
        Typed["organisation"] = organisation?.ToString();
        Typed["certificateNumber"] = certificateNumber;
        Typed["validFrom"] = Request.Form["validFrom"];
        Typed["validUntil"] = Request.Form["validUntil"];
        return await ActAsync("register", null, country => register.RegisterAsync(country, new NewOperator(organisation, certificateNumber, validFrom, validUntil), caller, ct), ct);
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid id, string? status, string? reason, CancellationToken ct)
    {
        Typed["reason"] = reason;
        return await ActAsync("status", id, country => register.ChangeStatusAsync(country, id.ToString(), new OperatorStatusChange(status, reason), caller, ct), ct);
    }

    public async Task<IActionResult> OnPostArrangementAsync(string? partner, string? title, DateOnly? inForceFrom, CancellationToken ct)
    {
        Typed["partner"] = partner;
        Typed["title"] = title;
        Typed["inForceFrom"] = Request.Form["inForceFrom"];
        return await ActAsync("arrangement", null, country => register.ConcludeAsync(new NewArrangement(country, partner, title, inForceFrom), caller, ct), ct);
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id, DateOnly? until, CancellationToken ct)
    {
        Typed["until"] = Request.Form["until"];
        return await ActAsync("end", id, _ => register.EndAsync(id.ToString(), new ArrangementEnd(until), caller, ct), ct);
    }

    /// <summary>Runs a change; back to the list on success, else the list again with the errors next to the form.</summary>
    private async Task<IActionResult> ActAsync<T>(string form, Guid? id, Func<string, Task<T>> change, CancellationToken ct)
        where T : IResult
    {
        Country = RiskDisplay.Choose(caller, RiskPermissions.Manage, Country);
        if (Country is null)
        {
            return Forbid();
        }

        var outcome = ServiceOutcome<object>.Of(await change(Country));
        if (outcome.Succeeded)
        {
            return Redirect($"/risk/operators?country={Country}&done={form}");
        }

        if (outcome.Status == StatusCodes.Status403Forbidden)
        {
            return Forbid();
        }

        (FailedForm, FailedId, Refusal) = (form, id, outcome.Detail);
        foreach (var (field, messages) in outcome.Errors)
        {
            Errors[field] = messages;
        }

        Response.StatusCode = outcome.Status;
        return await LoadAsync(RiskPermissions.Manage, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Permission permission, CancellationToken ct)
    {
        Country = RiskDisplay.Choose(caller, permission, Country);
        if (Country is null)
        {
            return Forbid();
        }

        await display.LoadAsync(ct);
        if ((await register.ListAsync(Country, caller, ct)).Result is Ok<List<OperatorView>> { Value: { } list })
        {
            Operators = list;
        }

        Arrangements = (await register.ArrangementsAsync(ct)).Value!;
        var country = Country;
        Traders = (await organisations.ListVisibleAsync(caller, ct)).Where(o => o.Kind == OrganisationKind.Trader && o.Country == country).OrderBy(o => o.Name, StringComparer.CurrentCulture).ToList();
        return null;
    }

    /// <summary>The errors of a form (and, for a row's form, of that row), joined for display.</summary>
    public string? Error(string form, string field, Guid? id = null) =>
        FailedForm == form && FailedId == id && Errors.TryGetValue(field, out var m) ? string.Join(" ", m) : null;

    public string? Value(string form, string field, Guid? id = null) => FailedForm == form && FailedId == id ? Typed.GetValueOrDefault(field) : null;
}
