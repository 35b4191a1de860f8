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
internal sealed class AlertsModel(SharedAlerts alerts, IOrganisationDirectory organisations, RiskDisplay display, Caller caller, TimeProvider clock) : CountryFormsPage(caller)
{
    public RiskDisplay Display => display;

    public IReadOnlyList<AlertView> Received { get; private set; } = [];

    public IReadOnlyList<AlertView> Sent { get; private set; } = [];

    public IReadOnlyList<OrganisationInfo> Traders { get; private set; } = [];

    public static IReadOnlyList<string> Actions => SharedAlerts.Actions;

    public IReadOnlyList<string> TypedTo { get; private set; } = [];

    /// <summary>A month from today: the end an alert is offered with.</summary>
    public string DefaultUntil => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(30)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public string Organisation(Guid? id) => id is null ? "—" : Traders.FirstOrDefault(t => t.Id == id)?.Name ?? id.ToString()!;

    protected override string ListPath => "/risk/alerts";

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
        return await ActAsync("send", null, country => alerts.PublishAsync(country, request, Caller, ct), ct);
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid id, string? action, string? note, CancellationToken ct)
    {
        Typed["note"] = note;
        return await ActAsync("acknowledge", id, country => alerts.AcknowledgeAsync(id.ToString(), new AlertAcknowledgementRequest(country, action, note), Caller, ct), ct);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    protected override async Task<IActionResult?> LoadAsync(Permission permission, CancellationToken ct)
    {
        Country = RiskDisplay.Choose(Caller, permission, Country);
        if (Country is null)
        {
            return Forbid();
        }

        await display.LoadAsync(ct);
        if ((await alerts.ListAsync(Country, Caller, ct)).Result is Ok<List<AlertView>> { Value: { } list })
        {
            var country = Country;
            Sent = list.Where(a => a.FromCountry == country).ToList();
            Received = list.Where(a => a.FromCountry != country).ToList();
        }

        Traders = (await organisations.ListVisibleAsync(Caller, ct)).Where(o => o.Kind == OrganisationKind.Trader).OrderBy(o => o.Name, StringComparer.CurrentCulture).ToList();
        return null;
    }
}
