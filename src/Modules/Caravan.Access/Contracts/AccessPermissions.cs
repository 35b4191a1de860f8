using Caravan.Platform.Security;

namespace Caravan.Access.Contracts;

/// <summary>The Access module's permissions. Endpoints and pages ask for these, never for a role.</summary>
public static class AccessPermissions
{
    /// <summary>See organisations: one's own, or all of them platform-wide.</summary>
    public static readonly Permission ViewOrganisations = new("access.organisations.view");

    public static readonly Permission ManageOrganisations = new("access.organisations.manage");

    public static readonly Permission ManageUsers = new("access.users.manage");

    public static readonly Permission ViewAudit = new("access.audit.view");
}

internal sealed class AccessRolePermissions : IRolePermissions
{
    public IEnumerable<(string Role, Permission Permission)> Grants()
    {
        foreach (var role in Roles.All.Where(r => r.ScopeKind is ScopeKind.Organisation or ScopeKind.Country or ScopeKind.Platform))
        {
            yield return (role.Name, AccessPermissions.ViewOrganisations);
        }

        yield return (Roles.Administrator, AccessPermissions.ManageOrganisations);
        yield return (Roles.Administrator, AccessPermissions.ManageUsers);
        yield return (Roles.Administrator, AccessPermissions.ViewAudit);
    }
}
