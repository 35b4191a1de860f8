// Generated from data/trade_unece_rec19_transport_modes.csv (one line a row, in the CSV's order). Do not edit by hand: change the CSV, then
// regenerate these lines; CodeListFileTests.The_Recommendation_19_table_equals_the_CSV fails, and prints the expected lines, when the two differ.

namespace Caravan.Trade.Domain;

/// <summary>UN/ECE Recommendation 19, codes for modes of transport: the one-digit codes and their names. Sources in data/PROVENANCE.md.</summary>
internal static class UneceRec19
{
    public static IReadOnlyList<Rec19Mode> Modes { get; } =
    [
        new(0, "Transport mode not specified"),
        new(1, "Maritime transport"),
        new(2, "Rail transport"),
        new(3, "Road transport"),
        new(4, "Air transport"),
        new(5, "Mail"),
        new(6, "Multimodal transport"),
        new(7, "Fixed transport installations"),
        new(8, "Inland water transport"),
        new(9, "Transport mode not applicable"),
    ];
}

internal sealed record Rec19Mode(int Code, string Name);
