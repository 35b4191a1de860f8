using Caravan.Access.Data;
using Caravan.Access.Domain;
using Caravan.Access.Features.FirstAdministrator;
using Caravan.Platform.Audit;
using Caravan.Platform.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Caravan.Access.Pages;

/// <summary>The one-time page where the first administrator creates their account; then they set up a second factor.</summary>
[EnableRateLimiting(AccessModule.SignInRateLimit)]
internal sealed class SetupModel(AccessDbContext db, UserManager<CaravanUser> users, SignInManager<CaravanUser> signIn, TimeProvider clock, IAuditLog audit, IStringLocalizer<AccessStrings> t) : PageModel
{
    public bool Invalid { get; private set; }

    public List<string> Errors { get; } = [];

    public string? DisplayName { get; private set; }

    public string? Email { get; private set; }

    public async Task OnGetAsync(string token) => Invalid = await FindAsync(token) is null;

    public async Task<IActionResult> OnPostAsync(string token, string? displayName, string? email, string? password)
    {
        var setup = await FindAsync(token);
        if (setup is null)
        {
            Invalid = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        DisplayName = displayName?.Trim();
        Email = email?.Trim();
        if (string.IsNullOrEmpty(DisplayName) || string.IsNullOrEmpty(Email) || string.IsNullOrEmpty(password))
        {
            Errors.Add(t["form.required"]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var now = clock.GetUtcNow();
        // Claim the link, create the person, grant, audit: one transaction. Two people posting the same link at once
        // cannot both win: the second finds the link already used and changes nothing.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var claimed = await db.SetupTokens.Where(t => t.Id == setup.Id && t.UsedAt == null).ExecuteUpdateAsync(u => u.SetProperty(t => t.UsedAt, now));
        if (claimed != 1)
        {
            Invalid = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        var user = new CaravanUser { Id = Guid.NewGuid(), UserName = Email, Email = Email, DisplayName = DisplayName, CreatedAt = now };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            Errors.AddRange(created.Errors.Select(e => e.Description));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        db.Grants.Add(new UserGrant { Id = Guid.NewGuid(), UserId = user.Id, Role = Roles.Administrator, ScopeKind = ScopeKind.Platform, GrantedAt = now, GrantedBy = "first-start setup link" });
        await db.SaveChangesAsync();
        await audit.AppendAsync(
            new AuditRecord(AuditActorKind.Anonymous, "setup-link", "access.administrator.created", "user", user.Id.ToString())
            {
                Change = new { user.Email, user.DisplayName },
                RemoteAddress = HttpContext.Connection.RemoteIpAddress?.ToString(),
            },
            db);
        await transaction.CommitAsync();
        await signIn.SignInAsync(user, isPersistent: false);
        return RedirectToPage("/Account/Enrol");
    }

    private async Task<SetupToken?> FindAsync(string token)
    {
        var hash = FirstAdministratorSetup.Hash(token ?? string.Empty);
        var now = clock.GetUtcNow();
        var setup = await db.SetupTokens.SingleOrDefaultAsync(t => t.TokenHash == hash && t.UsedAt == null);
        return setup is not null && setup.ExpiresAt > now && !await FirstAdministratorSetup.AnAdministratorExistsAsync(db) ? setup : null;
    }
}
