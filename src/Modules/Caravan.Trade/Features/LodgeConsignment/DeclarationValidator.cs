using System.Globalization;
using Caravan.Access.Contracts;
using Caravan.Reference.Contracts;
using Caravan.Trade.Contracts;

namespace Caravan.Trade.Features.LodgeConsignment;

/// <summary>
/// Checks a declaration completely and reports every problem at once, each under the field it concerns
/// (<c>goodsItems[1].netMassKg</c>, <c>route.crossings[0]</c>), in words a trader can act on. It reads the
/// reference data through the Reference module's contracts; it stores nothing.
/// </summary>
internal sealed class DeclarationValidator(IHsNomenclature hs, IBorderCrossingDirectory crossings)
{
    private const int MaxText = 512;

    public async Task<IReadOnlyDictionary<string, string[]>> ValidateAsync(ConsignmentDeclaration? declaration, CancellationToken cancellationToken = default)
    {
        var errors = new Errors();
        if (declaration is null)
        {
            errors.Add("declaration", "is required.");
            return errors.ToDictionary();
        }

        ValidateParty(errors, "declarant", declaration.Declarant, required: true);
        ValidateParty(errors, "exporter", declaration.Exporter, required: true);
        ValidateParty(errors, "importer", declaration.Importer, required: true);
        ValidateParty(errors, "carrier", declaration.Carrier, required: false);

        var items = declaration.GoodsItems ?? [];
        if (items.Count == 0)
        {
            errors.Add("goodsItems", "a declaration has at least one goods item.");
        }

        for (var i = 0; i < items.Count; i++)
        {
            await ValidateItemAsync(errors, $"goodsItems[{Count(i)}]", items[i], cancellationToken);
        }

        var containers = declaration.Containers ?? [];
        for (var i = 0; i < containers.Count; i++)
        {
            var field = $"containers[{Count(i)}]";
            var number = ContainerNumbers.Parse(containers[i]?.Number);
            if (!number.IsValid)
            {
                errors.Add($"{field}.number", number.Error!);
            }

            var seals = containers[i]?.Seals ?? [];
            for (var s = 0; s < seals.Count; s++)
            {
                if (string.IsNullOrWhiteSpace(seals[s]) || seals[s].Length > 35)
                {
                    errors.Add($"{field}.seals[{Count(s)}]", "a seal number has 1 to 35 characters.");
                }
            }
        }

        var mode = TransportModes.Parse(declaration.TransportMode);
        if (!mode.IsValid)
        {
            errors.Add("transportMode", mode.Error!);
        }
        else if (TransportModes.CrossingMode(mode.Value) is null)
        {
            errors.Add("transportMode", $"{TransportModes.Name(mode.Value)} does not cross the land borders the platform routes through; declare road (3) or rail (2).");
        }

        if (declaration.TransportMeans is { Length: > MaxText })
        {
            errors.Add("transportMeans", $"is longer than {Count(MaxText)} characters.");
        }

        var documents = declaration.Documents ?? [];
        for (var i = 0; i < documents.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(documents[i]?.Type) || string.IsNullOrWhiteSpace(documents[i]?.Number))
            {
                errors.Add($"documents[{Count(i)}]", "a document has a type and a number.");
            }
        }

