namespace Caravan.Risk.Contracts;

/// <param name="Note">What this version changes and why (kept with it).</param>
public sealed record NewProfileVersion(string? Note, ProfileDefinition? Definition);

public sealed record ProfileVersionSummary(int Version, string State, string? Note, int Rules, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? PublishedAt, string? PublishedBy);

public sealed record ProfileVersionView(string Country, int Version, string State, string? Note, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? PublishedAt, ProfileDefinition Definition);

public sealed record NewOperator(Guid? Organisation, string? CertificateNumber, DateOnly? ValidFrom, DateOnly? ValidUntil);

/// <param name="Status">active, suspended or revoked.</param>
public sealed record OperatorStatusChange(string? Status, string? Reason);

public sealed record OperatorView(Guid Id, string Country, Guid Organisation, string CertificateNumber, DateOnly ValidFrom, DateOnly ValidUntil, string Status, string? StatusReason, DateTimeOffset StatusSince);

public sealed record NewArrangement(string? CountryA, string? CountryB, string? Title, DateOnly? InForceFrom);

public sealed record ArrangementEnd(DateOnly? Until);

public sealed record ArrangementView(Guid Id, string CountryA, string CountryB, string Title, DateOnly InForceFrom, DateOnly? InForceUntil);

/// <summary>An alert to partner countries: what to look for (at least one criterion), and until when.</summary>
/// <param name="To">Recipient member states, e.g. ["UZ"].</param>
/// <param name="HsFrom">With <paramref name="HsTo"/>: a range of HS codes (2, 4 or 6 digits).</param>
/// <param name="Trader">A trader organisation's id.</param>
/// <param name="RouteCountry">A country the route passes through.</param>
public sealed record NewAlert(IReadOnlyList<string>? To, string? Summary, string? HsFrom, string? HsTo, Guid? Trader, string? RouteCountry, string? CountryOfOrigin, DateTimeOffset? ValidFrom, DateTimeOffset? ValidUntil);

/// <param name="Action">noted, added-to-profile or dismissed.</param>
public sealed record AlertAcknowledgementRequest(string? Country, string? Action, string? Note);

public sealed record AcknowledgementView(string Country, string Action, string? Note, DateTimeOffset At, string By);

public sealed record AlertView(Guid Id, string FromCountry, IReadOnlyList<string> To, string Summary, string? HsFrom, string? HsTo, Guid? Trader, string? RouteCountry, string? CountryOfOrigin, DateTimeOffset ValidFrom, DateTimeOffset ValidUntil, IReadOnlyList<AcknowledgementView> Acknowledgements);

/// <summary>
/// How a draft would have routed the country's recent controls, next to the active version on the same random draws:
/// the counts and shares per channel before and after, how many controls change channel, and the draft's rules that
/// fire most often.
/// </summary>
/// <param name="ActiveVersion">The version "before" stands for; null when the country has no active profile (every control yellow).</param>
/// <param name="Controls">How many recent controls were run through both; the counts of each side add up to it.</param>
/// <param name="Changed">Controls whose channel differs between before and after.</param>
public sealed record ProfilePreviewView(string Country, int? ActiveVersion, int Controls, IReadOnlyList<ChannelShare> Before, IReadOnlyList<ChannelShare> After, int Changed, IReadOnlyList<RuleFiring> TopRules);

/// <param name="Share">Count divided by the number of controls (0 to 1; 0 when there are none).</param>
public sealed record ChannelShare(string Channel, int Count, double Share);

/// <param name="Times">On how many of the previewed controls the draft's rule fired.</param>
public sealed record RuleFiring(string RuleId, string Description, int Times);
