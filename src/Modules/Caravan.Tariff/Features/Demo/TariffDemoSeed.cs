using Caravan.Platform.Health;
using Caravan.Tariff.Contracts;
using Caravan.Tariff.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Tariff.Features.Demo;

/// <summary>
/// With <c>--demo</c>: imports the illustrative sample files shipped in <c>data/tariff/</c> (a few lines of each
/// schedule, requirements, exchange rates). Every row of them says it is illustrative, and every page showing one
/// says so: no open machine-readable schedule exists (data/tariff_data_availability.csv).
/// </summary>
internal sealed class TariffDemoSeed(IConfiguration configuration) : ModuleDemoSeed(configuration)
{
    public override string Name => "Illustrative tariff samples";

    protected override async Task<bool> SeededAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        await services.GetRequiredService<TariffDbContext>().Imports.AnyAsync(cancellationToken);

    protected override async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var folder = SampleFolder(Configuration);
        var import = services.GetRequiredService<ITariffImport>();
        foreach (var file in new[] { "sample_exchange_rates.csv", "sample_schedules.csv", "sample_requirements.csv" })
        {
            var result = await import.ImportAsync(Path.Combine(folder, file), "demo-seed", cancellationToken);
            if (!result.Imported)
            {
                throw new InvalidOperationException($"The sample {file} does not import: {string.Join("; ", result.Errors.Take(5))}");
            }
        }
    }

    /// <summary>data/tariff beside the program, or under the configured reference data folder.</summary>
    internal static string SampleFolder(IConfiguration configuration) =>
        Path.Combine(configuration["Caravan:ReferenceData:Path"] is { Length: > 0 } path ? path : Path.Combine(AppContext.BaseDirectory, "data"), "tariff");
}
