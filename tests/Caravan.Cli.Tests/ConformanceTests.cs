using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Caravan.Access.Features.MachineClients;
using Caravan.Platform.Persistence;
using Caravan.Platform.Security;
using Caravan.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Cli.Tests;

/// <summary>The demo platform on a real socket, dispatching and retrying webhooks quickly, with plain-HTTP receivers allowed.</summary>
public sealed class ConformanceHost() : KestrelWebFactory(DatabaseProvider.Sqlite)
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>
    {
        ["Caravan:Demo"] = "true",
        ["Caravan:Messaging:DispatchIntervalMilliseconds"] = "50",
        ["Caravan:Messaging:Webhooks:AllowHttp"] = "true",
        ["Caravan:Messaging:Webhooks:RetryBaseSeconds"] = "0.2",
        ["Caravan:Messaging:Webhooks:IntervalMilliseconds"] = "100",
        ["Caravan:Messaging:Webhooks:TimeoutSeconds"] = "2",
    };
}

/// <summary>
/// `caravan conformance` against a running demo platform: the demo's Kazakh customs system passes every step, and a
/// run that cannot pass says which step failed and why, with a non-zero exit code.
/// </summary>
public sealed class ConformanceTests(ConformanceHost host) : IClassFixture<ConformanceHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CaravanCli.RunAsync(["conformance", "--base-url", host.Address.ToString(), .. args], output, error, cancellationToken: Ct);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task The_demo_customs_system_of_kazakhstan_passes_every_step_including_webhooks()
    {
        host.SkipUnlessAvailable();

        var run = await RunAsync("--client", "demo-customs-kz", "--secret", "demo-secret-customs-kz", "--country", "KZ",
            "--trader-client", "demo-trader-kz", "--trader-secret", "demo-secret-trader-kz", "--webhook-listen", "http://127.0.0.1:0/", "--page-size", "2");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.DoesNotContain("FAIL", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("SKIP", run.Output, StringComparison.Ordinal);
        foreach (var check in new[] { "1.1", "2.4", "3.3", "4.2", "4.3", "5.4", "5.5", "6.2", "7.1", "7.3", "8.3", "8.4" })
        {
            Assert.Contains($"PASS  {check}", run.Output, StringComparison.Ordinal);
        }

        Assert.Contains("CONFORMANT", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_with_a_registered_key_passes_with_a_signed_assertion()
    {
        host.SkipUnlessAvailable();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var clientId = "conformance-" + Guid.NewGuid().ToString("N")[..8];
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMachineClientRegistry>().CreateAsync(
                clientId, "Conformance test system", await OrganisationOfAsync("demo-customs-kz"), new Grant(Roles.NationalSystem, Scope.Country("KZ")), key.ExportSubjectPublicKeyInfoPem(), developmentSecret: false, Ct);
        }

        var file = Path.Combine(Path.GetTempPath(), $"{clientId}.key");
        await File.WriteAllTextAsync(file, key.ExportECPrivateKeyPem(), Ct);
        try
        {
            var run = await RunAsync("--client", clientId, "--key", file, "--country", "KZ", "--trader-client", "demo-trader-kz", "--trader-secret", "demo-secret-trader-kz");

            Assert.True(run.ExitCode == 0, run.Output + run.Error);
            Assert.Contains("PASS  1.1  POST /connect/token (client credentials, a private_key_jwt assertion", run.Output, StringComparison.Ordinal);
            Assert.Contains("SKIP  8", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_wrong_secret_fails_the_token_step_says_why_and_runs_nothing_else()
    {
        host.SkipUnlessAvailable();

        var run = await RunAsync("--client", "demo-customs-kz", "--secret", "not-the-secret", "--country", "KZ", "--trader-client", "demo-trader-kz", "--trader-secret", "demo-secret-trader-kz");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("FAIL  1.1", run.Output, StringComparison.Ordinal);
        Assert.Contains("invalid_client", run.Output, StringComparison.Ordinal);
        Assert.Contains("the secret is wrong", run.Output, StringComparison.Ordinal);
        Assert.Contains("SKIP  7", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("PASS", run.Output, StringComparison.Ordinal);
        Assert.Contains("NOT CONFORMANT: first problem at 1.1", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_kazakh_client_run_for_uzbekistan_fails_the_scope_step_with_the_mismatch()
    {
        host.SkipUnlessAvailable();

        var run = await RunAsync("--client", "demo-customs-kz", "--secret", "demo-secret-customs-kz", "--country", "UZ", "--trader-client", "demo-trader-kz", "--trader-secret", "demo-secret-trader-kz");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("PASS  1.1", run.Output, StringComparison.Ordinal);
        Assert.Contains("FAIL  1.2", run.Output, StringComparison.Ordinal);
        Assert.Contains("grants national-system@country:KZ: none covers UZ", run.Output, StringComparison.Ordinal);
        Assert.Contains("NOT CONFORMANT: first problem at 1.2", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_secret_or_a_key_the_command_is_refused_before_calling_anything()
    {
        var run = await RunAsync("--client", "demo-customs-kz", "--country", "KZ");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("exactly one of --secret and --key", run.Error, StringComparison.Ordinal);
    }

    private async Task<Guid> OrganisationOfAsync(string demoClient)
    {
        using var http = host.NewSocketClient();
        using var response = await http.PostAsync(new Uri("connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = demoClient,
            ["client_secret"] = demoClient.Replace("demo-", "demo-secret-", StringComparison.Ordinal),
        }), Ct);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("access_token").GetString();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var me = await http.GetFromJsonAsync<JsonElement>(new Uri("api/v1/me", UriKind.Relative), Ct);
        return Guid.Parse(me.GetProperty("organisationId").GetString()!);
    }
}
