namespace Caravan.Platform.Security;

/// <summary>
/// A named capability, declared by the module that owns it (<c>reference.data.import</c>, <c>trade.consignment.lodge</c>).
/// Endpoints and pages ask for a permission, never for a role: which roles hold it is configuration.
/// </summary>
public readonly record struct Permission(string Name)
{
    public override string ToString() => Name;
}

/// <summary>What a grant is scoped to. A role is always granted within one scope.</summary>
public enum ScopeKind
{
    /// <summary>The whole platform (administrators, the secretariat's aggregates).</summary>
    Platform,

    /// <summary>One member state, by ISO 3166 code.</summary>
    Country,

    /// <summary>One organisation: a trader, an issuing body, a customs administration.</summary>
    Organisation,

    /// <summary>One customs office or border crossing post of an administration.</summary>
    Office,

    /// <summary>One cooperation centre.</summary>
    Centre,

    /// <summary>One city of the sister-city network.</summary>
    City,

    /// <summary>The person themself (an applicant).</summary>
    Self,
}

/// <param name="Id">The country code, organisation id, office id, …; null for <see cref="ScopeKind.Platform"/>.</param>
public readonly record struct Scope(ScopeKind Kind, string? Id)
{
    public static readonly Scope Platform = new(ScopeKind.Platform, null);

    public static Scope Country(string code) => new(ScopeKind.Country, code);

    public static Scope Organisation(string id) => new(ScopeKind.Organisation, id);

    /// <summary>"country:KZ", "organisation:4f…", "platform".</summary>
    public override string ToString() => Id is null ? Kind.ToString().ToLowerInvariant() : $"{Kind.ToString().ToLowerInvariant()}:{Id}";

    public static Scope? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var kindText = colon < 0 ? text : text[..colon];
        if (!Enum.TryParse<ScopeKind>(kindText, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            return null;
        }

        var id = colon < 0 ? null : text[(colon + 1)..];
        return (kind == ScopeKind.Platform) == (id is null) ? new Scope(kind, id) : null;
    }
}

/// <summary>A role granted within a scope: "customs-officer in country:KZ".</summary>
public readonly record struct Grant(string Role, Scope Scope)
{
    public const string ClaimType = "caravan:grant";

    /// <summary>"customs-officer@country:KZ": how a grant travels in a claim or a token.</summary>
    public override string ToString() => $"{Role}@{Scope}";

    public static Grant? TryParse(string? text)
    {
        var at = text?.IndexOf('@', StringComparison.Ordinal) ?? -1;
        if (at <= 0)
        {
            return null;
        }

        return Scope.TryParse(text![(at + 1)..]) is { } scope ? new Grant(text[..at], scope) : null;
    }
}