        await ValidateRouteAsync(errors, declaration, mode.IsValid ? TransportModes.CrossingMode(mode.Value) : null, cancellationToken);
        return errors.ToDictionary();
    }

    private static void ValidateParty(Errors errors, string field, Party? party, bool required)
    {
        if (party is null)
        {
            if (required)
            {
                errors.Add(field, "is required: name, country and, in the six member states, the national identifier.");
            }

            return;
        }

        if (string.IsNullOrWhiteSpace(party.Name) || party.Name.Length > MaxText)
        {
            errors.Add($"{field}.name", $"is required, at most {Count(MaxText)} characters.");
        }

        var country = ReferenceCodes.ParseCountryCode(party.Country);
        if (!country.IsValid)
        {
            errors.Add($"{field}.country", country.Error!);
            return;
        }

        if (ReferenceCodes.MemberStates.Contains(country.Value!))
        {
            var identifier = NationalIdentifiers.Parse(country.Value!, party.NationalIdentifier);
            if (!identifier.IsValid)
            {
                errors.Add($"{field}.nationalIdentifier", identifier.Error!);
            }
        }
    }

    private async Task ValidateItemAsync(Errors errors, string field, GoodsItem? item, CancellationToken cancellationToken)
    {
        if (item is null)
        {
            errors.Add(field, "is empty.");
            return;
        }

        var digits = new string((item.HsCode ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
        var code = ReferenceCodes.ParseHsCode(digits.Length is 8 or 10 ? digits[..6] : item.HsCode);
        if (!code.IsValid)
        {
            errors.Add($"{field}.hsCode", code.Error!);
        }
        else if (code.Value!.Length < 6)
        {
            errors.Add($"{field}.hsCode", $"{code.Value} is a {(code.Value.Length == 2 ? "chapter" : "heading")}; declare the 6-digit subheading.");
        }
        else if (await hs.FindAsync(code.Value, cancellationToken) is null)
        {
            errors.Add($"{field}.hsCode", $"HS 2022 has no subheading {code.Value}.");
        }

        if (string.IsNullOrWhiteSpace(item.Description) || item.Description.Length > MaxText)
        {
            errors.Add($"{field}.description", $"is required, at most {Count(MaxText)} characters.");
        }

        if (item.Quantity is not > 0)
        {
            errors.Add($"{field}.quantity", "must be more than zero.");
        }

        var unit = UnitCodes.Parse(item.Unit);
        if (!unit.IsValid)
        {
            errors.Add($"{field}.unit", unit.Error!);
        }

        if (item.GrossMassKg is not > 0)
        {
            errors.Add($"{field}.grossMassKg", "must be more than zero kilograms.");
        }

        if (item.NetMassKg is not > 0)
        {
            errors.Add($"{field}.netMassKg", "must be more than zero kilograms.");
        }
        else if (item.GrossMassKg is { } gross && item.NetMassKg > gross)
        {
            errors.Add($"{field}.netMassKg", $"{item.NetMassKg.Value.ToString(CultureInfo.InvariantCulture)} kg is more than the gross mass {gross.ToString(CultureInfo.InvariantCulture)} kg; net mass excludes packing, so it cannot exceed gross.");
        }

        if (item.Value is not >= 0)
        {
            errors.Add($"{field}.value", "is required and cannot be negative.");
        }

        var currency = CurrencyCodes.Parse(item.Currency);
        if (!currency.IsValid)
        {
            errors.Add($"{field}.currency", currency.Error!);
        }

        var origin = ReferenceCodes.ParseCountryCode(item.CountryOfOrigin);
        if (!origin.IsValid)
        {
            errors.Add($"{field}.countryOfOrigin", origin.Error!);
        }

        if (item.Packages is < 0)
        {
            errors.Add($"{field}.packages", "cannot be negative.");
        }

        if (item.Packages is > 0 || item.PackageType is not null)
        {
            var package = PackageTypes.Parse(item.PackageType);
            if (!package.IsValid)
            {
                errors.Add($"{field}.packageType", package.Error!);
            }
        }
    }

    private async Task ValidateRouteAsync(Errors errors, ConsignmentDeclaration declaration, string? crossingMode, CancellationToken cancellationToken)
    {
        var dispatch = Member(errors, "countryOfDispatch", declaration.CountryOfDispatch);
        var destination = Member(errors, "countryOfDestination", declaration.CountryOfDestination);
        var countries = declaration.Route?.Countries ?? [];
        var given = declaration.Route?.Crossings ?? [];
        if (countries.Count < 2)
        {
            errors.Add("route.countries", "list the countries from dispatch to destination, at least two.");
            return;
        }

        var route = new List<string?>();
        for (var i = 0; i < countries.Count; i++)
        {
            route.Add(Member(errors, $"route.countries[{Count(i)}]", countries[i]));
        }

        if (dispatch is not null && route[0] is { } first && first != dispatch)
        {
            errors.Add("route.countries[0]", $"the route starts in {first}, but the country of dispatch is {dispatch}.");
        }

        if (destination is not null && route[^1] is { } last && last != destination)
        {
            errors.Add($"route.countries[{Count(route.Count - 1)}]", $"the route ends in {last}, but the country of destination is {destination}.");
        }

        if (given.Count != route.Count - 1)
        {
            errors.Add("route.crossings", $"{Count(route.Count)} countries have {Count(route.Count - 1)} borders between them; give one crossing for each ({Count(given.Count)} given).");
        }

        // All 39 crossings in one read, rather than a query per border and per crossing given.
        var all = await crossings.ListAsync(new BorderCrossingFilter(), cancellationToken);
        for (var i = 0; i < route.Count - 1; i++)
        {
            if (route[i] is not { } from || route[i + 1] is not { } to)
            {
                continue;
            }

            var field = $"route.crossings[{Count(i)}]";
            if (from == to)
            {
                errors.Add($"route.countries[{Count(i + 1)}]", $"{to} follows itself; list each country once per visit.");
                continue;
            }

            var open = all.Where(c => c.Joins(from, to) && c.IsOpen && (crossingMode is null || c.Mode == crossingMode)).ToList();
            if (open.Count == 0)
            {
                errors.Add(field, $"{from} and {to} share no open {crossingMode ?? "road or rail"} crossing; the consignment cannot go from {from} to {to} directly.");
                continue;
            }

            if (i >= given.Count)
            {
                continue;
            }

            var id = given[i]?.Trim().ToUpperInvariant() ?? string.Empty;
            var crossing = all.FirstOrDefault(c => c.Id == id);
            if (crossing is null)
            {
                errors.Add(field, $"'{ReferenceCodes.Truncate(id)}' is not a border crossing; between {from} and {to}: {string.Join(", ", open.Select(c => $"{c.Id} ({c.Name})"))}.");
            }
            else if (!crossing.Joins(from, to))
            {
                errors.Add(field, $"{crossing.Id} joins {crossing.SideA.Country} and {crossing.SideB.Country}, not {from} and {to}; use one of {string.Join(", ", open.Select(c => c.Id))}.");
            }
            else if (crossingMode is not null && crossing.Mode != crossingMode)
            {
                errors.Add(field, $"{crossing.Id} is a {crossing.Mode} crossing but the transport mode is {crossingMode}; use one of {string.Join(", ", open.Select(c => c.Id))}.");
            }
            else if (!crossing.IsOpen)
            {
                errors.Add(field, $"{crossing.Id} is not open ({crossing.Status}); use one of {string.Join(", ", open.Select(c => c.Id))}.");
            }
        }
    }

    /// <summary>A member state's code, or null with the reason recorded.</summary>
    private static string? Member(Errors errors, string field, string? input)
    {
        var parsed = ReferenceCodes.ParseCountryCode(input);
        if (!parsed.IsValid)
        {
            errors.Add(field, parsed.Error!);
            return null;
        }

        if (!ReferenceCodes.MemberStates.Contains(parsed.Value!))
        {
            errors.Add(field, $"{parsed.Value} is not one of the six countries the platform routes through ({string.Join(", ", ReferenceCodes.MemberStates)}).");
            return null;
        }

        return parsed.Value;
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed class Errors
    {
        private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

        public void Add(string field, string reason)
        {
            if (!_errors.TryGetValue(field, out var list))
            {
                _errors[field] = list = [];
            }

            list.Add(reason);
        }

        public IReadOnlyDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }
}
