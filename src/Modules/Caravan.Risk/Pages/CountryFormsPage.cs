using Caravan.Platform.Http;
using Caravan.Platform.Security;
using Caravan.Risk.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caravan.Risk.Pages;

/// <summary>
/// A risk page of one country's lists with several small forms (operators, arrangements, alerts): each form posts a
/// change through the service behind the API; on success back to the list, otherwise the list again with the
/// service's errors beside the form that failed and what was typed into it.
/// </summary>
internal abstract class CountryFormsPage(Caller caller) : PageModel
{
    /// <summary>Who is asking (the derived pages pass it on to their services).</summary>
    protected Caller Caller { get; } = caller;

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    public bool CanManage => Country is not null && Caller.Has(RiskPermissions.Manage, Scope.Country(Country));

    /// <summary>Which form the errors belong to, and for a row's form, which row.</summary>
    public string? FailedForm { get; private set; }

    public Guid? FailedId { get; private set; }

    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public string? Refusal { get; private set; }

    /// <summary>What was typed into the form that failed, to show it again.</summary>
    public Dictionary<string, string?> Typed { get; } = new(StringComparer.Ordinal);

    /// <summary>The page's address, to come back to after a change (<c>/risk/operators</c>).</summary>
    protected abstract string ListPath { get; }

    /// <summary>Reads the lists for <see cref="Country"/>, chosen among those the caller holds <paramref name="permission"/> for; a result when refused.</summary>
    protected abstract Task<IActionResult?> LoadAsync(Permission permission, CancellationToken ct);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(RiskPermissions.View, ct) ?? Page();

    /// <summary>Runs a change for the chosen country; back to the list on success, else the list again with the errors.</summary>
    protected async Task<IActionResult> ActAsync<T>(string form, Guid? id, Func<string, Task<T>> change, CancellationToken ct)
        where T : IResult
    {
        Country = RiskDisplay.Choose(Caller, RiskPermissions.Manage, Country);
        if (Country is null)
        {
            return Forbid();
        }

        var outcome = ServiceOutcome<object>.Of(await change(Country));
        if (outcome.Succeeded)
        {
            return Redirect($"{ListPath}?country={Country}&done={form}");
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

    /// <summary>The errors of a form (and, for a row's form, of that row) for a field — to[0], to[1]… count as "to" —, joined for display.</summary>
    public string? Error(string form, string field, Guid? id = null)
    {
        if (FailedForm != form || FailedId != id)
        {
            return null;
        }

        var messages = Errors.Where(e => e.Key == field || e.Key.StartsWith(field + "[", StringComparison.Ordinal)).SelectMany(e => e.Value).ToList();
        return messages.Count == 0 ? null : string.Join(" ", messages);
    }

    public string? Value(string form, string field, Guid? id = null) => FailedForm == form && FailedId == id ? Typed.GetValueOrDefault(field) : null;
}
