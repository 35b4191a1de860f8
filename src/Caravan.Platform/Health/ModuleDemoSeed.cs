using Microsoft.Extensions.Configuration;

namespace Caravan.Platform.Health;

/// <summary>
/// A module's demo data: seeded at start-up with <c>--demo</c> (<c>Caravan:Demo</c>) only, and only on a database where
/// the module has none yet, so that a restart, or a database with real data, is left as it is.
/// </summary>
public abstract class ModuleDemoSeed(IConfiguration configuration) : IStartupTask
{
    protected IConfiguration Configuration => configuration;

    public abstract string Name { get; }

    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (configuration.GetValue<bool>("Caravan:Demo") && !await SeededAsync(services, cancellationToken))
        {
            await SeedAsync(services, cancellationToken);
        }
    }

    /// <summary>Whether the module's data (demo or real) are already there.</summary>
    protected abstract Task<bool> SeededAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected abstract Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken);
}
