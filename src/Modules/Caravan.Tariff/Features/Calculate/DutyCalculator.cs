using System.Globalization;
using Caravan.Platform.Http;
using Caravan.Reference.Contracts;
using Caravan.Tariff.Contracts;
using Caravan.Tariff.Data;
using Caravan.Tariff.Domain;
using Caravan.Tariff.Features.Schedules;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Caravan.Tariff.Features.Calculate;

/// <summary>
/// Duties and taxes on importing goods into one of the six countries, from the national line valid on the chosen
/// day: the import duty (ad valorem on the customs value, specific on the quantity, or both combined as the line
/// says), excise where the line is subject to it (flagged: rates per product are not loaded), and VAT on the customs
/// value plus duty. Amounts in the importing country's currency, at the exchange rates of that day or the last
/// before it, each named with its date and source. Every step is written out so a trader can follow it.
/// </summary>
internal sealed class DutyCalculator(TariffDbContext db, ICountryDirectory countries, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> Bases = ["CIF", "CIP", "FOB", "FCA", "EXW", "DAP", "DDP"];

    public async Task<Results<Ok<CalculationResult>, ValidationProblem>> CalculateAsync(CalculationRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var date = request.Date ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var destination = ReferenceCodes.ParseCountryCode(request.Destination);
        var schedule = destination.IsValid ? TariffSchedules.ForCountry(destination.Value) : null;
        if (!destination.IsValid)
        {
            errors["destination"] = [destination.Error!];
        }
        else if (schedule is null)
        {
            errors["destination"] = [$"the platform has tariff schedules for {string.Join(", ", ReferenceCodes.MemberStates)}, not {destination.Value}."];
        }

        var origin = ReferenceCodes.ParseCountryCode(request.Origin);
        if (!origin.IsValid)
        {
            errors["origin"] = [origin.Error!];
        }

        var code = request.HsCode?.Replace(".", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (code is null || code.Length is < 6 or > 10 || !code.All(char.IsAsciiDigit))
        {
            errors["hsCode"] = ["a national tariff line of 8 to 10 digits, or an HS subheading of 6 digits, e.g. 5205120000."];
        }

        if (request.CustomsValue is not > 0)
        {
            errors["customsValue"] = ["the customs value of the goods, greater than zero."];
        }

        var currency = request.Currency?.Trim().ToUpperInvariant();
        if (currency is not { Length: 3 } || !currency.All(char.IsAsciiLetter))
        {
            errors["currency"] = ["the ISO 4217 code of the customs value's currency, e.g. USD."];
        }

        var basis = (request.ValuationBasis ?? "CIF").Trim().ToUpperInvariant();
        if (!Bases.Contains(basis))
        {
            errors["valuationBasis"] = [$"'{request.ValuationBasis}' is not a basis; use one of {string.Join(", ", Bases)} (Incoterms 2020)."];
        }

        if (request.Quantity is < 0)
        {
            errors["quantity"] = ["cannot be negative."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var candidates = await db.Lines.AsNoTracking()
            .Where(l => l.Schedule == schedule && l.Line.StartsWith(code!) && l.ValidFrom <= date && (l.ValidTo == null || l.ValidTo >= date))
            .OrderBy(l => l.Line)
            .ToListAsync(ct);
        if (candidates.Count == 0)
        {
            return Problems.Invalid("hsCode", $"{schedule} has no line {code} valid on {date:yyyy-MM-dd} in the imported schedules.");
        }

        if (candidates.Count > 1)
        {
            return Problems.Invalid("hsCode", $"{code} covers {candidates.Count} lines of {schedule}; choose one: {string.Join(", ", candidates.Take(12).Select(c => c.Line))}.");
        }

        var line = candidates[0];
        var national = (await countries.FindAsync(destination.Value!, ct))?.Currency ?? throw new InvalidOperationException($"No currency for {destination.Value}.");
        var ratesUsed = new List<ExchangeRateView>();
        var notes = new List<string>();

        var (value, valueRate) = await ConvertAsync(request.CustomsValue!.Value, currency!, national, date, ct);
        if (value is null)
        {
            return Problems.Invalid("currency", $"no exchange rate {currency}→{national} on or before {date:yyyy-MM-dd} is imported.");
        }

        if (valueRate is not null)
        {
            ratesUsed.Add(valueRate);
        }

        if (basis != "CIF" && basis != "CIP")
        {
            notes.Add($"The customs value in {destination.Value} is the value delivered to its border (CIF). A {basis} value must have the freight and insurance to the border added; this calculation used the value as given.");
        }

        var charges = new List<CalculatedCharge>();
        var union = schedule == TariffSchedules.Eaeu && TariffSchedules.EaeuMembers.Contains(origin.Value!);
        decimal duty;
        if (union)
        {
            duty = 0;
            charges.Add(new CalculatedCharge("import-duty", "none within the union", value, 0m,
                $"Goods originating in {origin.Value}, an EAEU member, enter {destination.Value} free of import duty (Treaty on the Eurasian Economic Union, art. 28); the schedule line ({TariffQueries.View(line).Duty}) applies to goods from outside the union."));
        }
        else
        {
            var adValorem = line.AdValoremPercent is { } percent ? Round(value.Value * percent / 100m) : (decimal?)null;
            decimal? specific = null;
            string? specificText = null;
            if (line.SpecificAmount is { } amount)
            {
                if (request.Quantity is not { } quantity || !string.Equals(request.Unit?.Trim(), line.SpecificUnit, StringComparison.OrdinalIgnoreCase))
                {
                    return Problems.Invalid(request.Quantity is null ? "quantity" : "unit", $"line {line.Line} has a specific duty per {line.SpecificUnit}: give the quantity in {line.SpecificUnit}.");
                }

                var (converted, rate) = await ConvertAsync(amount * quantity, line.SpecificCurrency!, national, date, ct);
                if (converted is null)
                {
                    return Problems.Invalid("currency", $"no exchange rate {line.SpecificCurrency}→{national} on or before {date:yyyy-MM-dd} is imported (the specific duty is in {line.SpecificCurrency}).");
                }

                if (rate is not null && !ratesUsed.Contains(rate))
                {
                    ratesUsed.Add(rate);
                }

                specific = Round(converted.Value);
                specificText = $"{Number(amount)} {line.SpecificCurrency}/{line.SpecificUnit} × {Number(quantity)} {line.SpecificUnit} = {Number(amount * quantity)} {line.SpecificCurrency} = {Money(specific.Value, national)}";
            }

            duty = (adValorem, specific, line.Compound) switch
            {
                ({ } a, null, _) => a,
                (null, { } s, _) => s,
                ({ } a, { } s, "higher") => Math.Max(a, s),
                ({ } a, { } s, "lower") => Math.Min(a, s),
                ({ } a, { } s, _) => a + s,
                _ => 0m,
            };
            var explanation = (adValorem, specific) switch
            {
                ({ } a, null) => $"{Number(line.AdValoremPercent!.Value)}% of the customs value {Money(value.Value, national)} = {Money(a, national)}.",
                (null, not null) => specificText + ".",
                ({ } a, not null) => $"ad valorem {Number(line.AdValoremPercent!.Value)}% of {Money(value.Value, national)} = {Money(a, national)}; specific {specificText}; the line takes the {(line.Compound == "sum" ? "sum" : line.Compound == "lower" ? "lower" : "higher")}: {Money(duty, national)}.",
                _ => "The line carries no import duty.",
            };
            charges.Add(new CalculatedCharge("import-duty", TariffQueries.View(line).Duty, value, duty, explanation));
        }

        if (line.Excise)
        {
            charges.Add(new CalculatedCharge("excise", "excisable goods", null, null, $"Goods of line {line.Line} are subject to excise in {destination.Value}; excise rates per product are not loaded, so it is not included in the total."));
            notes.Add("Excise is not included in the total.");
        }

        var vatBase = value.Value + duty;
        var vatPercent = line.VatFor(destination.Value!);
        var vat = Round(vatBase * vatPercent / 100m);
        charges.Add(new CalculatedCharge("vat", $"{Number(vatPercent)}%", vatBase, vat,
            $"{destination.Value}'s VAT of {Number(vatPercent)}% on (customs value {Money(value.Value, national)} + import duty {Money(duty, national)}) = {Money(vat, national)}."));
        if (union)
        {
            notes.Add("Within the EAEU, import VAT on goods from another member state is paid to the tax authority, not at the border.");
        }

        if (line.Illustrative)
        {
            notes.Insert(0, "The tariff line used is from an illustrative sample, not legal data: do not rely on these amounts.");
        }

        return TypedResults.Ok(new CalculationResult(schedule!, TariffQueries.View(line), date, national, value.Value, ratesUsed, charges, duty + vat, notes, line.Illustrative || ratesUsed.Any(r => r.Illustrative)));
    }

    /// <summary>An amount in another currency at the last rate on or before the day (direct or inverse); null when none.</summary>
    private async Task<(decimal? Amount, ExchangeRateView? Rate)> ConvertAsync(decimal amount, string from, string to, DateOnly date, CancellationToken ct)
    {
        if (from == to)
        {
            return (amount, null);
        }

        var direct = await db.Rates.AsNoTracking().Where(r => r.Currency == from && r.QuoteCurrency == to && r.Date <= date).OrderByDescending(r => r.Date).FirstOrDefaultAsync(ct);
        if (direct is not null)
        {
            return (amount * direct.Rate, new ExchangeRateView(direct.Currency, direct.QuoteCurrency, direct.Date, direct.Rate, direct.Source, direct.Illustrative));
        }

        var inverse = await db.Rates.AsNoTracking().Where(r => r.Currency == to && r.QuoteCurrency == from && r.Date <= date).OrderByDescending(r => r.Date).FirstOrDefaultAsync(ct);
        return inverse is null
            ? (null, null)
            : (amount / inverse.Rate, new ExchangeRateView(inverse.Currency, inverse.QuoteCurrency, inverse.Date, inverse.Rate, inverse.Source, inverse.Illustrative));
    }

    private static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    private static string Number(decimal value) => value.ToString("#,0.####", CultureInfo.InvariantCulture);

    private static string Money(decimal value, string currency) => $"{value.ToString("#,0.00", CultureInfo.InvariantCulture)} {currency}";
}
