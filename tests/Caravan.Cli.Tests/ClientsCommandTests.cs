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

    /// <summary>Registers Kazakhstan's customs administration with the CLI and returns its id.</summary>
    private static async Task<string> KazakhCustomsAsync(TestDatabase database)
    {
        var run = await RunAsync(database, "organisations", "create", "--kind", "CustomsAdministration", "--name", "State Revenue Committee (test)", "--country", "KZ");
        Assert.Equal(0, run.ExitCode);
        return run.Output.Split(' ')[0];
    }

    [Fact]
    public async Task A_client_registered_with_its_public_key_is_set_for_signed_assertions_and_cannot_be_registered_twice()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await RunAsync(database, "db", "migrate");
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = Path.Combine(database.Directory, "kz-astana.pub.pem");
        await File.WriteAllTextAsync(pem, key.ExportSubjectPublicKeyInfoPem(), TestContext.Current.CancellationToken);
        var organisation = await KazakhCustomsAsync(database);

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

        var organisation = await KazakhCustomsAsync(database);

        var run = await RunAsync(database, "clients", "create", "--client-id", "dev-client", "--org", organisation, "--grant", "national-system@country:KZ", "--dev-secret");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches("Client secret \\(shown once, development only\\): [A-Za-z0-9_-]{40,}", run.Output);
    }

    [Theory]
    [InlineData("national-system", "role@scope")]
    [InlineData("customs-officer@organisation:x", "not a valid grant")]
    [InlineData("no-such-role@country:KZ", "not a valid grant")]
    [InlineData("administrator@platform", "requires a person's second factor")]
    [InlineData("customs-officer@country:KZ", "requires a person's second factor")]
    [InlineData("national-system@country:CN", "does not match the organisation")]
    public async Task A_bad_grant_is_refused_with_what_is_expected(string grant, string message)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await RunAsync(database, "db", "migrate");
        var organisation = await KazakhCustomsAsync(database);

        var run = await RunAsync(database, "clients", "create", "--client-id", "c1", "--org", organisation, "--grant", grant, "--dev-secret");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_private_key_or_an_unknown_organisation_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await RunAsync(database, "db", "migrate");
        var organisation = await KazakhCustomsAsync(database);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var privatePem = Path.Combine(database.Directory, "oops.pem");
        await File.WriteAllTextAsync(privatePem, key.ExportPkcs8PrivateKeyPem(), TestContext.Current.CancellationToken);
        using var rsa = RSA.Create(2048);
        var rsaPem = Path.Combine(database.Directory, "rsa.pub.pem");
        await File.WriteAllTextAsync(rsaPem, rsa.ExportSubjectPublicKeyInfoPem(), TestContext.Current.CancellationToken);

        var withPrivate = await RunAsync(database, "clients", "create", "--client-id", "c2", "--org", organisation, "--grant", "national-system@country:KZ", "--public-key", privatePem);
        var unknownOrg = await RunAsync(database, "clients", "create", "--client-id", "c3", "--org", Guid.NewGuid().ToString(), "--grant", "national-system@country:KZ", "--dev-secret");
        var withRsa = await RunAsync(database, "clients", "create", "--client-id", "c4", "--org", organisation, "--grant", "national-system@country:KZ", "--public-key", rsaPem);

        Assert.Equal(2, withPrivate.ExitCode);
        Assert.Contains("This is a private key", withPrivate.Error, StringComparison.Ordinal);
        Assert.Equal(2, unknownOrg.ExitCode);
        Assert.Contains("There is no organisation", unknownOrg.Error, StringComparison.Ordinal);
        Assert.Equal(0, withRsa.ExitCode);
    }

    [Fact]
    public async Task The_operator_lists_organisations_with_their_ids()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await RunAsync(database, "db", "migrate");
        var organisation = await KazakhCustomsAsync(database);

        var run = await RunAsync(database, "organisations", "list");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"{organisation}  KZ  CustomsAdministration", run.Output, StringComparison.Ordinal);
    }
}
