using Caravan.Platform;
using Caravan.Reference;
using Caravan.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.AddCaravanWebDefaults();
builder.Services
    .AddCaravanPlatform(builder.Configuration)
    .AddCaravanStartup()
    .AddReferenceModule(builder.Configuration);

var app = builder.Build();

app.UseCaravanWebDefaults();
app.MapGroup("/api/v1").MapReferenceApi();
app.MapOpenApi();
app.MapCaravanHealth();
app.MapRazorPages();

await app.RunAsync();

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
