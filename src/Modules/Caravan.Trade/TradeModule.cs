using Caravan.Platform.Messaging;
using Caravan.Platform.Persistence;
using Caravan.Platform.Security;
using Caravan.Trade.Contracts;
using Caravan.Trade.Data;
using Caravan.Trade.Features.AmendConsignment;
using Caravan.Trade.Features.CancelConsignment;
using Caravan.Trade.Features.CodeLists;
using Caravan.Trade.Features.DecideOnControl;
using Caravan.Trade.Features.Demo;
using Caravan.Trade.Features.ExplainChannel;
using Caravan.Trade.Features.LodgeConsignment;
using Caravan.Trade.Features.MeasureReleaseTimes;
using Caravan.Trade.Features.NotifyTraders;
using Caravan.Trade.Features.RecordBorderEvents;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Trade;

/// <summary>
/// Registration of the Trade module (issue 4). So far: the code lists a declaration is checked against, the
/// declaration's validation, and lodging with one customs control per country on the route.
/// </summary>
public static class TradeModule
{
    public static IServiceCollection AddTradeModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<TradeDbContext, SqliteTradeDbContext, PostgresTradeDbContext>(TradeDbContext.Module);
        services.AddSingleton<IRolePermissions, TradeRolePermissions>();
        services.AddScoped<DeclarationValidator>();
        services.AddMetrics();
        services.AddSingleton<TradeTelemetry>();
        services.AddScoped<ConsignmentLodging>();
        services.AddScoped<ChannelAssignment>();
        services.AddScoped<ConsignmentQueries>();
        services.AddScoped<IConsignmentDirectory, ConsignmentDirectory>();
        services.AddScoped<DocumentRequirements>();
        services.AddScoped<CustomsWork>();
        services.AddScoped<BorderEventRecorder>();
        services.AddScoped<ConsignmentAmendment>();
        services.AddScoped<TraderNotifications>();
        services.AddEventConsumer<TraderNotificationsConsumer>();
        services.AddEventConsumer<ReleaseTimeConsumer>();
        services.AddScoped<ReleaseTimeAnalytics>();
        services.AddScoped<IReleaseTimeRebuild, ReleaseTimeRebuild>();
        services.AddSingleton<Caravan.Platform.Health.IStartupTask, TradeDemoSeed>();
        services.AddEventType<ControlCreatedEvent>(TradeEvents.ControlCreated, "Pre-arrival data for one administration, as soon as the consignment is lodged.");
        services.AddEventType<ChannelAssignedEvent>(TradeEvents.ChannelAssigned, "The administration's engine assessed the control again, after an amendment.");
        services.AddEventType<DecisionRecordedEvent>(TradeEvents.DecisionRecorded, "An administration decided on its control.");
        services.AddEventType<ConsignmentAmendedEvent>(TradeEvents.Amended, "The declaration changed before release; every administration on the route gets it again.");
        services.AddEventType<BorderEventRecordedEvent>(TradeEvents.EventRecorded, "Something happened at a border.");
        services.AddEventType<ConsignmentCancelledEvent>(TradeEvents.Cancelled, "The trader withdrew the consignment.");
        services.AddScoped<ConsignmentCancellation>();
        services.AddScoped<Caravan.Risk.Contracts.IRecentRiskSubjects, RecentRiskSubjects>();
        return services;
    }

    public static IEndpointRouteBuilder MapTradeApi(this IEndpointRouteBuilder api)
    {
        api.MapCodeListsApi();
        api.MapConsignmentsApi();
        api.MapCustomsWorkApi();
        api.MapBorderEventsApi();
        api.MapCancelConsignmentApi();
        api.MapAmendConsignmentApi();
        api.MapExplainChannelApi();
        api.MapNotificationsApi();
        api.MapReleaseTimesApi();
        return api;
    }
}
