using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Caravan.Testing;

namespace Caravan.Web.Tests;

/// <summary>Each administration decides on its own control of a consignment, by the control's state machine.</summary>
public abstract class CustomsDecisionTests(DemoWebFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement> LodgeAsync()
    {
        var trader = await factory.ClientAsync(DemoPerson.TraderKz);
        var response = await trader.PostAsJsonAsync(new Uri("/api/v1/consignments", UriKind.Relative), Declarations.CottonYarnChinaKazakhstanUzbekistan(), Ct);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private static string ControlOf(JsonElement consignment, string country) =>
        consignment.GetProperty("controls").EnumerateArray().Single(c => c.GetProperty("country").GetString() == country).GetProperty("id").GetString()!;

    private static Task<HttpResponseMessage> DecideAsync(HttpClient client, string control, object decision) =>
        client.PostAsJsonAsync(new Uri($"/api/v1/controls/{control}/decisions", UriKind.Relative), decision, Ct);

    [Fact]
    public async Task China_accepts_and_releases_its_export_control_and_nothing_more_can_be_decided()
    {
        factory.SkipUnlessAvailable();
        var consignment = await LodgeAsync();
        var china = await factory.MachineClientAsync("demo-customs-cn");
        var control = ControlOf(consignment, "CN");

        var queue = await china.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/v1/customs/CN/controls?state=pre-arrival", UriKind.Relative), Ct);
        var accepted = await (await DecideAsync(china, control, new { decision = "accept" })).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var released = await (await DecideAsync(china, control, new { decision = "release" })).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var again = await DecideAsync(china, control, new { decision = "accept" });

        Assert.Contains(queue!, c => c.GetProperty("controlId").GetString() == control);
        Assert.Equal("under-assessment", accepted.GetProperty("state").GetString());
        Assert.Equal("released", released.GetProperty("state").GetString());
        Assert.Equal("green", released.GetProperty("channel").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await again.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("no further decision", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decision_the_state_does_not_allow_is_refused_with_the_decisions_that_are_possible()
    {
        factory.SkipUnlessAvailable();
        var consignment = await LodgeAsync();
        var kazakhstan = await factory.MachineClientAsync("demo-customs-kz");

        var response = await DecideAsync(kazakhstan, ControlOf(consignment, "KZ"), new { decision = "release" });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("pre-arrival", problem.GetProperty("state").GetString());
        Assert.Equal(["accept", "refuse"], problem.GetProperty("allowedDecisions").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public async Task An_administration_cannot_decide_on_another_country_s_control()
    {
        factory.SkipUnlessAvailable();
        var consignment = await LodgeAsync();
        var kazakhstan = await factory.MachineClientAsync("demo-customs-kz");

        var response = await DecideAsync(kazakhstan, ControlOf(consignment, "CN"), new { decision = "accept" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_refusal_or_an_inspection_must_say_why_and_an_unknown_decision_is_named()
    {
        factory.SkipUnlessAvailable();
        var consignment = await LodgeAsync();
        var officer = await factory.ClientAsync(DemoPerson.OfficerKz);
        var control = ControlOf(consignment, "KZ");

        var noReason = await (await DecideAsync(officer, control, new { decision = "refuse" })).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var unknown = await (await DecideAsync(officer, control, new { decision = "stamp" })).Content.ReadFromJsonAsync<JsonElement>(Ct);
        await DecideAsync(officer, control, new { decision = "accept" });
        var inspection = await (await DecideAsync(officer, control, new { decision = "order-physical-inspection", reasonCode = "RISK-HS52", note = "Check yarn count" })).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var queue = await officer.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/v1/customs/KZ/controls?state=inspection&crossing=CN-KZ-01", UriKind.Relative), Ct);

        Assert.Contains("reason code", noReason.GetProperty("errors").GetProperty("reasonCode")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("'stamp' is not a decision", unknown.GetProperty("errors").GetProperty("decision")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("inspection", inspection.GetProperty("state").GetString());
        Assert.Equal("red", inspection.GetProperty("channel").GetString());
        Assert.Contains(queue!, c => c.GetProperty("controlId").GetString() == control);
        var view = await (await factory.ClientAsync(DemoPerson.TraderKz)).GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/consignments/{consignment.GetProperty("id").GetString()}", UriKind.Relative), Ct);
        Assert.Equal("held", view.GetProperty("status").GetString());
        Assert.Equal("CN-KZ-01", view.GetProperty("heldAt").GetString());
    }
}

public sealed class CustomsDecisionsOnSqlite(SqliteDemoWebFactory factory) : CustomsDecisionTests(factory), IClassFixture<SqliteDemoWebFactory>;

public sealed class CustomsDecisionsOnPostgres(PostgresDemoWebFactory factory) : CustomsDecisionTests(factory), IClassFixture<PostgresDemoWebFactory>;
