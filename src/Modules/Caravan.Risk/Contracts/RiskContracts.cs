using Caravan.Platform.Security;

namespace Caravan.Risk.Contracts;

/// <summary>The Risk module's permissions.</summary>
public static class RiskPermissions
{
    /// <summary>Write and publish one country's risk profiles, keep its AEO list and arrangements, send alerts.</summary>
    public static readonly Permission Manage = new("risk.manage");

    /// <summary>Read a country's profiles, AEO list and alerts, and the explanation of its channel decisions.</summary>
    public static readonly Permission View = new("risk.view");
}

/// <summary>
/// What an administration's engine looks at: the declaration as far as that control is concerned, and what the
/// platform knows about the trader. Built by the Trade module; the Risk module never reads consignments itself.
/// </summary>
/// <param name="Country">The assessing administration.</param>
/// <param name="Role">export, transit or import.</param>
/// <param name="Trader">The lodging organisation.</param>
/// <param name="PreviousRefusals">Controls of this trader that this administration refused before.</param>
public sealed record RiskSubject(
    string Country,
    string Role,
    Guid Trader,
    string CountryOfDispatch,
    string CountryOfDestination,
    IReadOnlyList<string> RouteCountries,
    IReadOnlyList<string> Crossings,
    string TransportMode,
    IReadOnlyList<RiskItem> Items,
    int PreviousRefusals);

/// <param name="HsCode">Six digits.</param>
public sealed record RiskItem(string HsCode, string CountryOfOrigin, decimal NetMassKg, decimal Value, string Currency);

/// <summary>
/// An administration's channel decision and why: the profile version, each rule that fired with its score (the
/// scores sum to <see cref="Score"/>), the AEO treatment, and the random draw, with the seed that replays it.
/// </summary>
public sealed record RiskAssessment(
    string Country,
    string Channel,
    int Score,
    int? ProfileVersion,
    IReadOnlyList<FiredRule> Fired,
    AeoTreatment? Aeo,
    RandomSelection Random,
    string ScoreChannel,
    string Seed);

/// <param name="Item">The goods item (from 0) that made an item rule fire; null for consignment rules.</param>
public sealed record FiredRule(string RuleId, string Description, int Score, string? ForcedChannel, int? Item, string? AlertId = null);

/// <summary>Whether the trader was treated as an Authorised Economic Operator here, and why (or why not).</summary>
public sealed record AeoTreatment(bool Applied, int Reduction, string Reason);

/// <param name="Draw">A number in [0, 1) derived from the seed.</param>
/// <param name="Selected">The channel the draw selected, if it selected one above the score's.</param>
public sealed record RandomSelection(double Draw, double YellowRate, double RedRate, string? Selected);

/// <summary>Runs an administration's active risk profile over a subject. Stores nothing: the caller records the result.</summary>
public interface IRiskAssessor
{
    Task<RiskAssessment> AssessAsync(RiskSubject subject, CancellationToken cancellationToken = default);

    /// <summary>The same assessment again, with the recorded profile version and seed: the same channel, or a proof of tampering.</summary>
    Task<RiskAssessment?> ReplayAsync(RiskSubject subject, int profileVersion, string seed, DateTimeOffset at, CancellationToken cancellationToken = default);
}

/// <summary>A control lodged earlier: what its administration's engine was asked about, and the channel it got then.</summary>
/// <param name="Channel">The channel recorded for the control; null when none was assigned.</param>
public sealed record RecentSubject(RiskSubject Subject, string? Channel, DateTimeOffset LodgedAt);

/// <summary>
/// The controls a country assessed most recently, as risk subjects, so that an analyst can preview a draft profile
/// against real traffic. Implemented by the Trade module, which owns the consignments; Risk never reads them itself.
/// </summary>
public interface IRecentRiskSubjects
{
    /// <summary>The country's latest controls, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<RecentSubject>> ForCountryAsync(string country, int limit, CancellationToken cancellationToken = default);
}
