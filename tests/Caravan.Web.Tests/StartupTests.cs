using System.Net;
using Caravan.Platform.Persistence;
using Caravan.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Web.Tests;

/// <summary>A production instance that does not migrate on start (as on PostgreSQL).</summary>
public sealed class UnmigratedWebFactory() : CaravanWebFactory(DatabaseProvider.Sqlite)
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Caravan:Database:MigrateOnStart"] = "false",
    };

    protected override bool WaitForReadiness => false;
}

public sealed class StartupTests(UnmigratedWebFactory factory) : IClassFixture<UnmigratedWebFactory>
{
    [Fact]
    public async Task An_instance_that_does_not_migrate_waits_unready_and_becomes_ready_once_an_operator_migrates()
    {
        var client = factory.CreateClient();

        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken);
        var before = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await before.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
        Assert.Contains("caravan db migrate", body, StringComparison.Ordinal);

        // What `caravan db migrate` does, from outside the web host's start-up.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(TestContext.Current.CancellationToken);
        }

        await CaravanWebFactory.WaitUntilReadyAsync(client, seconds: 60);
        var uz = await client.GetAsync(new Uri("/api/v1/countries/UZ", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, uz.StatusCode);
    }
}
