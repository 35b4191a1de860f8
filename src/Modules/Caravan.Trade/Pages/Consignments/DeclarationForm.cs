using System.Globalization;
using System.Text.RegularExpressions;
using Caravan.Trade.Contracts;
using Microsoft.AspNetCore.Http;

namespace Caravan.Trade.Pages.Consignments;

/// <summary>
/// The lodging form as the browser posts it: every input is named by its field path in the API
/// (<c>declarant.name</c>, <c>goodsItems[1].netMassKg</c>, <c>route.crossings[0]</c>), so that the validator's errors,
/// keyed the same way, land next to the input they concern. Values are kept as typed, to show them again.
/// </summary>
internal sealed partial class DeclarationForm
{
    public const int MaxItems = 50;
    public const int MaxContainers = 20;
    public const int MaxDocuments = 20;
    public const int MaxTransits = 4;

    public static readonly IReadOnlyList<string> Parties = ["declarant", "exporter", "importer", "carrier"];
    public static readonly IReadOnlyList<string> PartyFields = ["name", "country", "nationalIdentifier"];
    public static readonly IReadOnlyList<string> ItemFields =
        ["hsCode", "description", "quantity", "unit", "grossMassKg", "netMassKg", "value", "currency", "countryOfOrigin", "packages", "packageType"];

    private static readonly string[] DecimalFields = ["quantity", "grossMassKg", "netMassKg", "value"];

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public int Items { get; private set; } = 1;

    public int Containers { get; private set; } = 1;

    public int Documents { get; private set; } = 1;

    /// <summary>The transit countries chosen, in order (empty choices dropped).</summary>
    public List<string> Transits { get; private set; } = [];

    public string IdempotencyKey { get; private set; } = Guid.NewGuid().ToString();

    public string this[string name] => _values.GetValueOrDefault(name, string.Empty);

    public void Set(string name, string? value) => _values[name] = value?.Trim() ?? string.Empty;

    /// <summary>The route as chosen so far: dispatch, transits, destination (blank ends left out).</summary>
    public IReadOnlyList<string> RouteCountries =>
        new[] { this["countryOfDispatch"] }.Concat(Transits).Append(this["countryOfDestination"]).Where(c => c.Length > 0).ToList();

    /// <summary>The crossings' mode for the chosen transport mode ("road", "rail"), or null when none is chosen.</summary>
    public string? CrossingMode => TransportModes.Parse(this["transportMode"]) is { IsValid: true } m ? TransportModes.CrossingMode(m.Value) : null;

    public static DeclarationForm Read(IFormCollection form)
    {
        var result = new DeclarationForm();
        foreach (var (key, value) in form)
        {
            if (key.Length <= 80 && !key.StartsWith("__", StringComparison.Ordinal))
            {
                result._values[key] = value.ToString().Trim();
            }
        }

        result.Items = Math.Clamp(RowCount(form.Keys, "goodsItems"), 1, MaxItems);
        result.Containers = Math.Clamp(RowCount(form.Keys, "containers"), 1, MaxContainers);
        result.Documents = Math.Clamp(RowCount(form.Keys, "documents"), 1, MaxDocuments);
        result.Transits = Enumerable.Range(0, MaxTransits).Select(i => result[$"transit[{i}]"]).Where(c => c.Length > 0).ToList();
        if (Guid.TryParse(result["idempotencyKey"], out var posted))
        {
            result.IdempotencyKey = posted.ToString();
        }

        return result;
    }

    /// <summary>
    /// The form filled in with a declaration as it stands (to amend it): the same names and the same text a trader
    /// would have typed, so that saving it untouched gives the same declaration back.
    /// </summary>
    public static DeclarationForm FromDeclaration(ConsignmentDeclaration declaration)
    {
        var result = new DeclarationForm();
        foreach (var (name, party) in new[] { ("declarant", declaration.Declarant), ("exporter", declaration.Exporter), ("importer", declaration.Importer), ("carrier", declaration.Carrier) })
        {
            result.Set(name + ".name", party?.Name);
            result.Set(name + ".country", party?.Country);
            result.Set(name + ".nationalIdentifier", party?.NationalIdentifier);
        }

        var items = declaration.GoodsItems ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            var p = $"goodsItems[{Num(i)}].";
            var g = items[i];
            result.Set(p + "hsCode", g.HsCode);
            result.Set(p + "description", g.Description);
            result.Set(p + "quantity", Number(g.Quantity));
            result.Set(p + "unit", g.Unit);
            result.Set(p + "grossMassKg", Number(g.GrossMassKg));
            result.Set(p + "netMassKg", Number(g.NetMassKg));
            result.Set(p + "value", Number(g.Value));
            result.Set(p + "currency", g.Currency);
            result.Set(p + "countryOfOrigin", g.CountryOfOrigin);
            result.Set(p + "packages", g.Packages?.ToString(CultureInfo.InvariantCulture));
            result.Set(p + "packageType", g.PackageType);
        }

