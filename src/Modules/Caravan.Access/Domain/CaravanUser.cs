using Microsoft.AspNetCore.Identity;

namespace Caravan.Access.Domain;

/// <summary>A person who signs in. What they may do comes from their grants, never from this record.</summary>
internal sealed class CaravanUser : IdentityUser<Guid>
{
    public required string DisplayName { get; set; }

    public Guid? OrganisationId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A role granted to a person within a scope.</summary>
internal sealed class UserGrant
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public required string Role { get; set; }

    public Caravan.Platform.Security.ScopeKind ScopeKind { get; set; }

    public string? ScopeId { get; set; }

    public DateTimeOffset GrantedAt { get; set; }

    public required string GrantedBy { get; set; }

    public Caravan.Platform.Security.Grant ToGrant() => new(Role, new Caravan.Platform.Security.Scope(ScopeKind, ScopeId));
}

/// <summary>The one-time link that lets the first administrator in. Only its SHA-256 is stored.</summary>
internal sealed class SetupToken
{
    public Guid Id { get; set; }

    public required string TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }
}
