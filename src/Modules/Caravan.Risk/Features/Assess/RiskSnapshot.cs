using System.Collections.Concurrent;
using System.Text.Json;
using Caravan.Risk.Contracts;
using Caravan.Risk.Data;
using Caravan.Risk.Domain;
using Caravan.Risk.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Risk.Features.Assess;

/// <summary>
/// What the engines read on every assessment — active profiles (compiled), AEOs, arrangements and alerts — held in
/// memory so that assessing adds no query to lodging. Changes made on this instance replace it at once; changes
/// made on another instance are seen within <see cref="MaxAge"/>.
/// </summary>
internal sealed class RiskSnapshotCache(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private RiskSnapshot? _current;

    public void Invalidate() => _current = null;

    public async Task<RiskSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_current is { } fresh && now - fresh.LoadedAt < MaxAge)
        {
            return fresh;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } loaded && now - loaded.LoadedAt < MaxAge)
            {
                return loaded;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RiskDbContext>();
            var profiles = await db.Profiles.AsNoTracking().Where(p => p.State == "active").ToListAsync(cancellationToken);
            var operators = await db.Operators.AsNoTracking().ToListAsync(cancellationToken);
            var arrangements = await db.Arrangements.AsNoTracking().ToListAsync(cancellationToken);
            var alerts = await db.Alerts.AsNoTracking().Where(a => a.ValidUntil > now).ToListAsync(cancellationToken);
            _current = new RiskSnapshot(
                clock.GetUtcNow(),
                profiles.ToDictionary(p => p.Country, Compile, StringComparer.Ordinal),
                operators,
                arrangements,
                alerts);
            return _current;
        }
        finally
        {
            _loading.Release();
        }
    }

    internal static CompiledProfile Compile(ProfileVersion stored)
    {
        var (profile, errors) = ProfileCompiler.Compile(JsonSerializer.Deserialize<ProfileDefinition>(stored.Definition, JsonSerializerOptions.Web), stored.Version);
        return profile ?? throw new InvalidOperationException($"Risk profile {stored.Country} v{stored.Version} no longer compiles: {string.Join("; ", errors.SelectMany(e => e.Value))}");
    }
}

internal sealed record RiskSnapshot(
    DateTimeOffset LoadedAt,
    IReadOnlyDictionary<string, CompiledProfile> ActiveProfiles,
    IReadOnlyList<EconomicOperator> Operators,
    IReadOnlyList<RecognitionArrangement> Arrangements,
    IReadOnlyList<SharedAlert> Alerts);