        var containers = declaration.Containers ?? [];
        for (var i = 0; i < containers.Count; i++)
        {
            result.Set($"containers[{Num(i)}].number", containers[i].Number);
            result.Set($"containers[{Num(i)}].seals", string.Join(", ", containers[i].Seals ?? []));
        }

        var documents = declaration.Documents ?? [];
        for (var i = 0; i < documents.Count; i++)
        {
            result.Set($"documents[{Num(i)}].type", documents[i].Type);
            result.Set($"documents[{Num(i)}].number", documents[i].Number);
            result.Set($"documents[{Num(i)}].issuer", documents[i].Issuer);
        }

        result.Set("transportMode", declaration.TransportMode);
        result.Set("transportMeans", declaration.TransportMeans);
        var countries = declaration.Route?.Countries ?? [];
        result.Set("countryOfDispatch", countries.Count > 0 ? countries[0] : declaration.CountryOfDispatch);
        result.Set("countryOfDestination", countries.Count > 1 ? countries[^1] : declaration.CountryOfDestination);
        result.Transits = countries.Count > 2 ? countries.Skip(1).Take(countries.Count - 2).Take(MaxTransits).ToList() : [];
        var crossings = declaration.Route?.Crossings ?? [];
        for (var i = 0; i < crossings.Count; i++)
        {
            result.Set($"route.crossings[{Num(i)}]", crossings[i]);
        }

