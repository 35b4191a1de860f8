namespace Caravan.Platform.Security;

/// <summary>A role of DESIGN.md section 1: who holds it and within which kind of scope it is granted.</summary>
/// <param name="ScopeKind">The usual scope of the role.</param>
/// <param name="NarrowerScope">A narrower scope the role may be granted in instead (an officer at one office).</param>
public sealed record RoleDefinition(string Name, ScopeKind ScopeKind, bool RequiresSecondFactor, string Description, ScopeKind? NarrowerScope = null)
{
    /// <summary>Whether the role may be granted within a scope of this kind.</summary>
    public bool Allows(ScopeKind kind) => kind == ScopeKind || kind == NarrowerScope;

    /// <summary>Whether a grant names this role within a kind of scope it may have.</summary>
    public static bool IsValid(Grant grant) => Roles.Find(grant.Role)?.Allows(grant.Scope.Kind) == true;
}

/// <summary>The roles of the platform. Permissions are attached to roles by the modules (<see cref="IRolePermissions"/>).</summary>
public static class Roles
{
    public const string Trader = "trader";
    public const string CustomsOfficer = "customs-officer";
    public const string RiskAnalyst = "risk-analyst";
    public const string NationalSystem = "national-system";
    public const string CertificateIssuer = "certificate-issuer";
    public const string ProgrammeOfficer = "programme-officer";
    public const string NationalCoordinator = "national-coordinator";
    public const string Applicant = "applicant";
    public const string CityOfficial = "city-official";
    public const string Secretariat = "secretariat";
    public const string Administrator = "administrator";

    public static readonly IReadOnlyList<RoleDefinition> All =
    [
        new(Trader, ScopeKind.Organisation, false, "Lodges and amends consignments, applies for certificates of origin."),
        new(CustomsOfficer, ScopeKind.Country, true, "Works the control queue of one country (optionally one office).", ScopeKind.Office),
        new(RiskAnalyst, ScopeKind.Country, true, "Keeps one country's risk profiles, alerts and AEO list."),
        new(NationalSystem, ScopeKind.Country, false, "A national customs system, acting through the API as an officer."),
        new(CertificateIssuer, ScopeKind.Organisation, true, "Reviews applications, issues and revokes certificates of origin for one issuing body."),
        new(ProgrammeOfficer, ScopeKind.Centre, false, "Runs courses, allocations and projects of one cooperation centre."),
        new(NationalCoordinator, ScopeKind.Country, false, "Nominates applicants and manages one country's quota."),
        new(Applicant, ScopeKind.Self, false, "Applies for a training place."),
        new(CityOfficial, ScopeKind.City, false, "Keeps one city's sister-city profile and activities."),
        new(Secretariat, ScopeKind.Platform, false, "Summits, documents, commitments and reports; aggregates only."),
        new(Administrator, ScopeKind.Platform, true, "Organisations, users, clients, keys and reference data."),
    ];

    public static RoleDefinition? Find(string name) => All.FirstOrDefault(r => r.Name == name);
}

/// <summary>A module's contribution: which of its permissions each role holds.</summary>
public interface IRolePermissions
{
    IEnumerable<(string Role, Permission Permission)> Grants();
}
