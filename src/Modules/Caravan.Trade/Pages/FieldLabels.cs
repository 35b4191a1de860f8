using System.Globalization;
using System.Text.RegularExpressions;
using Caravan.Trade.Pages.Consignments;
using Microsoft.Extensions.Localization;

namespace Caravan.Trade.Pages;

/// <summary>
/// What a field of the declaration is called on screen ("Goods item 2 · Net mass (kg)"), from the path the validator
/// and the amendments' changes use (<c>goodsItems[1].netMassKg</c>). A path with no label of its own is shown as it
/// is, rather than as a missing string.
/// </summary>
internal sealed partial class FieldLabels(IStringLocalizer t, TradeDisplay display, IReadOnlyList<string> route)
{
    public string Of(string field)
    {
        var m = Indexed().Match(field);
        if (m.Success)
        {
            var i = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            var rest = m.Groups[3].Value;
            var bracket = rest.IndexOf('[', StringComparison.Ordinal);
            var part = bracket >= 0 ? rest[..bracket] : rest;
            return m.Groups[1].Value switch
            {
                "goodsItems" => Join(t["trade.form.item", i + 1], part, "trade.item."),
                "containers" => Join(t["trade.form.container", i + 1], part, "trade.container."),
                "documents" => Join(t["trade.form.document", i + 1], part, "trade.document."),
                "transit" => t["trade.form.transit", i + 1].Value,
                "route.countries" => i == 0 ? t["trade.field.countryOfDispatch"].Value
                    : i == route.Count - 1 ? t["trade.field.countryOfDestination"].Value
                    : t["trade.form.transit", i].Value,
                _ => i + 1 < route.Count ? t["trade.form.border", display.Country(route[i]), display.Country(route[i + 1])].Value : t["trade.form.crossing"].Value,
            };
        }

        var dot = field.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && DeclarationForm.Parties.Contains(field[..dot]))
        {
            return Join(t["trade.party." + field[..dot]], field[(dot + 1)..], "trade.party.");
        }

        return Known("trade.field." + field) ?? (DeclarationForm.Parties.Contains(field) ? t["trade.party." + field].Value : field);
    }

    private string Join(LocalizedString head, string part, string prefix) =>
        part.Length == 0 ? head.Value : $"{head.Value} · {Known(prefix + part) ?? part}";

    private string? Known(string key) => t[key] is { ResourceNotFound: false } s ? s.Value : null;

    [GeneratedRegex(@"^(goodsItems|containers|documents|transit|route\.crossings|route\.countries)\[(\d{1,3})\]\.?(.*)$")]
    private static partial Regex Indexed();
}
