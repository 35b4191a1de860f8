using System.Globalization;
using System.Text.RegularExpressions;
using Caravan.Origin.Contracts;
using Caravan.Trade.Contracts;
using Microsoft.AspNetCore.Http;

namespace Caravan.Origin.Pages.Applications;

/// <summary>
/// The application form as the browser posts it: every input is named by its field path in the API
/// (<c>exporter.name</c>, <c>items[1].originCriterion</c>, <c>transport.means</c>), so that the service's errors,
/// keyed the same way, land next to the input they concern. Values are kept as typed, to show them again.
/// </summary>
internal sealed partial class ApplicationForm
{
    public const int MaxItems = 50;

    public static readonly IReadOnlyList<string> Parties = ["exporter", "importer"];

    private static readonly string[] DecimalFields = ["quantity", "grossMassKg", "invoiceValue"];

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public int Items { get; private set; } = 1;

    public string this[string name] => _values.GetValueOrDefault(name, string.Empty);

    public void Set(string name, string? value) => _values[name] = value?.Trim() ?? string.Empty;

    public static ApplicationForm Read(IFormCollection form)
    {
        var result = new ApplicationForm();
        foreach (var (key, value) in form)
        {
            if (key.Length <= 80 && !key.StartsWith("__", StringComparison.Ordinal))
            {
                result._values[key] = value.ToString().Trim();
            }
        }

        var rows = form.Keys.Select(k => ItemKey().Match(k)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1).DefaultIfEmpty(1).Max();
        result.Items = Math.Clamp(rows, 1, MaxItems);
        return result;
    }

    /// <summary>The form filled in with an application as it stands (to correct and resubmit it).</summary>
    public static ApplicationForm FromRequest(CertificateApplicationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = new ApplicationForm();
        result.Set("issuingBody", request.IssuingBody?.ToString());
        result.Set("consignmentId", request.ConsignmentId?.ToString());
        foreach (var (name, party) in new[] { ("exporter", request.Exporter), ("importer", request.Importer) })
        {
            result.Set(name + ".name", party?.Name);
            result.Set(name + ".address", party?.Address);
            result.Set(name + ".country", party?.Country);
            result.Set(name + ".identifier", party?.Identifier);
        }

        result.Set("importingCountry", request.ImportingCountry);
        var items = request.Items ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            var p = $"items[{Num(i)}].";
            var g = items[i];
            result.Set(p + "consignmentItem", g.ConsignmentItem?.ToString(CultureInfo.InvariantCulture));
            result.Set(p + "hsCode", g.HsCode);
            result.Set(p + "description", g.Description);
            result.Set(p + "quantity", Number(g.Quantity));
            result.Set(p + "unit", g.Unit);
            result.Set(p + "grossMassKg", Number(g.GrossMassKg));
            result.Set(p + "countryOfOrigin", g.CountryOfOrigin);
            result.Set(p + "originCriterion", g.OriginCriterion);
            result.Set(p + "invoiceValue", Number(g.InvoiceValue));
            result.Set(p + "currency", g.Currency);
        }

        result.Set("transport.mode", request.Transport?.Mode);
        result.Set("transport.means", request.Transport?.Means);
        result.Set("transport.departureDate", request.Transport?.DepartureDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        result.Set("transport.route", request.Transport?.Route);
        result.Set("remarks", request.Remarks);
        result.Items = Math.Clamp(items.Count, 1, MaxItems);
        return result;
    }

    /// <summary>
    /// Fills the goods, the importer, the importing country and the transport from one of the exporter's
    /// consignments: each goods item keeps its number in the consignment, and its HS subheading (6 digits).
    /// </summary>
    public void FillFrom(ConsignmentView consignment)
    {
        ArgumentNullException.ThrowIfNull(consignment);
        var declaration = consignment.Declaration;
        foreach (var key in _values.Keys.Where(k => k.StartsWith("items[", StringComparison.Ordinal)).ToList())
        {
            _values.Remove(key);
        }

        Set("consignmentId", consignment.Id.ToString());
        var items = declaration.GoodsItems ?? [];
        for (var i = 0; i < items.Count && i < MaxItems; i++)
        {
            var p = $"items[{Num(i)}].";
            var g = items[i];
            Set(p + "consignmentItem", (i + 1).ToString(CultureInfo.InvariantCulture));
            Set(p + "hsCode", g.HsCode is { Length: > 6 } code ? code[..6] : g.HsCode);
            Set(p + "description", g.Description);
            Set(p + "quantity", Number(g.Quantity));
            Set(p + "unit", g.Unit);
            Set(p + "grossMassKg", Number(g.GrossMassKg));
            Set(p + "countryOfOrigin", g.CountryOfOrigin);
            Set(p + "invoiceValue", Number(g.Value));
            Set(p + "currency", g.Currency);
        }

        Items = Math.Clamp(items.Count, 1, MaxItems);
        if (declaration.Importer is { } importer)
        {
            Set("importer.name", importer.Name);
            Set("importer.country", importer.Country);
            Set("importer.identifier", importer.NationalIdentifier);
        }

        Set("importingCountry", consignment.CountryOfDestination);
        Set("transport.mode", declaration.TransportMode);
        Set("transport.means", declaration.TransportMeans);
        var route = declaration.Route?.Crossings is { Count: > 0 } crossings ? string.Join(" – ", crossings) : string.Join(" – ", declaration.Route?.Countries ?? []);
        Set("transport.route", route);
    }

