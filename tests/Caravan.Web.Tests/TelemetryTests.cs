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
[Collection(nameof(TelemetryCollection))]
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
        // The same server is a national system's webhook endpoint, keeping each delivery's trace header.
        var hooks = new ConcurrentQueue<string?>();
        receiver.MapPost("/hook", (HttpRequest request) =>
        {
            hooks.Enqueue(request.Headers["traceparent"]);
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
            ["Caravan:Messaging:Webhooks:AllowHttp"] = "true",
            ["Caravan:Messaging:Webhooks:IntervalMilliseconds"] = "100",
        }).ToDictionary();
        await using var host = new SharedDatabaseHost(settings);
        var trader = await TwoInstancesTests.MachineClientAsync(host, "demo-trader-kz");
        var kzSystem = await TwoInstancesTests.MachineClientAsync(host, "demo-customs-kz");
        Assert.Equal(HttpStatusCode.Created, (await kzSystem.PostAsJsonAsync(new Uri("/api/v1/webhooks", UriKind.Relative), new { url = endpoint + "/hook", eventTypes = new[] { "control.created" } }, Ct)).StatusCode);
        var marker = "Cotton yarn for the telemetry test " + Guid.NewGuid().ToString("N");
        // The trader's system sends its own trace context; the platform's spans for this lodging join that trace.
        var trace = System.Diagnostics.ActivityTraceId.CreateRandom();
        using var lodging = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/consignments", UriKind.Relative)) { Content = JsonContent.Create(Declarations.CottonYarnChinaKazakhstanUzbekistan(marker)) };
        lodging.Headers.Add("traceparent", $"00-{trace.ToHexString()}-{System.Diagnostics.ActivitySpanId.CreateRandom().ToHexString()}-01");
        var lodged = await trader.SendAsync(lodging, Ct);
        Assert.Equal(HttpStatusCode.Created, lodged.StatusCode);
        var control = (await lodged.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("controls").EnumerateArray()
            .Single(c => c.GetProperty("country").GetString() == "KZ").GetProperty("id").GetString();
        var kz = await TwoInstancesTests.MachineClientAsync(host, "demo-customs-kz");
        Assert.Equal(HttpStatusCode.OK, (await kz.PostAsJsonAsync(new Uri($"/api/v1/controls/{control}/decisions", UriKind.Relative), new { decision = "accept" }, Ct)).StatusCode);

        // Protocol buffers keep strings as UTF-8 bytes: a name the host exported is found in what the receiver kept.
        string[] traces = ["caravan-under-test", "api/v1/consignments", "api/v1/controls/{id}/decisions", "outbox dispatch"];
        string[] metrics = ["caravan.trade.consignments_lodged", "caravan.trade.controls_created", "caravan.trade.decisions", "caravan.outbox.dispatched", "caravan.outbox.dispatch_delay", "caravan.webhook.attempts", "http.server.request.duration"];
        string[] logs = ["Start-up finished; the instance is ready"];
        for (var i = 0; i < 300 && !(Holds("traces", traces) && Holds("metrics", metrics) && Holds("logs", logs) && Linked().Count >= 2); i++)
        {
            await Task.Delay(100, Ct);
        }

        Assert.All(traces, name => Assert.Contains(name, Text("traces"), StringComparison.Ordinal));
        Assert.All(metrics, name => Assert.Contains(name, Text("metrics"), StringComparison.Ordinal));
        Assert.All(logs, name => Assert.Contains(name, Text("logs"), StringComparison.Ordinal));
        Assert.Contains("caravan.decision", Text("metrics"), StringComparison.Ordinal);

        // The lodging request's span is in the trader's trace, and the batches that dispatched and consumed its
        // events link to that trace (a batch serves many requests, so it links rather than descends).
        var spans = received.GetValueOrDefault("traces", []).SelectMany(OtlpSpans.Read).ToList();
        Assert.Contains(spans, s => s.Name == "POST /api/v1/consignments/" && s.TraceId == trace.ToHexString());
        Assert.Contains("outbox dispatch", Linked());

        // Kazakhstan's system got the lodging's control.created on its webhook within the trader's trace.
        Assert.Contains(hooks, header => header?.StartsWith($"00-{trace.ToHexString()}-", StringComparison.Ordinal) == true);
        Assert.Contains(Linked(), name => name.StartsWith("consume trade.", StringComparison.Ordinal));

        // What a trader declared does not leave with the telemetry.
        Assert.All(received.Keys, signal => Assert.DoesNotContain(marker, Text(signal), StringComparison.Ordinal));

        string Text(string signal) => received.TryGetValue(signal, out var bodies) ? string.Join('\n', bodies.Select(b => Encoding.UTF8.GetString(b))) : string.Empty;
        List<string> Linked() => received.GetValueOrDefault("traces", []).SelectMany(OtlpSpans.Read).Where(s => s.Links.Contains(trace.ToHexString())).Select(s => s.Name).ToList();
        bool Holds(string signal, string[] names) => names.All(n => Text(signal).Contains(n, StringComparison.Ordinal));
    }
}

/// <summary>
/// OpenTelemetry listens process-wide (every ActivitySource and Meter of a name, whichever host made it), and a meter
/// disposed by another test's host ends the metric stream it shared with this one; so these tests run alone, after
/// the parallel ones — as a host runs alone in its process in production.
/// </summary>
[CollectionDefinition(nameof(TelemetryCollection), DisableParallelization = true)]
public sealed class TelemetryCollection;

/// <summary>
/// Just enough of the protocol buffers wire format to read spans out of an OTLP ExportTraceServiceRequest:
/// resource_spans (1) → scope_spans (2) → spans (2) → trace_id (1), name (5), links (13) → trace_id (1).
/// </summary>
internal static class OtlpSpans
{
    public sealed record Span(string Name, string TraceId, IReadOnlyList<string> Links);

    public static IEnumerable<Span> Read(byte[] request) =>
        from resourceSpans in Fields(request, 1)
        from scopeSpans in Fields(resourceSpans, 2)
        from span in Fields(scopeSpans, 2)
        select new Span(
            Encoding.UTF8.GetString(Fields(span, 5).FirstOrDefault() ?? []),
            Convert.ToHexStringLower(Fields(span, 1).FirstOrDefault() ?? []),
            Fields(span, 13).Select(link => Convert.ToHexStringLower(Fields(link, 1).FirstOrDefault() ?? [])).ToList());

    /// <summary>The length-delimited fields numbered <paramref name="number"/> of one message.</summary>
    private static List<byte[]> Fields(byte[] message, int number)
    {
        var found = new List<byte[]>();
        var i = 0;
        while (i < message.Length)
        {
            var key = Varint(message, ref i);
            switch (key & 7)
            {
                case 0: Varint(message, ref i); break;
                case 1: i += 8; break;
                case 5: i += 4; break;
                case 2:
                    var length = (int)Varint(message, ref i);
                    if ((int)(key >> 3) == number)
                    {
                        found.Add(message[i..(i + length)]);
                    }

                    i += length;
                    break;
                default: throw new InvalidDataException($"Wire type {key & 7} is not used by OTLP.");
            }
        }

        return found;
    }

    private static ulong Varint(byte[] bytes, ref int i)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[i++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}

