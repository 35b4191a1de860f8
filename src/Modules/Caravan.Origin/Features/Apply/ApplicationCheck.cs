using System.Globalization;
using Caravan.Origin.Contracts;
using Caravan.Origin.Localization;
using Caravan.Reference.Contracts;
using Caravan.Trade.Contracts;

namespace Caravan.Origin.Features.Apply;

/// <summary>
/// Everything wrong with an application at once, by field path (<c>items[1].originCriterion</c>), as lodging a
/// consignment does. Items that name a goods item of the linked consignment must match its HS code.
/// </summary>
internal sealed class ApplicationCheck(IHsNomenclature hs)
{
    public const int MaxItems = 200;

    public async Task<Dictionary<string, string[]>> CheckAsync(CertificateApplicationRequest request, string issuerCountry, ConsignmentView? consignment, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(string field, string message) => errors[field] = errors.TryGetValue(field, out var m) ? [.. m, message] : [message];

        CheckParty(request.Exporter, "exporter", Add);
        CheckParty(request.Importer, "importer", Add);
        if (request.Exporter?.Country is { Length: > 0 } exporterCountry && ReferenceCodes.ParseCountryCode(exporterCountry) is { IsValid: true, Value: var ec } && ec != issuerCountry)
        {
            Add("exporter.country", OriginMessages.IssuingBodyCountry.With(request.IssuingBody, issuerCountry, ec).ToString());
        }

        var importing = ReferenceCodes.ParseCountryCode(request.ImportingCountry);
        if (!importing.IsValid)
        {
            Add("importingCountry", importing.Error!);
        }
        else if (importing.Value == issuerCountry)
        {
            Add("importingCountry", OriginMessages.SameCountry.With().ToString());
        }

        if (request.Items is not { Count: > 0 and <= MaxItems } items)
        {
            Add("items", OriginMessages.Items.With(MaxItems).ToString());
        }
        else
        {
            for (var i = 0; i < items.Count; i++)
            {
                await CheckItemAsync(items[i], $"items[{i}]", issuerCountry, consignment, Add, ct);
            }
        }

        if (request.Transport is { } transport)
        {
            Text(transport.Means, "transport.means", 200, required: false, Add);
            Text(transport.Route, "transport.route", 300, required: false, Add);
            Text(transport.Mode, "transport.mode", 2, required: false, Add);
        }

        Text(request.Remarks, "remarks", 1000, required: false, Add);
        return errors;
    }

    private async Task CheckItemAsync(OriginGoodsItem? item, string path, string issuerCountry, ConsignmentView? consignment, Action<string, string> add, CancellationToken ct)
    {
        if (item is null)
        {
            add(path, OriginMessages.Required.With().ToString());
            return;
        }

        var code = ReferenceCodes.ParseHsCode(item.HsCode);
        if (!code.IsValid)
        {
            add($"{path}.hsCode", code.Error!);
        }
        else if (code.Value!.Length != 6 || await hs.FindAsync(code.Value, ct) is null)
        {
            add($"{path}.hsCode", OriginMessages.HsCode.With(item.HsCode).ToString());
        }

        Text(item.Description, $"{path}.description", 500, required: true, add);
        if (item.Quantity is not > 0)
        {
            add($"{path}.quantity", OriginMessages.Positive.With().ToString());
        }

        Text(item.Unit, $"{path}.unit", 3, required: true, add);
        if (item.GrossMassKg is not > 0)
        {
            add($"{path}.grossMassKg", OriginMessages.Positive.With().ToString());
        }

        var origin = ReferenceCodes.ParseCountryCode(item.CountryOfOrigin);
        if (!origin.IsValid)
        {
            add($"{path}.countryOfOrigin", origin.Error!);
        }
        else if (origin.Value != issuerCountry)
        {
            add($"{path}.countryOfOrigin", OriginMessages.OriginNotIssuer.With(issuerCountry, origin.Value).ToString());
        }

        if (item.OriginCriterion is null || !OriginCriteria.All.Contains(item.OriginCriterion))
        {
            add($"{path}.originCriterion", OriginMessages.Criterion.With(item.OriginCriterion ?? string.Empty, string.Join(", ", OriginCriteria.All)).ToString());
        }

        if (item.InvoiceValue is { } value && value <= 0)
        {
            add($"{path}.invoiceValue", OriginMessages.Positive.With().ToString());
        }

        if (item.ConsignmentItem is { } number && consignment is not null)
        {
            var declared = consignment.Declaration.GoodsItems ?? [];
            if (number < 1 || number > declared.Count)
            {
                add($"{path}.consignmentItem", OriginMessages.ConsignmentItem.With(number, declared.Count.ToString(CultureInfo.InvariantCulture)).ToString());
            }
            else if (code.IsValid && declared[number - 1].HsCode is { } declaredCode && !declaredCode.StartsWith(code.Value!, StringComparison.Ordinal))
            {
                add($"{path}.hsCode", OriginMessages.ConsignmentItemHs.With(number, declaredCode, code.Value).ToString());
            }
        }
    }

    private static void CheckParty(OriginParty? party, string path, Action<string, string> add)
    {
        Text(party?.Name, $"{path}.name", 300, required: true, add);
        Text(party?.Address, $"{path}.address", 500, required: true, add);
        var country = ReferenceCodes.ParseCountryCode(party?.Country);
        if (!country.IsValid)
        {
            add($"{path}.country", country.Error!);
        }

        Text(party?.Identifier, $"{path}.identifier", 40, required: false, add);
    }

    private static void Text(string? value, string field, int max, bool required, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                add(field, OriginMessages.Required.With().ToString());
            }
        }
        else if (value.Length > max)
        {
            add(field, OriginMessages.TooLong.With(max).ToString());
        }
    }
}
