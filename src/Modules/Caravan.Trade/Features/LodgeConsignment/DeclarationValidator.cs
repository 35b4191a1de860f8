using System.Globalization;
using Caravan.Access.Contracts;
using Caravan.Platform.Localization;
using Caravan.Reference.Contracts;
using Caravan.Trade.Contracts;
using Caravan.Trade.Localization;

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
            errors.Add("declaration", TradeMessages.DeclarationRequired.With());
            return errors.ToDictionary();
        }

        ValidateParty(errors, "declarant", declaration.Declarant, required: true);
        ValidateParty(errors, "exporter", declaration.Exporter, required: true);
        ValidateParty(errors, "importer", declaration.Importer, required: true);
        ValidateParty(errors, "carrier", declaration.Carrier, required: false);

        var items = declaration.GoodsItems ?? [];
        if (items.Count == 0)
        {
            errors.Add("goodsItems", TradeMessages.NoGoodsItems.With());
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
                errors.Add($"{field}.number", number.Reason!);
            }

            var seals = containers[i]?.Seals ?? [];
            for (var s = 0; s < seals.Count; s++)
            {
                if (string.IsNullOrWhiteSpace(seals[s]) || seals[s].Length > 35)
                {
                    errors.Add($"{field}.seals[{Count(s)}]", TradeMessages.SealNumber.With());
                }
            }
        }

        var mode = TransportModes.Parse(declaration.TransportMode);
        if (!mode.IsValid)
        {
            errors.Add("transportMode", mode.Reason!);
        }
        else if (TransportModes.CrossingMode(mode.Value) is null)
        {
            errors.Add("transportMode", TradeMessages.ModeCrossesNoLandBorder.With(TradeMessages.ModeName(mode.Value)));
        }

        if (declaration.TransportMeans is { Length: > MaxText })
        {
            errors.Add("transportMeans", TradeMessages.TextTooLong.With(Count(MaxText)));
        }

        var documents = declaration.Documents ?? [];
        for (var i = 0; i < documents.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(documents[i]?.Type) || string.IsNullOrWhiteSpace(documents[i]?.Number))
            {
                errors.Add($"documents[{Count(i)}]", TradeMessages.Document.With());
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
                errors.Add(field, TradeMessages.PartyRequired.With());
            }

            return;
        }

        if (string.IsNullOrWhiteSpace(party.Name) || party.Name.Length > MaxText)
        {
            errors.Add($"{field}.name", TradeMessages.TextRequired.With(Count(MaxText)));
        }

        var country = ReferenceCodes.ParseCountryCode(party.Country);
        if (!country.IsValid)
        {
            errors.Add($"{field}.country", country.Reason!);
            return;
        }

        if (ReferenceCodes.MemberStates.Contains(country.Value!))
        {
            var identifier = NationalIdentifiers.Parse(country.Value!, party.NationalIdentifier);
            if (!identifier.IsValid)
            {
                errors.Add($"{field}.nationalIdentifier", identifier.Reason!);
            }
        }
    }

    private async Task ValidateItemAsync(Errors errors, string field, GoodsItem? item, CancellationToken cancellationToken)
    {
        if (item is null)
        {
            errors.Add(field, TradeMessages.ItemEmpty.With());
            return;
        }

        var digits = new string((item.HsCode ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
        var code = ReferenceCodes.ParseHsCode(digits.Length is 8 or 10 ? digits[..6] : item.HsCode);
        if (!code.IsValid)
        {
            errors.Add($"{field}.hsCode", code.Reason!);
        }
        else if (code.Value!.Length < 6)
        {
            errors.Add($"{field}.hsCode", (code.Value.Length == 2 ? TradeMessages.HsChapter : TradeMessages.HsHeading).With(code.Value));
        }
        else if (await hs.FindAsync(code.Value, cancellationToken) is null)
        {
            errors.Add($"{field}.hsCode", TradeMessages.HsUnknown.With(code.Value));
        }

        if (string.IsNullOrWhiteSpace(item.Description) || item.Description.Length > MaxText)
        {
            errors.Add($"{field}.description", TradeMessages.TextRequired.With(Count(MaxText)));
        }

        if (item.Quantity is not > 0)
        {
            errors.Add($"{field}.quantity", TradeMessages.MoreThanZero.With());
        }

        var unit = UnitCodes.Parse(item.Unit);
        if (!unit.IsValid)
        {
            errors.Add($"{field}.unit", unit.Reason!);
        }

        if (item.GrossMassKg is not > 0)
        {
            errors.Add($"{field}.grossMassKg", TradeMessages.MassMoreThanZero.With());
        }

        if (item.NetMassKg is not > 0)
        {
            errors.Add($"{field}.netMassKg", TradeMessages.MassMoreThanZero.With());
        }
        else if (item.GrossMassKg is { } gross && item.NetMassKg > gross)
        {
            errors.Add($"{field}.netMassKg", TradeMessages.NetOverGross.With(item.NetMassKg.Value.ToString(CultureInfo.InvariantCulture), gross.ToString(CultureInfo.InvariantCulture)));
        }

        if (item.Value is not >= 0)
        {
            errors.Add($"{field}.value", TradeMessages.ValueRequired.With());
        }

        var currency = CurrencyCodes.Parse(item.Currency);
        if (!currency.IsValid)
        {
            errors.Add($"{field}.currency", currency.Reason!);
        }

        var origin = ReferenceCodes.ParseCountryCode(item.CountryOfOrigin);
        if (!origin.IsValid)
        {
            errors.Add($"{field}.countryOfOrigin", origin.Reason!);
        }

        if (item.Packages is < 0)
        {
            errors.Add($"{field}.packages", TradeMessages.CannotBeNegative.With());
        }

        if (item.Packages is > 0 || item.PackageType is not null)
        {
            var package = PackageTypes.Parse(item.PackageType);
            if (!package.IsValid)
            {
                errors.Add($"{field}.packageType", package.Reason!);
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
            errors.Add("route.countries", TradeMessages.RouteCountries.With());
            return;
        }

        var route = new List<string?>();
        for (var i = 0; i < countries.Count; i++)
        {
            route.Add(Member(errors, $"route.countries[{Count(i)}]", countries[i]));
        }

        if (dispatch is not null && route[0] is { } first && first != dispatch)
        {
            errors.Add("route.countries[0]", TradeMessages.RouteStart.With(first, dispatch));
        }

        if (destination is not null && route[^1] is { } last && last != destination)
        {
            errors.Add($"route.countries[{Count(route.Count - 1)}]", TradeMessages.RouteEnd.With(last, destination));
        }

        if (given.Count != route.Count - 1)
        {
            errors.Add("route.crossings", TradeMessages.CrossingCount.With(Count(route.Count), Count(route.Count - 1), Count(given.Count)));
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
                errors.Add($"route.countries[{Count(i + 1)}]", TradeMessages.CountryFollowsItself.With(to));
                continue;
            }

            var open = all.Where(c => c.Joins(from, to) && c.IsOpen && (crossingMode is null || c.Mode == crossingMode)).ToList();
            if (open.Count == 0)
            {
                errors.Add(field, TradeMessages.NoOpenCrossing.With(from, to, TradeMessages.CrossingMode(crossingMode)));
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
                errors.Add(field, TradeMessages.NotACrossing.With(ReferenceCodes.Truncate(id), from, to, string.Join(", ", open.Select(c => $"{c.Id} ({c.Name})"))));
            }
            else if (!crossing.Joins(from, to))
            {
                errors.Add(field, TradeMessages.CrossingElsewhere.With(crossing.Id, crossing.SideA.Country, crossing.SideB.Country, from, to, string.Join(", ", open.Select(c => c.Id))));
            }
            else if (crossingMode is not null && crossing.Mode != crossingMode)
            {
                errors.Add(field, TradeMessages.CrossingOtherMode.With(crossing.Id, TradeMessages.CrossingMode(crossing.Mode), TradeMessages.CrossingMode(crossingMode), string.Join(", ", open.Select(c => c.Id))));
            }
            else if (!crossing.IsOpen)
            {
                errors.Add(field, TradeMessages.CrossingNotOpen.With(crossing.Id, crossing.Status, string.Join(", ", open.Select(c => c.Id))));
            }
        }
    }

    /// <summary>A member state's code, or null with the reason recorded.</summary>
    private static string? Member(Errors errors, string field, string? input)
    {
        var parsed = ReferenceCodes.ParseCountryCode(input);
        if (!parsed.IsValid)
        {
            errors.Add(field, parsed.Reason!);
            return null;
        }

        if (!ReferenceCodes.MemberStates.Contains(parsed.Value!))
        {
            errors.Add(field, TradeMessages.NotAMemberState.With(parsed.Value, string.Join(", ", ReferenceCodes.MemberStates)));
            return null;
        }

        return parsed.Value;
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed class Errors
    {
        private readonly Dictionary<string, List<Message>> _errors = new(StringComparer.Ordinal);

        public void Add(string field, Message reason)
        {
            if (!_errors.TryGetValue(field, out var list))
            {
                _errors[field] = list = [];
            }

            list.Add(reason);
        }

        /// <summary>The reasons in the language of the current request, rendered here because this is what the problem details carry.</summary>
        public IReadOnlyDictionary<string, string[]> ToDictionary() =>
            _errors.ToDictionary(e => e.Key, e => e.Value.Select(m => m.ToString()).ToArray(), StringComparer.Ordinal);
    }
}
