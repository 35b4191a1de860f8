using Caravan.Platform.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caravan.Access.Pages.Admin;

/// <summary>The audit log for administrators: filter, page back in time, and recompute the chain on demand.</summary>
[Authorize(Policy = "permission:access.audit.view")]
internal sealed class AuditModel(IAuditQuery audit) : PageModel
{
    public AuditPage Entries { get; private set; } = new([], null);

    public AuditVerification? Verification { get; private set; }

    public string? Actor { get; private set; }

    public string? Action { get; private set; }

    public string? EntityType { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(string? actor, string? action, string? entityType, long? before, bool verify, CancellationToken ct)
    {
        Actor = Clean(actor);
        Action = Clean(action)?.ToLowerInvariant();
        EntityType = Clean(entityType);
        if (verify)
        {
            Verification = await audit.VerifyAsync(ct);
        }

        try
        {
            Entries = await audit.ListAsync(new AuditFilter { ActorId = Actor, ActionPrefix = Action, EntityType = EntityType }, before, 50, ct);
        }
        catch (ArgumentException ex)
        {
            Error = ex.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
