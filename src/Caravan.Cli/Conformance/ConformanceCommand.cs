using System.CommandLine;
using System.Globalization;

namespace Caravan.Cli.Conformance;

/// <summary>
/// <c>caravan conformance</c>: runs the conformance sequence of docs/conformance.md against a running platform, as a
/// national system would, and exits 0 only when every mandatory check passes. It needs no database: only the
/// platform's address and the client's credentials.
/// </summary>
public static class ConformanceCommand
{
    public static Command Create(TextWriter output, TextWriter error, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var time = clock ?? TimeProvider.System;
        var baseUrl = new Option<string>("--base-url") { Description = "The platform's base address, e.g. https://caravan.example/ (also the audience of a signed assertion).", Required = true };
        var client = new Option<string>("--client") { Description = "The national system's client id, e.g. kz-astana-1 or demo-customs-kz.", Required = true };
        var secret = new Option<string?>("--secret") { Description = "The client's development secret (demo clients)." };
        var key = new Option<FileInfo?>("--key") { Description = "A PEM file with the client's private key (EC P-256 or RSA): the token is requested with a signed private_key_jwt assertion." };
        var country = new Option<string>("--country") { Description = "The country the national system acts for, e.g. KZ.", Required = true };
        var traderClient = new Option<string?>("--trader-client") { Description = "A test trader client that lodges the test consignment (e.g. demo-trader-kz); steps 3 to 6 need one." };
        var traderSecret = new Option<string?>("--trader-secret") { Description = "The test trader client's secret." };
        var traderKey = new Option<FileInfo?>("--trader-key") { Description = "Or the test trader client's private key (PEM)." };
        var listen = new Option<string?>("--webhook-listen") { Description = "Test webhooks: listen on this local address, e.g. http://127.0.0.1:8099/ (port 0: any free port). The platform must be able to reach it." };
        var hookUrl = new Option<string?>("--webhook-url") { Description = "The address the platform should call when it is not the listen address (behind a proxy or NAT)." };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for an event in the feed or a webhook delivery (default 30).", DefaultValueFactory = _ => 30 };
        var pageSize = new Option<int>("--page-size") { Description = "The limit of the first feed pages read in step 2 (default 50): small pages exercise the cursor.", DefaultValueFactory = _ => 50 };

        var command = new Command("conformance", "Run the conformance sequence a national system's integration must pass (docs/conformance.md) against a running platform; exit code 0 only if every mandatory check passes.")
        {
            baseUrl, client, secret, key, country, traderClient, traderSecret, traderKey, listen, hookUrl, timeout, pageSize,
        };
        command.SetAction(async (parse, ct) =>
        {
            var given = Address(parse.GetValue(baseUrl));
            var webhookListen = Address(parse.GetValue(listen));
            var webhookUrl = Address(parse.GetValue(hookUrl));
            if (given is null || (parse.GetValue(listen) is not null && webhookListen is null) || (parse.GetValue(hookUrl) is not null && webhookUrl is null))
            {
                await error.WriteLineAsync("error: --base-url, --webhook-listen and --webhook-url are absolute http(s) addresses, e.g. https://caravan.example/.");
                return 2;
            }

            if ((parse.GetValue(secret) is null) == (parse.GetValue(key) is null))
            {
                await error.WriteLineAsync("error: give exactly one of --secret and --key for the client.");
                return 2;
            }

            if (parse.GetValue(traderClient) is not null && (parse.GetValue(traderSecret) is null) == (parse.GetValue(traderKey) is null))
            {
                await error.WriteLineAsync("error: give exactly one of --trader-secret and --trader-key for the trader client.");
                return 2;
            }

            if (parse.GetValue(timeout) is < 1 or > 600 || parse.GetValue(pageSize) is < 1 or > 1000)
            {
                await error.WriteLineAsync("error: --timeout is 1 to 600 seconds and --page-size 1 to 1000.");
                return 2;
            }

            string? keyPem, traderPem;
            try
            {
                keyPem = parse.GetValue(key) is { } k ? await File.ReadAllTextAsync(k.FullName, ct) : null;
                traderPem = parse.GetValue(traderKey) is { } t ? await File.ReadAllTextAsync(t.FullName, ct) : null;
            }
            catch (IOException ex)
            {
                await error.WriteLineAsync($"error: {ex.Message}");
                return 2;
            }

            var settings = new ConformanceSettings(given, parse.GetValue(client)!, parse.GetValue(secret), keyPem, parse.GetValue(country)!,
                parse.GetValue(traderClient), parse.GetValue(traderSecret), traderPem, webhookListen, webhookUrl,
                TimeSpan.FromSeconds(parse.GetValue(timeout)), parse.GetValue(pageSize));
            await output.WriteLineAsync($"Caravan conformance kit: {given} as {settings.ClientId} for {settings.Country.ToUpperInvariant()}, {time.GetUtcNow().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)}");
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            return await new ConformanceRun(settings, http, time, new ConformanceReport(output)).RunAsync(ct);
        });
        return command;
    }

    private static Uri? Address(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;
}
