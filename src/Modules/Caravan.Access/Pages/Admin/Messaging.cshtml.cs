using Caravan.Access.Contracts;
using Caravan.Platform.Messaging;
using Caravan.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caravan.Access.Pages.Admin;

/// <summary>
/// For platform administrators: whether events are flowing from the outbox to the feed, the webhooks, NATS and the
/// consumers inside the platform — the same reading as <c>GET /api/v1/messaging/status</c>.
/// </summary>
[Authorize(Policy = "permission:messaging.status.view")]
internal sealed class MessagingModel(IMessagingStatus status, IOrganisationDirectory organisations, Caller caller, TimeProvider clock) : PageModel
{
    public MessagingStatus Status { get; private set; } = null!;

    public DateTimeOffset Now { get; private set; }

    /// <summary>The names of the organisations that own the troubled webhooks.</summary>
    public IReadOnlyDictionary<Guid, string> Owners { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>How long the oldest waiting event has waited, or null when none waits.</summary>
    public TimeSpan? OldestWait => Status.Outbox.OldestWaitingSince is { } since ? Now - since : null;

    /// <summary>Past the lag warning, as /health/ready judges it.</summary>
    public bool Behind => Status.Outbox.Late;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!caller.HoldsPlatformWide(MessagingPermissions.ViewStatus))
        {
            return Forbid();
        }

        Now = clock.GetUtcNow();
        Status = await status.ReadAsync(ct);
        if (Status.Webhooks.Troubled.Count > 0)
        {
            Owners = (await organisations.ListVisibleAsync(caller, ct)).ToDictionary(o => o.Id, o => o.Name);
        }

        return Page();
    }

    /// <summary>"42 s", "3 min", "2 h 5 min": how long, to the unit a person reads.</summary>
    public static string Span(TimeSpan span) =>
        span.TotalSeconds < 90 ? $"{Math.Max(0, (int)span.TotalSeconds)} s"
        : span.TotalMinutes < 90 ? $"{(int)span.TotalMinutes} min"
        : $"{(int)span.TotalHours} h {span.Minutes} min";
}
