using Caravan.Tariff.Contracts;
using Caravan.Trade.Contracts;

namespace Caravan.Trade.Features.LodgeConsignment;

/// <summary>
/// Which documents the administrations on a consignment's route require for its goods (from the Tariff module's
/// requirements, by country, role and HS code, valid today) and the declaration does not attach. A document counts
/// when its type names the requirement's kind ("phytosanitary-certificate", or "phytosanitary" for short).
/// </summary>
internal sealed class DocumentRequirements(IEnumerable<IRequirementsDirectory> directories, TimeProvider clock)
{
    public async Task<ConsignmentView> WithMissingAsync(ConsignmentView consignment, CancellationToken ct) =>
        consignment with { MissingDocuments = await MissingAsync(consignment, ct) };

    public async Task<IReadOnlyList<MissingDocument>> MissingAsync(ConsignmentView consignment, CancellationToken ct)
    {
        var directory = directories.FirstOrDefault();
        var items = consignment.Declaration.GoodsItems ?? [];
        if (directory is null || items.Count == 0)
        {
            return [];
        }

        var attached = (consignment.Declaration.Documents ?? []).Select(d => d?.Type?.Trim().ToLowerInvariant()).OfType<string>().ToList();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var missing = new List<MissingDocument>();
        foreach (var control in consignment.Controls)
        {
            var codes = items.Select(i => i.HsCode ?? string.Empty).ToList();
            foreach (var requirement in await directory.ForGoodsAsync(control.Country, control.Role, codes.Where(c => c.Length >= 6).Distinct().ToList(), today, ct))
            {
                if (attached.Any(type => requirement.Kind == type || requirement.Kind.StartsWith(type + "-", StringComparison.Ordinal)))
                {
                    continue;
                }

                var concerned = codes.Select((code, index) => (code, index))
                    .Where(x => x.code.Length >= 6 && requirement.Covers(x.code))
                    .Select(x => x.index)
                    .ToList();
                missing.Add(new MissingDocument(control.Country, control.Role, requirement.Kind, requirement.Title, requirement.LegalSource, concerned, requirement.Illustrative));
            }
        }

        return missing;
    }
}
