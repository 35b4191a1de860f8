using Caravan.Access.Contracts;
using Caravan.Access.Data;
using Caravan.Access.Domain;
using Caravan.Platform.Audit;
using Caravan.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Caravan.Access.Pages.Admin;

/// <param name="Grants">Each grant as stored (for revoking) and as a person reads it (organisation names, not ids).</param>
internal sealed record PersonRow(Guid Id, string DisplayName, string? Email, IReadOnlyList<(string Value, string Label)> Grants, bool TwoFactor, DateTimeOffset? LockedUntil);

/// <summary>People and their grants: administrators create accounts, grant a role within a scope, lift lockouts.</summary>
[Authorize(Policy = "permission:access.users.manage")]
internal sealed class UsersModel(AccessDbContext db, UserManager<CaravanUser> users, IOrganisationDirectory organisations, Caller caller, TimeProvider clock, IAuditLog audit, IStringLocalizer<AccessStrings> t) : PageModel
{
    public IReadOnlyList<PersonRow> People { get; private set; } = [];

    public IReadOnlyList<OrganisationInfo> Organisations { get; private set; } = [];

    public List<string> Errors { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        // Names and e-mail addresses are personal data: every read of the list is on the record.
        await audit.AppendAsync(caller.Did("personal-data.read", "user-list", "all", new { count = People.Count }), ct);
    }

    public async Task<IActionResult> OnPostAsync(string? displayName, string? email, string? password, string? role, string? scope, Guid? organisationId, CancellationToken ct)
    {
        var definition = Roles.Find(role ?? string.Empty);
        var parsedScope = scope?.Trim() == "self" ? new Scope(ScopeKind.Self, "(new)") : Scope.TryParse(scope?.Trim());
        if (definition is null)
        {
            Errors.Add(t["admin.users.badrole", role ?? string.Empty]);
        }
        else if (parsedScope is not { } s || !definition.Allows(s.Kind))
        {
            Errors.Add(t["admin.users.badscope", definition.Name, Example(definition.ScopeKind)]);
        }

        if (string.IsNullOrWhiteSpace(displayName) || string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            Errors.Add(t["form.required"]);
        }

        if (Errors.Count == 0)
        {
            var now = clock.GetUtcNow();
            var user = new CaravanUser { Id = Guid.NewGuid(), UserName = email!.Trim(), Email = email.Trim(), DisplayName = displayName!.Trim(), OrganisationId = organisationId, CreatedAt = now };
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var created = await users.CreateAsync(user, password!);
            if (created.Succeeded)
            {
                var scoped = parsedScope!.Value;
                var grant = new UserGrant { Id = Guid.NewGuid(), UserId = user.Id, Role = definition!.Name, ScopeKind = scoped.Kind, ScopeId = scoped.Kind == ScopeKind.Self ? user.Id.ToString() : scoped.Id, GrantedAt = now, GrantedBy = caller.Name ?? caller.Id ?? "administrator" };
                db.Grants.Add(grant);
                await db.SaveChangesAsync(ct);
                await audit.AppendAsync(caller.Did("access.user.created", "user", user.Id.ToString(), new { user.Email, user.DisplayName, user.OrganisationId }), db, ct);
                await audit.AppendAsync(caller.Did("access.grant.added", "user", user.Id.ToString(), grant.ToGrant().ToString()), db, ct);
                await transaction.CommitAsync(ct);
                return RedirectToPage();
            }

            Errors.AddRange(created.Errors.Select(e => e.Description));
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>
    /// Grants a role within a scope to an existing person. Open sessions pick the change up at their next
    /// revalidation (Caravan:Security:SessionRevalidationSeconds, a minute by default), without being signed out.
    /// </summary>
    public async Task<IActionResult> OnPostGrantAsync(Guid id, string? grant, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id.ToString());
        var parsed = Grant.TryParse(grant?.Trim() is { } text && text.EndsWith("@self", StringComparison.Ordinal) ? $"{text}:{id}" : grant?.Trim());
        if (user is null || parsed is not { } g || !RoleDefinition.IsValid(g))
        {
            Errors.Add(t["admin.users.badgrant", grant ?? string.Empty]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            return Page();
        }

        if (!await db.Grants.AnyAsync(x => x.UserId == id && x.Role == g.Role && x.ScopeKind == g.Scope.Kind && x.ScopeId == g.Scope.Id, ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.Grants.Add(new UserGrant { Id = Guid.NewGuid(), UserId = id, Role = g.Role, ScopeKind = g.Scope.Kind, ScopeId = g.Scope.Id, GrantedAt = clock.GetUtcNow(), GrantedBy = caller.Name ?? caller.Id ?? "administrator" });
            await db.SaveChangesAsync(ct);
            await audit.AppendAsync(caller.Did("access.grant.added", "user", id.ToString(), g.ToString()), db, ct);
            await transaction.CommitAsync(ct);
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, string? grant, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is not null && Grant.TryParse(grant) is { } g)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var removed = await db.Grants.Where(x => x.UserId == id && x.Role == g.Role && x.ScopeKind == g.Scope.Kind && x.ScopeId == g.Scope.Id).ExecuteDeleteAsync(ct);
            if (removed > 0)
            {
                await audit.AppendAsync(caller.Did("access.grant.revoked", "user", id.ToString(), g.ToString()), db, ct);
            }

            await transaction.CommitAsync(ct);
        }

        return RedirectToPage();
    }

    /// <summary>For a person who lost their device and their recovery codes: they set up a new authenticator at next sign-in.</summary>
    public async Task<IActionResult> OnPostResetSecondFactorAsync(Guid id)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is not null)
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await users.SetTwoFactorEnabledAsync(user, false);
            await users.ResetAuthenticatorKeyAsync(user);
            await audit.AppendAsync(caller.Did("access.second-factor.reset", "user", user.Id.ToString()), db);
            await transaction.CommitAsync();
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUnlockAsync(Guid id)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is not null)
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            await audit.AppendAsync(caller.Did("access.user.unlocked", "user", user.Id.ToString()), db);
            await transaction.CommitAsync();
        }

        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var people = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync(ct);
        var grants = (await db.Grants.AsNoTracking().ToListAsync(ct)).ToLookup(g => g.UserId);
        Organisations = await organisations.ListVisibleAsync(caller, ct);
        var names = Organisations.ToDictionary(o => o.Id.ToString(), o => o.Name);
        string Label(UserGrant g) => g.ScopeId is { } id && names.TryGetValue(id, out var name)
            ? $"{g.Role} · {name}"
            : g.ScopeKind == ScopeKind.Self ? $"{g.Role} · self" : g.ToGrant().ToString();
        People = people.Select(u => new PersonRow(u.Id, u.DisplayName, u.Email, grants[u.Id].Select(g => (g.ToGrant().ToString(), Label(g))).ToList(), u.TwoFactorEnabled, u.LockoutEnd > now ? u.LockoutEnd : null)).ToList();
    }

    private static string Example(ScopeKind kind) => kind switch
    {
        ScopeKind.Platform => "platform",
        ScopeKind.Country => "country:KZ",
        ScopeKind.Self => "self",
        _ => $"{kind.ToString().ToLowerInvariant()}:<organisation id>",
    };
}
