using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Platform.Persistence;

/// <summary>One module's database context, as registered by <c>AddModuleDbContext</c>.</summary>
public sealed record ModuleDatabase(Type ContextType);

/// <summary>
/// The module databases (one EF Core context per module). The migrator and the readiness check walk them,
/// so a module that registers its context is migrated and checked without anyone editing a list.
/// </summary>
public sealed class ModuleDatabases(IEnumerable<ModuleDatabase> registrations)
{
    public IReadOnlyList<Type> ContextTypes { get; } = registrations.Select(r => r.ContextType).Distinct().ToList();

    public IEnumerable<DbContext> Resolve(IServiceProvider services) =>
        ContextTypes.Select(t => (DbContext)services.GetRequiredService(t));
}
