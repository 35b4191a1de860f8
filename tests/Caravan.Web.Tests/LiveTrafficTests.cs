using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Caravan.Platform.Persistence;
using Caravan.Testing;

namespace Caravan.Web.Tests;

/// <summary>A demo host on a real socket; with <paramref name="live"/>, it plays its live traffic two model hours a real second.</summary>
public class LiveTrafficWebFactory(bool live) : KestrelWebFactory(DatabaseProvider.Sqlite)
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Caravan:Demo"] = "true",
        ["Caravan:Demo:LiveTraffic"] = live ? "true" : "false",
        ["Caravan:Demo:LiveTrafficScale"] = "7200",
    };
}

public sealed class LiveDemoFactory() : LiveTrafficWebFactory(live: true);

public sealed class QuietDemoFactory() : LiveTrafficWebFactory(live: false);

/// <summary>
/// <c>Caravan:Demo:LiveTraffic</c> makes the demo host play the traffic model against its own API: consignments appear
/// and the national systems decide on them while nobody calls; without the setting the demo stays still.
/// </summary>
public sealed class LiveTrafficTests(LiveDemoFactory live, QuietDemoFactory quiet) : IClassFixture<LiveDemoFactory>, IClassFixture<QuietDemoFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_live_traffic_consignments_are_lodged_and_decided_within_seconds()
    {
        using var client = await TraderAsync(live);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var decided = false;
        var lodged = 0;
        while (!decided && waited.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(500, Ct);
            var consignments = await client.GetFromJsonAsync<JsonElement>(new Uri("api/v1/consignments", UriKind.Relative), Ct);
            lodged = consignments.GetArrayLength();
            foreach (var consignment in consignments.EnumerateArray())
            {
                var id = consignment.GetProperty("id").GetString();
                var timeline = await client.GetFromJsonAsync<JsonElement>(new Uri($"api/v1/consignments/{id}/timeline", UriKind.Relative), Ct);
                decided |= timeline.EnumerateArray().Any(e => e.GetProperty("kind").GetString() != "lodged");
            }
        }

        Assert.True(lodged > 0, "no consignment lodged");
        Assert.True(decided, $"{lodged} consignments lodged, none with a decision or border event after {waited.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task Without_the_setting_the_demo_lodges_nothing()
    {
        using var client = await TraderAsync(quiet);
        await Task.Delay(2000, Ct);

        var consignments = await client.GetFromJsonAsync<JsonElement>(new Uri("api/v1/consignments", UriKind.Relative), Ct);

        Assert.Equal(0, consignments.GetArrayLength());
    }

    private static async Task<HttpClient> TraderAsync(KestrelWebFactory factory)
    {
        var client = factory.NewSocketClient();
        using var response = await client.PostAsync(new Uri("connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "demo-trader-kz",
            ["client_secret"] = "demo-secret-trader-kz",
        }), Ct);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
