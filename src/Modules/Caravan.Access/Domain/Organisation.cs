using Caravan.Access.Contracts;

namespace Caravan.Access.Domain;

/// <summary>An organisation on the platform. Offices and posts belong to their customs administration.</summary>
internal sealed class Organisation
{
    public Guid Id { get; set; }

    public OrganisationKind Kind { get; set; }

    public required string Name { get; set; }

    /// <summary>ISO 3166 code; null only for the secretariat.</summary>
    public string? Country { get; set; }

    /// <summary>A trader's national identifier (USCC, BIN, INN/TIN), normalised and validated.</summary>
    public string? NationalIdentifier { get; set; }

    public TraderFunctions TraderFunctions { get; set; }

    /// <summary>The administration an office belongs to.</summary>
    public Guid? ParentId { get; set; }

    /// <summary>For a border crossing post: the crossing (reference data id, e.g. CN-KZ-01).</summary>
    public string? BorderCrossingId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
