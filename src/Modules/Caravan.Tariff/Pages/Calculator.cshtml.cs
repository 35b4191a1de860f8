using Caravan.Platform.Http;
using Caravan.Tariff.Contracts;
using Caravan.Tariff.Features.Calculate;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caravan.Tariff.Pages;

/// <summary>
/// The duty and tax calculator as a form (a GET, so a calculation can be bookmarked and works without JavaScript):
/// the same calculator as the API, every charge with its rule and explanation, the exchange rates with their dates.
/// </summary>
internal sealed class CalculatorModel(DutyCalculator calculator, TariffDisplay display) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? HsCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Origin { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Destination { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? CustomsValue { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Currency { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Basis { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Quantity { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Date { get; set; }

    public CalculationResult? Result { get; private set; }

    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public TariffDisplay Display => display;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await display.LoadAsync(ct);
        if (Request.Query.Count == 0 || string.IsNullOrEmpty(Request.Query["customsValue"]))
        {
            return;
        }

        var errors = new Dictionary<string, string[]>();
        decimal? Number(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (decimal.TryParse(text.Replace(" ", string.Empty, StringComparison.Ordinal).Replace(',', '.'), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }

            errors[field] = [$"'{text}' is not a number."];
            return null;
        }

        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(Date))
        {
            if (DateOnly.TryParseExact(Date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d))
            {
                date = d;
            }
            else
            {
                errors["date"] = ["a date is written 2026-12-31."];
            }
        }

        var request = new CalculationRequest(HsCode, Origin, Destination, Number(CustomsValue, "customsValue"), Currency, Basis, Number(Quantity, "quantity"), Unit, date);
        if (errors.Count > 0)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var outcome = ServiceOutcome<CalculationResult>.Of(await calculator.CalculateAsync(request, ct));
        if (outcome.Succeeded)
        {
            Result = outcome.Value;
            return;
        }

        Errors = new Dictionary<string, string[]>(outcome.Errors, StringComparer.Ordinal);
        Response.StatusCode = outcome.Status;
    }

    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}