    /// <summary>
    /// Applies a button that changes the form's shape rather than submitting it (adding or removing a goods item):
    /// the way the form works without a script. False when the action submits.
    /// </summary>
    public bool Reshape(string? action)
    {
        switch (action)
        {
            case "add-item":
                Items = Math.Min(Items + 1, MaxItems);
                return true;
            case { } remove when remove.StartsWith("remove-item:", StringComparison.Ordinal):
                if (int.TryParse(remove["remove-item:".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    RemoveItem(index);
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>Removes a goods item and moves the ones after it up, so that the names stay 0, 1, 2…</summary>
    private void RemoveItem(int index)
    {
        if (index < 0 || index >= Items || Items <= 1)
        {
            return;
        }

        for (var i = index; i < Items; i++)
        {
            var prefix = $"items[{Num(i)}].";
            var next = $"items[{Num(i + 1)}].";
            foreach (var key in _values.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
            {
                _values.Remove(key);
            }

            foreach (var key in _values.Keys.Where(k => k.StartsWith(next, StringComparison.Ordinal)).ToList())
            {
                _values[prefix + key[next.Length..]] = _values[key];
            }
        }

        Items--;
    }

    /// <summary>
    /// The application the form describes. Numbers and dates that do not read are reported in
    /// <paramref name="errors"/> under their field (the API's JSON reader would refuse them the same way).
    /// </summary>
    public CertificateApplicationRequest ToRequest(Dictionary<string, string[]> errors, string notANumber, string notADate)
    {
        var items = new List<OriginGoodsItem>();
        for (var i = 0; i < Items; i++)
        {
            var p = $"items[{Num(i)}].";
            var numbers = DecimalFields.ToDictionary(f => f, f => Decimal(errors, p + f, notANumber));
            int? consignmentItem = int.TryParse(this[p + "consignmentItem"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
            items.Add(new OriginGoodsItem(
                consignmentItem,
                Text(p + "hsCode"),
                Text(p + "description"),
                numbers["quantity"],
                Text(p + "unit")?.ToUpperInvariant(),
                numbers["grossMassKg"],
                Text(p + "countryOfOrigin")?.ToUpperInvariant(),
                Text(p + "originCriterion"),
                numbers["invoiceValue"],
                Text(p + "currency")?.ToUpperInvariant()));
        }

        DateOnly? departure = null;
        if (Text("transport.departureDate") is { } date)
        {
            if (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                departure = d;
            }
            else
            {
                errors["transport.departureDate"] = [notADate];
            }
        }

        var transport = new[] { "mode", "means", "route" }.All(f => Text("transport." + f) is null) && departure is null
            ? null
            : new OriginTransport(Text("transport.mode"), Text("transport.means"), departure, Text("transport.route"));
        OriginParty PartyOf(string prefix) =>
            new(Text($"{prefix}.name"), Text($"{prefix}.address"), Text($"{prefix}.country")?.ToUpperInvariant(), Text($"{prefix}.identifier"));

        return new CertificateApplicationRequest(
            Guid.TryParse(this["issuingBody"], out var issuer) ? issuer : null,
            Guid.TryParse(this["consignmentId"], out var consignment) ? consignment : null,
            PartyOf("exporter"),
            PartyOf("importer"),
            Text("importingCountry")?.ToUpperInvariant(),
            items,
            transport,
            Text("remarks"));
    }

    /// <summary>The input an error belongs to: a whole party or item points at its first input.</summary>
    public static string FieldOf(string field)
    {
        if (WholeItem().Match(field) is { Success: true } item)
        {
            return $"items[{item.Groups[1].Value}].hsCode";
        }

        return field switch
        {
            "exporter" or "importer" => field + ".name",
            "items" => "items[0].hsCode",
            "transport" => "transport.mode",
            _ => field,
        };
    }

    /// <summary>An element id for a field path: <c>items[1].hsCode</c> → <c>f-items-1-hsCode</c>.</summary>
    public static string Id(string field) => "f-" + NotIdCharacter().Replace(field, "-").Trim('-').Replace("--", "-", StringComparison.Ordinal);

    public static string ErrorId(string field) => Id(field) + "-error";

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private string? Text(string name) => this[name] is { Length: > 0 } value ? value : null;

    private decimal? Decimal(Dictionary<string, string[]> errors, string name, string notANumber)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors[name] = [notANumber];
        return null;
    }

    [GeneratedRegex(@"^items\[(\d{1,2})\]\.")]
    private static partial Regex ItemKey();

    [GeneratedRegex(@"^items\[(\d+)\]$")]
    private static partial Regex WholeItem();

    [GeneratedRegex("[^A-Za-z0-9_-]+")]
    private static partial Regex NotIdCharacter();
}
