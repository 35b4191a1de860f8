using System.Security.Claims;

namespace Caravan.Platform.Security;

public enum CallerKind
{
    Anonymous,
    User,
    Client,
}

/// <summary>
/// Who is asking, read once per request from the authenticated principal: a person (cookie) or a machine client
/// (access token), their organisation and their grants. Queries ask it which scopes a permission reaches, so a
/// filter cannot be forgotten: no scope, no rows.
/// </summary>
public sealed class Caller
{
    public const string OrganisationClaim = "caravan:org";
    public const string ClientClaim = "client_id";

    private readonly Dictionary<string, HashSet<Permission>> _roles;

    public Caller(ClaimsPrincipal principal, RolePermissionMap map, string? remoteAddress = null)
    {
        RemoteAddress = remoteAddress;
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(map);
        Principal = principal;
        var authenticated = principal.Identity?.IsAuthenticated == true;
        ClientId = principal.FindFirstValue(ClientClaim);
        Kind = !authenticated ? CallerKind.Anonymous : ClientId is not null && principal.FindFirstValue(ClaimTypes.NameIdentifier) is null ? CallerKind.Client : CallerKind.User;
        Id = principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? principal.FindFirstValue("sub") ?? ClientId;
        Name = principal.FindFirstValue("caravan:name") ?? principal.FindFirstValue("name") ?? principal.FindFirstValue(ClaimTypes.Name) ?? principal.FindFirstValue(ClaimTypes.Email) ?? Id;
        OrganisationId = principal.FindFirstValue(OrganisationClaim);
        Grants = authenticated
            ? principal.FindAll(Grant.ClaimType).Select(c => Grant.TryParse(c.Value)).OfType<Grant>().ToList()
            : [];
        _roles = Grants.Select(g => g.Role).Distinct().ToDictionary(r => r, map.PermissionsOf);
    }

    public ClaimsPrincipal Principal { get; }

    /// <summary>The address the request came from, as the host saw it; null outside a request.</summary>
    public string? RemoteAddress { get; }

    public CallerKind Kind { get; }

    public string? Id { get; }

    public string? Name { get; }

    public string? ClientId { get; }

    public string? OrganisationId { get; }

    public IReadOnlyList<Grant> Grants { get; }

    public bool IsAuthenticated => Kind != CallerKind.Anonymous;

    public bool HasRole(string role) => Grants.Any(g => g.Role == role);

    /// <summary>Whether any grant carries the permission, in whatever scope.</summary>
    public bool Has(Permission permission) => ScopesFor(permission).Count > 0;

    /// <summary>The scopes in which the caller holds the permission; empty when it holds it nowhere.</summary>
    public IReadOnlyList<Scope> ScopesFor(Permission permission) =>
        Grants.Where(g => _roles.TryGetValue(g.Role, out var permissions) && permissions.Contains(permission)).Select(g => g.Scope).Distinct().ToList();

    /// <summary>Whether the permission reaches this scope: granted in it, or platform-wide.</summary>
    public bool Has(Permission permission, Scope scope) =>
        ScopesFor(permission).Any(s => s.Kind == ScopeKind.Platform || s == scope);

    /// <summary>The country codes in which the permission is held (a country-scoped filter).</summary>
    public IReadOnlyList<string> CountriesFor(Permission permission) =>
        ScopesFor(permission).Where(s => s.Kind == ScopeKind.Country).Select(s => s.Id!).ToList();

    /// <summary>The organisations (by id) in which the permission is held (an organisation-scoped filter).</summary>
    public IReadOnlyList<Guid> OrganisationsFor(Permission permission) =>
        ScopesFor(permission).Where(s => s.Kind == ScopeKind.Organisation && Guid.TryParse(s.Id, out _)).Select(s => Guid.Parse(s.Id!)).Distinct().ToList();

    public bool HoldsPlatformWide(Permission permission) => ScopesFor(permission).Any(s => s.Kind == ScopeKind.Platform);

    /// <summary>
    /// The platform acting on its own behalf, as an administrator over the whole platform: a start-up task seeding the
    /// demo, or the operator at the console. The audit log names it by <paramref name="id"/> ("demo-seed", "caravan-cli").
    /// </summary>
    public static Caller Platform(string id, string authenticationType, RolePermissionMap map)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, id), new Claim(Grant.ClaimType, new Grant(Roles.Administrator, Scope.Platform).ToString())],
            authenticationType);
        return new Caller(new ClaimsPrincipal(identity), map);
    }
}

/// <summary>Every role's permissions, gathered from the modules' <see cref="IRolePermissions"/> at start.</summary>
public sealed class RolePermissionMap
{
    private readonly Dictionary<string, HashSet<Permission>> _map;

    public RolePermissionMap(IEnumerable<IRolePermissions> contributions)
    {
        _map = Roles.All.ToDictionary(r => r.Name, _ => new HashSet<Permission>());
        foreach (var (role, permission) in contributions.SelectMany(c => c.Grants()))
        {
            if (!_map.TryGetValue(role, out var set))
            {
                throw new InvalidOperationException($"A module grants {permission} to the unknown role '{role}'.");
            }

            set.Add(permission);
        }
    }

    public HashSet<Permission> PermissionsOf(string role) => _map.TryGetValue(role, out var set) ? set : [];

    public IEnumerable<Permission> AllPermissions => _map.Values.SelectMany(p => p).Distinct();
}
