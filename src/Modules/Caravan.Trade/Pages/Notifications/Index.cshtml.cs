using Caravan.Platform.Security;
using Caravan.Reference.Contracts;
using Caravan.Trade.Contracts;
using Caravan.Trade.Features.NotifyTraders;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caravan.Trade.Pages.Notifications;

/// <summary>What happened to the trader's consignments at the borders, newest first; unread ones stand out.</summary>
[Authorize(Policy = "permission:trade.consignment.lodge")]
internal sealed class IndexModel(TraderNotifications notifications, ICountryDirectory countries, IBorderCrossingDirectory crossings, Caller caller) : PageModel
{
    public IReadOnlyList<NotificationView> Notifications { get; private set; } = [];

    public TradeDisplay Display { get; } = new(countries, crossings);

    public int Marked { get; private set; } = -1;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await Display.LoadAsync(ct);
        Notifications = await notifications.ListAsync(caller, unreadOnly: false, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Marked = await notifications.MarkAllReadAsync(caller, ct);
        await OnGetAsync(ct);
        return Page();
    }

    /// <summary>The string key of what happened: a decision, a channel or a border event.</summary>
    public static string WhatKey(NotificationView n) => n.Kind switch
    {
        TradeEvents.DecisionRecorded => "trade.decision." + n.What,
        TradeEvents.ChannelAssigned => "trade.channel." + n.What,
        _ => "trade.event." + n.What,
    };
}
