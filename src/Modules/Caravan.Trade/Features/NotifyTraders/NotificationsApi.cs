using Caravan.Platform.Security;
using Caravan.Trade.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Caravan.Trade.Features.NotifyTraders;

internal static class NotificationsApi
{
    public static void MapNotificationsApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/notifications", async (bool? unread, Caller caller, TraderNotifications notifications, CancellationToken ct) =>
                TypedResults.Ok(await notifications.ListAsync(caller, unread ?? false, ct)))
            .WithTags("Consignments")
            .WithName("ListNotifications")
            .WithSummary("The trader's notifications (decisions, channels, release at the border, arrival), newest 100 first; unread=true for the unread ones.")
            .RequirePermission(TradePermissions.Lodge)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPost("/notifications/read", async Task<Ok<MarkedRead>> (Caller caller, TraderNotifications notifications, CancellationToken ct) =>
                TypedResults.Ok(new MarkedRead(await notifications.MarkAllReadAsync(caller, ct))))
            .WithTags("Consignments")
            .WithName("MarkNotificationsRead")
            .WithSummary("Mark all of the organisation's notifications read.")
            .RequirePermission(TradePermissions.Lodge)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }
}
