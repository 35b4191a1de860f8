using System.Security.Cryptography;
using Caravan.Platform.Persistence;
using Caravan.Testing;

namespace Caravan.Cli.Tests;

/// <summary>`caravan clients create` as an operator registers a national customs system.</summary>
public sealed class ClientsCommandTests
{
    private static async Task<CliRun> RunAsync(TestDatabase database, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CaravanCli.RunAsync(args, output, error, database.Settings, TestContext.Current.CancellationToken);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task A_client_registered_with_its_public_key_authenticates_by_signed_assertion_and_cannot_be_registered_twice()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await RunAsync(database, "db", "migrate");
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = Path.Combine(database.Directory, "kz-astana.pub.pem");
        await File.WriteAllTextAsync(pem, key.ExportSubjectPublicKeyInfoPem(), TestContext.Current.CancellationToken);
        var organisation = Guid.NewGuid().ToString();

        var first = await RunAsync(database, "clients", "create", "--client-id", "kz-astana-1", "--org", organisation, "--grant", "national-system@country:KZ", "--public-key", pem);
        var again = await RunAsync(database, "clients", "create", "--client-id", "kz-astana-1", "--org", organisation, "--grant", "national-system@country:KZ", "--public-key", pem);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("private_key_jwt", first.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", first.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already exists", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_development_secret_is_printed_once()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await RunAsync(database, "db", "migrate");

        var run = await RunAsync(database, "clients", "create", "--client-id", "dev-client", "--org", Guid.NewGuid().ToString(), "--grant", "trader@organisation:x", "--dev-secret");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches("Client secret \\(shown once, development only\\): [A-Za-z0-9_-]{40,}", run.Output);
    }

    [Theory]
    [InlineData("national-system", "role@scope")]
    [InlineData("customs-officer@organisation:x", "not a valid grant")]
    [InlineData("no-such-role@country:KZ", "not a valid grant")]
    public async Task A_bad_grant_is_refused_with_what_is_expected(string grant, string message)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await RunAsync(database, "db", "migrate");

        var run = await RunAsync(database, "clients", "create", "--client-id", "c1", "--org", Guid.NewGuid().ToString(), "--grant", grant, "--dev-secret");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }
}
