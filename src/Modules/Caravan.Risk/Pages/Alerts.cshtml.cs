using Caravan.Platform.Http;
using Caravan.Access.Contracts;
using Caravan.Platform.Security;
using Caravan.Risk.Contracts;
using Caravan.Risk.Features.Alerts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caravan.Risk.Pages;

/// <summary>
/// Alerts between administrations: send one to partner countries with what to look for; say what was done with
/// those received; see who acknowledged those sent. Through the service behind the API, with its checks and words.
/// </summary>
[Authorize(Policy = "permission:risk.view")]
internal sealed class AlertsModel(SharedAlerts alerts, IOrganisationDirectory organisations, RiskDisplay display, Caller caller, TimeProvider clock) : PageModel
{
    public RiskDisplay Display => display;

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    public bool CanManage => Country is not null && caller.Has(RiskPermissions.Manage, Scope.Country(Country));

    public IReadOnlyList<AlertView> Received { get; private set; } = [];

    public IReadOnlyList<AlertView> Sent { get; private set; } = [];

    public IReadOnlyList<OrganisationInfo> Traders { get; private set; } = [];

    public static IReadOnlyList<string> Actions => SharedAlerts.Actions;

    public string? FailedForm { get; private set; }

    public Guid? FailedId { get; private set; }

    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public string? Refusal { get; private set; }

    public Dictionary<string, string?> Typed { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string> TypedTo { get; private set; } = [];

    /// <summary>A month from today: the end an alert is offered with.</summary>
    public string DefaultUntil => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(30)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public string Organisation(Guid? id) => id is null ? "—" : Traders.FirstOrDefault(t => t.Id == id)?.Name ?? id.ToString()!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(RiskPermissions.View, ct) ?? Page();

    public async Task<IActionResult> OnPostSendAsync(string[]? to, string? summary, string? hsFrom, string? hsTo, Guid? trader, string? routeCountry, string? countryOfOrigin, DateOnly? validUntil, CancellationToken ct)
    {
        TypedTo = to ?? [];
        foreach (var (field, value) in new[] { ("summary", summary), ("hsFrom", hsFrom), ("hsTo", hsTo), ("trader", trader?.ToString()), ("routeCountry", routeCountry), ("countryOfOrigin", countryOfOrigin), ("validUntil", (string?)Request.Form["validUntil"]) })
        {
            Typed[field] = value;
        }

        // The alert runs to the end of the chosen day, in UTC.
        var until = validUntil is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(1) : (DateTimeOffset?)null;
        var request = new NewAlert(to, summary, Blank(hsFrom), Blank(hsTo), trader, Blank(routeCountry), Blank(countryOfOrigin), null, until);
        return await ActAsync("send", null, country => alerts.PublishAsync(country, request, caller, ct), ct);
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid id, string? action, string? note, CancellationToken ct)
    {
        Typed["note"] = note;
        return await ActAsync("acknowledge", id, country => alerts.AcknowledgeAsync(id.ToString(), new AlertAcknowledgementRequest(country, action, note), caller, ct), ct);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

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
            return Redirect($"/risk/alerts?country={Country}&done={form}");
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
        if ((await alerts.ListAsync(Country, caller, ct)).Result is Ok<List<AlertView>> { Value: { } list })
        {
            var country = Country;
            Sent = list.Where(a => a.FromCountry == country).ToList();
            Received = list.Where(a => a.FromCountry != country).ToList();
        }

        Traders = (await organisations.ListVisibleAsync(caller, ct)).Where(o => o.Kind == OrganisationKind.Trader).OrderBy(o => o.Name, StringComparer.CurrentCulture).ToList();
        return null;
    }

    /// <summary>The errors of a form for these fields (to[0], to[1]… count as "to"), joined for display.</summary>
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
