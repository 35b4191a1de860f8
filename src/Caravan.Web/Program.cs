using Caravan.Access;
using Caravan.Platform;
using Caravan.Platform.Audit;
using Caravan.Platform.Messaging;
using Caravan.Reference;
using Caravan.Risk;
using Caravan.Trade;
using Caravan.Web.Infrastructure;

// `--demo` adds invented organisations and people for every role (README, "Demo").
var demo = args.Contains("--demo");
var builder = WebApplication.CreateBuilder(args.Where(a => a != "--demo").ToArray());
if (demo)
{
    builder.Configuration[AccessModule.DemoSetting] = "true";
}

builder.AddCaravanWebDefaults();
builder.Services
    .AddCaravanPlatform(builder.Configuration)
    .AddCaravanAudit()
    .AddCaravanMessaging()
    .AddCaravanStartup()
    .AddAccessModule(builder.Configuration)
    .AddReferenceModule(builder.Configuration)
    .AddTradeModule()
    .AddRiskModule();

var app = builder.Build();

app.UseCaravanWebDefaults();
app.MapGroup("/api/v1")
    .MapAccessApi()
    .MapReferenceApi()
    .MapTradeApi()
    .MapRiskApi()
    .MapCaravanMessagingApi();
app.MapAccessEndpoints();
app.MapOpenApi();
app.MapCaravanHealth();
app.MapRazorPages();

await app.RunAsync();

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
