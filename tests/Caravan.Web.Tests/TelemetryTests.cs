using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Caravan.Platform.Persistence;
using Caravan.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Web.Tests;

/// <summary>
/// Observability (DESIGN 3): with the standard OTEL_EXPORTER_OTLP_ENDPOINT set, the host sends its request spans,
/// the platform's own metrics and its logs over OTLP/HTTP — here to a real receiving server that keeps what it is
/// posted — and nothing a trader declared travels with them.
/// </summary>
public sealed class TelemetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_an_OTLP_endpoint_the_host_exports_request_spans_platform_metrics_and_logs()
    {
        var received = new ConcurrentDictionary<string, ConcurrentQueue<byte[]>>();
        var receiverBuilder = WebApplication.CreateSlimBuilder();
        receiverBuilder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var receiver = receiverBuilder.Build();
        receiver.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await (request.Headers.ContentEncoding == "gzip" ? new GZipStream(request.Body, CompressionMode.Decompress) : request.Body).CopyToAsync(body);
            received.GetOrAdd(signal, _ => new ConcurrentQueue<byte[]>()).Enqueue(body.ToArray());
            return Results.Ok();
        });
        await receiver.StartAsync(Ct);
        var endpoint = receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var settings = database.Settings.Concat(new Dictionary<string, string?>
        {
            ["Caravan:Demo"] = "true",
            ["Caravan:Demo:LiveTraffic"] = "false",
            ["Caravan:Security:AllowHttpTokens"] = "true",
            ["Caravan:Messaging:DispatchIntervalMilliseconds"] = "50",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = "caravan-under-test",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
        }).ToDictionary();
        await using var host = new SharedDatabaseHost(settings);
        var trader = await TwoInstancesTests.MachineClientAsync(host, "demo-trader-kz");
        var marker = "Cotton yarn for the telemetry test " + Guid.NewGuid().ToString("N");
        var lodged = await trader.PostAsJsonAsync(new Uri("/api/v1/consignments", UriKind.Relative), Declarations.CottonYarnChinaKazakhstanUzbekistan(marker), Ct);
        Assert.Equal(HttpStatusCode.Created, lodged.StatusCode);
        var control = (await lodged.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("controls").EnumerateArray()
            .Single(c => c.GetProperty("country").GetString() == "KZ").GetProperty("id").GetString();
        var kz = await TwoInstancesTests.MachineClientAsync(host, "demo-customs-kz");
        Assert.Equal(HttpStatusCode.OK, (await kz.PostAsJsonAsync(new Uri($"/api/v1/controls/{control}/decisions", UriKind.Relative), new { decision = "accept" }, Ct)).StatusCode);

        // Protocol buffers keep strings as UTF-8 bytes: a name the host exported is found in what the receiver kept.
        string[] traces = ["caravan-under-test", "api/v1/consignments", "api/v1/controls/{id}/decisions", "outbox dispatch"];
        string[] metrics = ["caravan.trade.consignments_lodged", "caravan.trade.controls_created", "caravan.trade.decisions", "caravan.outbox.dispatched", "caravan.outbox.dispatch_delay", "http.server.request.duration"];
        string[] logs = ["Start-up finished; the instance is ready"];
        for (var i = 0; i < 300 && !(Holds("traces", traces) && Holds("metrics", metrics) && Holds("logs", logs)); i++)
        {
            await Task.Delay(100, Ct);
        }

        Assert.All(traces, name => Assert.Contains(name, Text("traces"), StringComparison.Ordinal));
        Assert.All(metrics, name => Assert.Contains(name, Text("metrics"), StringComparison.Ordinal));
        Assert.All(logs, name => Assert.Contains(name, Text("logs"), StringComparison.Ordinal));
        Assert.Contains("caravan.decision", Text("metrics"), StringComparison.Ordinal);

        // What a trader declared does not leave with the telemetry.
        Assert.All(received.Keys, signal => Assert.DoesNotContain(marker, Text(signal), StringComparison.Ordinal));

        string Text(string signal) => received.TryGetValue(signal, out var bodies) ? string.Join('\n', bodies.Select(b => Encoding.UTF8.GetString(b))) : string.Empty;
        bool Holds(string signal, string[] names) => names.All(n => Text(signal).Contains(n, StringComparison.Ordinal));
    }
}
