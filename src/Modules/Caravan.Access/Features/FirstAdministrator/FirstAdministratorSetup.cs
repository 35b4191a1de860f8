using System.Security.Cryptography;
using Caravan.Access.Data;
using Caravan.Access.Domain;
using Caravan.Platform.Health;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Caravan.Access.Features.FirstAdministrator;

/// <summary>
/// A platform never starts with a default password. While no one administers it, each start issues a one-time
/// link, valid for 24 hours, that lets the first administrator create theirs; only its hash is stored.
/// </summary>
internal sealed partial class FirstAdministratorSetup(IConfiguration configuration, ILogger<FirstAdministratorSetup> logger) : IStartupTask
{
    public static readonly TimeSpan Validity = TimeSpan.FromHours(24);

    public string Name => "First administrator";

    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<AccessDbContext>();
        if (await AnAdministratorExistsAsync(db, cancellationToken))
        {
            return;
        }

        var clock = services.GetRequiredService<TimeProvider>();
        var token = await IssueAsync(db, clock, cancellationToken);
        var baseUrl = (configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? "http://127.0.0.1:5080").Split(';')[0].TrimEnd('/');
        LogSetupLink(logger, $"{baseUrl}/setup/{token}", Validity.TotalHours);
    }

    /// <summary>
    /// Whether someone can administer the platform. Without an administrator (none yet, or the last one removed),
    /// each start issues a new link, so the platform is never left without a way in.
    /// </summary>
    public static Task<bool> AnAdministratorExistsAsync(AccessDbContext db, CancellationToken cancellationToken = default) =>
        db.Grants.AnyAsync(g => g.Role == Caravan.Platform.Security.Roles.Administrator, cancellationToken);

    /// <summary>Issues a new link and withdraws any earlier unused one.</summary>
    public static async Task<string> IssueAsync(AccessDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.SetupTokens.Where(t => t.UsedAt == null).ExecuteDeleteAsync(cancellationToken);
        var token = Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        db.SetupTokens.Add(new SetupToken { Id = Guid.NewGuid(), TokenHash = Hash(token), CreatedAt = now, ExpiresAt = now + Validity });
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [LoggerMessage(Level = LogLevel.Warning, Message = "No administrator exists yet. Open {Link} within {Hours} hours to create the first one. The link works once.")]
    private static partial void LogSetupLink(ILogger logger, string link, double hours);
}
