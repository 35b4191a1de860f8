using Caravan.Platform.Http;
using Caravan.Platform.Security;

namespace Caravan.Access.Contracts;

public sealed record OrganisationInfo(
    Guid Id,
    OrganisationKind Kind,
    string Name,
    string? Country,
    string? NationalIdentifier,
    TraderFunctions TraderFunctions,
    Guid? ParentId,
    string? BorderCrossingId);

/// <param name="NationalIdentifier">Required for traders: USCC (CN), BIN (KZ), INN/TIN elsewhere.</param>
/// <param name="ParentId">For a customs office: its administration.</param>
public sealed record NewOrganisation(
    OrganisationKind? Kind,
    string? Name,
    string? Country,
    string? NationalIdentifier = null,
    TraderFunctions TraderFunctions = TraderFunctions.None,
    Guid? ParentId = null,
    string? BorderCrossingId = null);

public enum Visibility
{
    Found,
    NotFound,
    OutOfScope,
}

public sealed record OrganisationLookup(Visibility Visibility, OrganisationInfo? Organisation);

/// <summary>Organisations as a caller may see them: the filter is applied here, in the query, for every caller.</summary>
public interface IOrganisationDirectory
{
    Task<IReadOnlyList<OrganisationInfo>> ListVisibleAsync(Caller caller, CancellationToken cancellationToken = default);

    Task<OrganisationLookup> FindAsync(Caller caller, Guid id, CancellationToken cancellationToken = default);

    /// <summary>Validates and registers an organisation; errors are keyed by field.</summary>
    Task<(OrganisationInfo? Created, IReadOnlyDictionary<string, string[]> Errors)> CreateAsync(NewOrganisation request, Caller caller, CancellationToken cancellationToken = default);
}
