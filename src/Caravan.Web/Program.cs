using Caravan.Web;

// The composition is in CaravanWebApp, shared with `caravan simulate` (which runs this host on a simulated clock).
var app = CaravanWebApp.Build(CaravanWebApp.CreateBuilder(args));
await app.RunAsync();

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
