using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Caravan.Platform.Persistence;
using Caravan.Testing;

namespace Caravan.Web.Tests;

/// <summary>
/// Issue 6's fault test: the host process is killed (SIGKILL) while it lodges and dispatches under load, then
/// restarted on the same PostgreSQL database. Every acknowledged lodgement exists once, every event reaches the feed
/// once, and a national system's webhook receives each (at least once; applied once by its id).
/// </summary>
public sealed class CrashRecoveryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The release build of the host, as the solution build leaves it.</summary>
    private static string HostDll => RepositoryFiles.PathOf("src", "Caravan.Web", "bin", "Release", "net10.0", "Caravan.Web.dll");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Process Start(TestDatabase database, int port, string dataDirectory)
    {
        var info = new ProcessStartInfo("dotnet", [HostDll, "--urls", $"http://127.0.0.1:{port}", "--demo"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(HostDll)!,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Caravan__Database__Provider"] = "Postgres";
        info.Environment["Caravan__Database__ConnectionString"] = database.ConnectionString;
        info.Environment["Caravan__Database__DataDirectory"] = dataDirectory;
        info.Environment["Caravan__Database__MigrateOnStart"] = "true";
        info.Environment["Caravan__Security__AllowHttpTokens"] = "true";
        info.Environment["Caravan__Messaging__DispatchIntervalMilliseconds"] = "20";
        info.Environment["Caravan__Messaging__Webhooks__AllowHttp"] = "true";
        info.Environment["Caravan__Messaging__Webhooks__RetryBaseSeconds"] = "0.2";
        info.Environment["Caravan__Messaging__Webhooks__IntervalMilliseconds"] = "100";
        // Deliveries the killed host had taken for sending are retried after this lease (5 minutes in production).
        info.Environment["Caravan__Messaging__Webhooks__TimeoutSeconds"] = "2";
        info.Environment["Caravan__Messaging__Webhooks__LeaseSeconds"] = "5";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<HttpClient> ReadyAsync(int port)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
        for (var i = 0; i < 600; i++)
        {
            try
            {
                if ((await client.GetAsync(new Uri("health/ready", UriKind.Relative), Ct)).StatusCode == HttpStatusCode.OK)
                {
                    return client;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, Ct);
        }

        throw new TimeoutException($"The host on port {port} did not become ready.");
    }

    private static async Task AuthoriseAsync(HttpClient client, string clientId)
    {
        using var response = await client.PostAsync(new Uri("connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientId.Replace("demo-", "demo-secret-", StringComparison.Ordinal),
        }), Ct);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>The feed page by page, from the beginning: a busy run has more than one page.</summary>
    private static async Task<List<JsonElement>> WholeFeedAsync(HttpClient client)
    {
        var events = new List<JsonElement>();
        long after = 0;
        while (true)
        {
            var page = await client.GetFromJsonAsync<JsonElement>(new Uri($"api/v1/feed?after={after}&limit=1000", UriKind.Relative), Ct);
            var batch = page.GetProperty("events").EnumerateArray().ToList();
            if (batch.Count == 0)
            {
                return events;
            }

            events.AddRange(batch);
            after = page.GetProperty("next").GetInt64();
        }
    }

    [Fact]
    public async Task After_a_sigkill_under_load_every_acknowledged_lodgement_exists_once_and_every_event_is_delivered()
    {
        TestDatabase.SkipUnlessAvailable(DatabaseProvider.Postgres);
        if (!File.Exists(HostDll))
        {
            Assert.Skip($"{HostDll} is not built: build the solution in Release (scripts/test.sh does).");
        }

        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var receiver = await WebhookReceiver.StartAsync();
        var dataDirectory = database.Directory;
        var port = FreePort();
        var host = Start(database, port, dataDirectory);
        try
        {
            var trader = await ReadyAsync(port);
            await AuthoriseAsync(trader, "demo-trader-kz");
            var kz = await ReadyAsync(port);
            await AuthoriseAsync(kz, "demo-customs-kz");
            var hook = await kz.PostAsJsonAsync(new Uri("api/v1/webhooks", UriKind.Relative), new { url = $"{receiver.BaseUrl}/crash/0", eventTypes = new[] { "control.created" } }, Ct);
            Assert.Equal(HttpStatusCode.Created, hook.StatusCode);

            // Four workers lodge with one Idempotency-Key per consignment; a call cut by the crash is retried with its key.
            var acknowledged = new ConcurrentDictionary<string, string>();
            var pending = new ConcurrentQueue<string>();
            using var load = new CancellationTokenSource();
            async Task WorkerAsync()
            {
                while (!load.IsCancellationRequested)
                {
                    var key = Guid.NewGuid().ToString();
                    try
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/v1/consignments", UriKind.Relative)) { Content = JsonContent.Create(Declarations.CottonYarnChinaKazakhstanUzbekistan($"Cotton yarn, lot {key[..8]}")) };
                        request.Headers.Add("Idempotency-Key", key);
                        using var response = await trader.SendAsync(request, Ct);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            acknowledged[key] = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
                        }
                        else
                        {
                            pending.Enqueue(key);
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                    {
                        pending.Enqueue(key);
                        await Task.Delay(50, CancellationToken.None);
                    }
                }
            }

            var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(WorkerAsync, CancellationToken.None)).ToList();
            await Task.Delay(TimeSpan.FromSeconds(3), Ct);
            var beforeKill = acknowledged.Count;
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync(Ct);
            load.Cancel();
            await Task.WhenAll(workers);

            host = Start(database, port, dataDirectory);
            trader = await ReadyAsync(port);
            await AuthoriseAsync(trader, "demo-trader-kz");
            kz = await ReadyAsync(port);
            await AuthoriseAsync(kz, "demo-customs-kz");

            // The retries: whatever the host had committed before it died is answered, not lodged again.
            foreach (var key in pending)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/v1/consignments", UriKind.Relative)) { Content = JsonContent.Create(Declarations.CottonYarnChinaKazakhstanUzbekistan($"Cotton yarn, lot {key[..8]}")) };
                request.Headers.Add("Idempotency-Key", key);
                using var response = await trader.SendAsync(request, Ct);
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                acknowledged[key] = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
            }

            // Every consignment's three control.created events reach the feed, and nothing else of ours does twice.
            var admin = await ReadyAsync(port);
            await AuthoriseAsync(admin, "demo-trader-kz");
            List<JsonElement> created = [];
            for (var i = 0; i < 300; i++)
            {
                created = (await WholeFeedAsync(admin)).Where(e => e.GetProperty("type").GetString() == "control.created").ToList();
                if (created.Count >= acknowledged.Count * 3)
                {
                    break;
                }

                await Task.Delay(100, Ct);
            }

            var subjects = created.GroupBy(e => e.GetProperty("subjectId").GetString()!).ToDictionary(g => g.Key, g => g.Count());
            Assert.True(beforeKill > 0, "nothing was lodged before the kill");
            Assert.Equal(acknowledged.Values.Distinct().Order(StringComparer.Ordinal), subjects.Keys.Order(StringComparer.Ordinal));
            Assert.All(subjects, s => Assert.Equal(3, s.Value));
            Assert.Equal(created.Count, created.Select(e => e.GetProperty("id").GetString()).Distinct().Count());

            // Kazakhstan's webhook: every Kazakh control.created arrives; the receiver applies each id once.
            var kazakh = created.Where(e => e.GetProperty("countries").EnumerateArray().Any(c => c.GetString() == "KZ")).Select(e => e.GetProperty("id").GetString()!).ToHashSet();
            HashSet<string> applied = [];
            for (var i = 0; i < 600 && !kazakh.IsSubsetOf(applied); i++)
            {
                await Task.Delay(100, Ct);
                applied = receiver.Received.Select(r => r.EventId!).ToHashSet();
            }

            Assert.Equal(acknowledged.Count, kazakh.Count);
            Assert.Equal(kazakh.Order(StringComparer.Ordinal), applied.Order(StringComparer.Ordinal));
        }
        finally
        {
            if (!host.HasExited)
            {
                host.Kill(entireProcessTree: true);
                await host.WaitForExitAsync(CancellationToken.None);
            }

            host.Dispose();
        }
    }
}
