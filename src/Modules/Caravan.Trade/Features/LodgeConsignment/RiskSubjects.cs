using Caravan.Risk.Contracts;
using Caravan.Trade.Contracts;
using Caravan.Trade.Domain;

namespace Caravan.Trade.Features.LodgeConsignment;

/// <summary>
/// What a risk engine is asked about a control, built in one place: at lodging and amendment (the channel assigned)
/// and for an analyst's preview of a draft profile (the same subjects again), so that both see the same facts.
/// </summary>
internal static class RiskSubjects
{
    /// <summary>The parts of the declaration that are the same for every control of the consignment.</summary>
    internal sealed record DeclarationFacts(IReadOnlyList<string> Route, string CrossingMode, IReadOnlyList<RiskItem> Items);

    /// <summary>Reads a validated declaration once for all its controls.</summary>
    public static DeclarationFacts Facts(ConsignmentDeclaration declaration)
    {
        var mode = TransportModes.Parse(declaration.TransportMode);
        var crossingMode = mode.IsValid ? TransportModes.CrossingMode(mode.Value) ?? string.Empty : string.Empty;
        var route = declaration.Route!.Countries!.Select(c => c.Trim().ToUpperInvariant()).ToList();
        var items = declaration.GoodsItems!.Select(i => new RiskItem(
            // Validated: at least six digits, with dots or spaces between them.
            new string(i.HsCode!.Where(char.IsAsciiDigit).ToArray())[..6],
            i.CountryOfOrigin!.Trim().ToUpperInvariant(),
            i.NetMassKg ?? 0,
            i.Value ?? 0,
            i.Currency!.Trim().ToUpperInvariant())).ToList();
        return new DeclarationFacts(route, crossingMode, items);
    }

    /// <summary>The subject of one control, given the refusals its administration made of the trader before.</summary>
    public static RiskSubject For(Consignment consignment, CustomsControl control, DeclarationFacts facts, int previousRefusals) => new(
        control.Country,
        control.Role,
        consignment.LodgedByOrganisation,
        consignment.CountryOfDispatch,
        consignment.CountryOfDestination,
        facts.Route,
        new[] { control.EntryCrossingId, control.ExitCrossingId }.OfType<string>().ToList(),
        facts.CrossingMode,
        facts.Items,
        previousRefusals);
}
