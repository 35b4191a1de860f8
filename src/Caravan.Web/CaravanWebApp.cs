using Caravan.Access;
using Caravan.Platform;
using Caravan.Platform.Audit;
using Caravan.Platform.Http;
using Caravan.Origin;
using Caravan.Platform.Messaging;
using Caravan.Reference;
using Caravan.Risk;
using Caravan.Tariff;
using Caravan.Trade;
using Caravan.Web.Infrastructure;

namespace Caravan.Web;

/// <summary>
/// The composition of the web host in two steps, so that another program can build the very same host with its own
/// server or clock in between: <c>caravan simulate</c> runs it in-process on a simulated clock.
/// </summary>
public static class CaravanWebApp
{
    /// <summary>The host's services; <c>--demo</c> adds invented organisations and people for every role (README, "Demo").</summary>
    /// <param name="prepare">Runs before the modules are registered: settings added there are the ones the modules read.</param>
    public static WebApplicationBuilder CreateBuilder(string[] args, WebApplicationOptions? options = null, Action<WebApplicationBuilder>? prepare = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var demo = args.Contains("--demo");
        var arguments = args.Where(a => a != "--demo").ToArray();
        var builder = options is null
            ? WebApplication.CreateBuilder(arguments)
            : WebApplication.CreateBuilder(new WebApplicationOptions
            {
                Args = arguments,
                ApplicationName = options.ApplicationName ?? typeof(CaravanWebApp).Assembly.GetName().Name,
                ContentRootPath = options.ContentRootPath,
                EnvironmentName = options.EnvironmentName,
                WebRootPath = options.WebRootPath,
            });
        prepare?.Invoke(builder);
        if (demo)
        {
            builder.Configuration[AccessModule.DemoSetting] = "true";
        }

        builder.AddCaravanWebDefaults().AddCaravanTelemetry();
        builder.Services
            .AddCaravanPlatform(builder.Configuration)
            .AddCaravanAudit()
            .AddCaravanMessaging()
            .AddCaravanStartup()
            .AddAccessModule(builder.Configuration)
            .AddReferenceModule(builder.Configuration)
            .AddTradeModule()
            .AddRiskModule()
            .AddOriginModule()
            .AddTariffModule()
            .AddCaravanLiveTraffic(builder.Configuration);
        return builder;
    }

    /// <summary>Builds the host and maps the API, the token endpoint, OpenAPI, health and the pages.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();
        app.UseCaravanWebDefaults();
        app.MapGroup("/api/v1")
            .MapAccessApi()
            .MapReferenceApi()
            .MapTradeApi()
            .MapRiskApi()
            .MapOriginApi()
            .MapTariffApi()
            .MapCaravanMessagingApi();
        app.MapAccessEndpoints();
        app.MapOriginEndpoints();
        app.MapOpenApi().CompressPublicResponse();
        app.MapCaravanHealth();
        app.MapRazorPages();
        return app;
    }
}