        result.Items = Math.Clamp(items.Count, 1, MaxItems);
        result.Containers = Math.Clamp(containers.Count, 1, MaxContainers);
        result.Documents = Math.Clamp(documents.Count, 1, MaxDocuments);
        return result;
    }

    /// <summary>
    /// Applies a button that changes the form's shape rather than submitting it (adding or removing a row, showing
    /// the crossings of the route): the way the form works without a script. False when the action submits.
    /// </summary>
    public bool Reshape(string? action)
    {
        switch (action)
        {
            case "add-item": AddRow("goodsItems"); return true;
            case "add-container": AddRow("containers"); return true;
            case "add-document": AddRow("documents"); return true;
            case "route": return true;
            case { } remove when remove.StartsWith("remove:", StringComparison.Ordinal):
                var parts = remove.Split(':');
                if (parts.Length == 3 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    RemoveRow(parts[1], index);
                }

                return true;
            default:
                return false;
        }
    }

    public void AddRow(string list)
    {
        switch (list)
        {
            case "goodsItems": Items = Math.Min(Items + 1, MaxItems); break;
            case "containers": Containers = Math.Min(Containers + 1, MaxContainers); break;
            case "documents": Documents = Math.Min(Documents + 1, MaxDocuments); break;
        }
    }

    /// <summary>Removes a row and moves the ones after it up, so that the names stay 0, 1, 2…</summary>
    public void RemoveRow(string list, int index)
    {
        var count = list switch { "goodsItems" => Items, "containers" => Containers, "documents" => Documents, _ => 0 };
        if (index < 0 || index >= count || count <= 1)
        {
            return;
        }

        for (var i = index; i < count; i++)
        {
            var prefix = $"{list}[{Num(i)}].";
            var next = $"{list}[{Num(i + 1)}].";
            foreach (var key in _values.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
            {
                _values.Remove(key);
            }

            foreach (var key in _values.Keys.Where(k => k.StartsWith(next, StringComparison.Ordinal)).ToList())
            {
                _values[prefix + key[next.Length..]] = _values[key];
            }
        }

        switch (list)
        {
            case "goodsItems": Items--; break;
            case "containers": Containers--; break;
            default: Documents--; break;
        }
    }

    /// <summary>
    /// The declaration the form describes. Numbers that do not read as numbers are reported here (the API's JSON
    /// reader would refuse them the same way); empty container and document rows are left out, and
    /// <paramref name="fieldOf"/> maps the declaration's field paths back to the form's rows.
    /// </summary>
    public ConsignmentDeclaration ToDeclaration(Dictionary<string, string[]> errors, string notANumber, out Func<string, string> fieldOf)
    {
        var items = new List<GoodsItem>();
        for (var i = 0; i < Items; i++)
        {
            var p = $"goodsItems[{Num(i)}].";
            var numbers = DecimalFields.ToDictionary(f => f, f => Decimal(errors, p + f, notANumber));
            int? packages = null;
            if (this[p + "packages"] is { Length: > 0 } text)
            {
                if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
                {
                    packages = n;
                }
                else
                {
                    errors[p + "packages"] = [notANumber];
                }
            }

            items.Add(new GoodsItem(
                Text(p + "hsCode"), Text(p + "description"), numbers["quantity"], Text(p + "unit")?.ToUpperInvariant(),
                numbers["grossMassKg"], numbers["netMassKg"], numbers["value"], Text(p + "currency")?.ToUpperInvariant(),
                Text(p + "countryOfOrigin")?.ToUpperInvariant(), packages, Text(p + "packageType")?.ToUpperInvariant()));
        }

        var containerRows = Enumerable.Range(0, Containers).Where(i => Text($"containers[{Num(i)}].number") is not null || Text($"containers[{Num(i)}].seals") is not null).ToList();
        var containers = containerRows.Select(i => new Container(
            Text($"containers[{Num(i)}].number")?.ToUpperInvariant(),
            (Text($"containers[{Num(i)}].seals") ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))).ToList();

        var documentRows = Enumerable.Range(0, Documents).Where(i => new[] { "type", "number", "issuer" }.Any(f => Text($"documents[{Num(i)}].{f}") is not null)).ToList();
        var documents = documentRows.Select(i => new AttachedDocument(Text($"documents[{Num(i)}].type"), Text($"documents[{Num(i)}].number"), Text($"documents[{Num(i)}].issuer"))).ToList();

        var route = RouteCountries;
        var crossings = Enumerable.Range(0, Math.Max(route.Count - 1, 0)).Select(i => this[$"route.crossings[{Num(i)}]"]).ToList();
        var transits = Transits.Count;
        fieldOf = field => FieldOf(field, containerRows, documentRows, transits);

        Party? PartyOf(string prefix) =>
            PartyFields.All(f => Text($"{prefix}.{f}") is null) ? null
                : new Party(Text($"{prefix}.name"), Text($"{prefix}.country")?.ToUpperInvariant(), Text($"{prefix}.nationalIdentifier"));

        return new ConsignmentDeclaration(
            PartyOf("declarant"), PartyOf("exporter"), PartyOf("importer"), PartyOf("carrier"),
            items, containers, Text("transportMode"), Text("transportMeans"), documents,
            Text("countryOfDispatch"), Text("countryOfDestination"),
            new Route(route, crossings));
    }

    /// <summary>The input an error of the declaration belongs to (its id is <see cref="Id"/> of it).</summary>
    private static string FieldOf(string field, List<int> containerRows, List<int> documentRows, int transits)
    {
        var match = IndexedField().Match(field);
        if (match.Success)
        {
            var list = match.Groups[1].Value;
            var index = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            var rest = match.Groups[3].Value;
            switch (list)
            {
                case "containers" when index < containerRows.Count:
                    return $"containers[{Num(containerRows[index])}]" + (rest.StartsWith(".seals", StringComparison.Ordinal) ? ".seals" : rest.Length > 0 ? rest : ".number");
                case "documents" when index < documentRows.Count:
                    return $"documents[{Num(documentRows[index])}].type";
                case "goodsItems" when rest.Length == 0:
                    return $"goodsItems[{Num(index)}].hsCode";
                case "route.countries":
                    return index == 0 ? "countryOfDispatch" : index > transits ? "countryOfDestination" : $"transit[{Num(index - 1)}]";
            }
        }

        return field switch
        {
            "declarant" or "exporter" or "importer" or "carrier" => field + ".name",
            "goodsItems" => "goodsItems[0].hsCode",
            "route.countries" => "countryOfDispatch",
            "route.crossings" => "route.crossings[0]",
            "declaration" => "declarant.name",
            _ => field,
        };
    }

    /// <summary>An element id for a field path: <c>goodsItems[1].netMassKg</c> → <c>f-goodsItems-1-netMassKg</c>.</summary>
    public static string Id(string field) => "f-" + NotIdCharacter().Replace(field, "-").Trim('-').Replace("--", "-", StringComparison.Ordinal);

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private string? Text(string name) => this[name] is { Length: > 0 } value ? value : null;

    private decimal? Decimal(Dictionary<string, string[]> errors, string name, string notANumber)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }

        if (decimal.TryParse(text.Replace(" ", string.Empty, StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors[name] = [notANumber];
        return null;
    }

    private static int RowCount(IEnumerable<string> keys, string list) =>
        keys.Select(k => IndexedField().Match(k)).Where(m => m.Success && m.Groups[1].Value == list)
            .Select(m => int.TryParse(m.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i + 1 : 0)
            .DefaultIfEmpty(0).Max();

    [GeneratedRegex(@"^(goodsItems|containers|documents|route\.countries)\[(\d{1,3})\](.*)$")]
    private static partial Regex IndexedField();

    [GeneratedRegex(@"[^A-Za-z0-9_]+")]
    private static partial Regex NotIdCharacter();
}
