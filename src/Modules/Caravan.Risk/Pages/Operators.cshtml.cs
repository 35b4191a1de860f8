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
internal sealed class OperatorsModel(OperatorRegister register, IOrganisationDirectory organisations, RiskDisplay display, Caller caller) : CountryFormsPage(caller)
{
    public RiskDisplay Display => display;

    public IReadOnlyList<string> MyCountries => RiskDisplay.CountriesOf(Caller, RiskPermissions.View);

    public IReadOnlyList<OperatorView> Operators { get; private set; } = [];

    public IReadOnlyList<ArrangementView> Arrangements { get; private set; } = [];

    /// <summary>The country's trader organisations, to pick from when registering an AEO.</summary>
    public IReadOnlyList<OrganisationInfo> Traders { get; private set; } = [];

    public string Organisation(Guid id) => Traders.FirstOrDefault(t => t.Id == id)?.Name ?? id.ToString();

    protected override string ListPath => "/risk/operators";

    public async Task<IActionResult> OnPostRegisterAsync(Guid? organisation, string? certificateNumber, DateOnly? validFrom, DateOnly? validUntil, CancellationToken ct)
    {
        Typed["organisation"] = organisation?.ToString();
        Typed["certificateNumber"] = certificateNumber;
        Typed["validFrom"] = Request.Form["validFrom"];
        Typed["validUntil"] = Request.Form["validUntil"];
        return await ActAsync("register", null, country => register.RegisterAsync(country, new NewOperator(organisation, certificateNumber, validFrom, validUntil), Caller, ct), ct);
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid id, string? status, string? reason, CancellationToken ct)
    {
        Typed["reason"] = reason;
        return await ActAsync("status", id, country => register.ChangeStatusAsync(country, id.ToString(), new OperatorStatusChange(status, reason), Caller, ct), ct);
    }

    public async Task<IActionResult> OnPostArrangementAsync(string? partner, string? title, DateOnly? inForceFrom, CancellationToken ct)
    {
        Typed["partner"] = partner;
        Typed["title"] = title;
        Typed["inForceFrom"] = Request.Form["inForceFrom"];
        return await ActAsync("arrangement", null, country => register.ConcludeAsync(new NewArrangement(country, partner, title, inForceFrom), Caller, ct), ct);
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id, DateOnly? until, CancellationToken ct)
    {
        Typed["until"] = Request.Form["until"];
        return await ActAsync("end", id, _ => register.EndAsync(id.ToString(), new ArrangementEnd(until), Caller, ct), ct);
    }

    protected override async Task<IActionResult?> LoadAsync(Permission permission, CancellationToken ct)
    {
        Country = RiskDisplay.Choose(Caller, permission, Country);
        if (Country is null)
        {
            return Forbid();
        }

        await display.LoadAsync(ct);
        if ((await register.ListAsync(Country, Caller, ct)).Result is Ok<List<OperatorView>> { Value: { } list })
        {
            Operators = list;
        }

        Arrangements = (await register.ArrangementsAsync(ct)).Value!;
        var country = Country;
        Traders = (await organisations.ListVisibleAsync(Caller, ct)).Where(o => o.Kind == OrganisationKind.Trader && o.Country == country).OrderBy(o => o.Name, StringComparer.CurrentCulture).ToList();
        return null;
    }
}
