using Caravan.Origin.Data;
using Caravan.Origin.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Origin.Features.Trust;

/// <summary>
/// What verification reads on every call: the issuing bodies, their public keys and the bits of their status lists.
/// Built from the database and kept in memory; a change on this instance drops it at once, a change made by another
/// instance is seen within <see cref="MaxAge"/>.
/// </summary>
internal sealed class TrustSnapshot
{
    public required IReadOnlyDictionary<string, IssuingBody> IssuersByDid { get; init; }

    public required IReadOnlyDictionary<string, SigningKey> KeysByKid { get; init; }

    public required IReadOnlyDictionary<(Guid Issuer, string Purpose), byte[]> StatusBits { get; init; }

    public required DateTimeOffset BuiltAt { get; init; }

    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(2);

    public bool IsSet(Guid issuer, string purpose, int index) =>
        StatusBits.TryGetValue((issuer, purpose), out var bits) && BitstringStatusList.Get(bits, index);
}

internal sealed class TrustSnapshotCache(IServiceScopeFactory scopes, TimeProvider clock)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile TrustSnapshot? _current;

    public void Invalidate() => _current = null;

    public async Task<TrustSnapshot> GetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_current is { } fresh && now - fresh.BuiltAt < TrustSnapshot.MaxAge)
        {
            return fresh;
        }

        await _gate.WaitAsync(ct);
        try
        {
            if (_current is { } other && now - other.BuiltAt < TrustSnapshot.MaxAge)
            {
                return other;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OriginDbContext>();
            var issuers = await db.Issuers.AsNoTracking().ToListAsync(ct);
            var keys = await db.Keys.AsNoTracking().ToListAsync(ct);
            var lists = await db.StatusLists.AsNoTracking().Select(s => new { s.IssuerId, s.Purpose, s.Bits }).ToListAsync(ct);
            var snapshot = new TrustSnapshot
            {
                IssuersByDid = issuers.ToDictionary(i => i.Did, StringComparer.Ordinal),
                KeysByKid = keys.ToDictionary(k => k.Kid, StringComparer.Ordinal),
                StatusBits = lists.ToDictionary(l => (l.IssuerId, l.Purpose), l => l.Bits),
                BuiltAt = now,
            };
            _current = snapshot;
            return snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }
}
