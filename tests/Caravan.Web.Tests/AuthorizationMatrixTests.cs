using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Caravan.Platform.Persistence;
using Caravan.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Web.Tests;

/// <summary>The platform with the demo organisations and people, so that every role can be signed in.</summary>
public class DemoWebFactory(DatabaseProvider provider) : CaravanWebFactory(provider)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<HttpClient>>> _clients = new();

    protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>
    {
        ["Caravan:Demo"] = "true",
        // Every role signs in from the same test "address"; the limit itself is tested on its own.
        ["Caravan:Security:SignInAttemptsPerMinute"] = "1000",
    };

    /// <summary>A client carrying an access token of a demo machine client (client-credentials grant, development secret).</summary>
    public Task<HttpClient> MachineClientAsync(string clientId) =>
        _clients.GetOrAdd("client:" + clientId, _ => new Lazy<Task<HttpClient>>(async () =>
        {
            var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            using var response = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = clientId,
                ["client_secret"] = clientId.Replace("demo-", "demo-secret-", StringComparison.Ordinal),
            }));
            var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            return client;
        })).Value;

    private Lazy<Task<string>>? _consignment;

    /// <summary>The id of a consignment lodged by Kazakhstan's demo trader, China → Kazakhstan → Uzbekistan (once per fixture).</summary>
    public Task<string> ConsignmentOfTraderKzAsync() =>
        LazyInitializer.EnsureInitialized(ref _consignment, () => new Lazy<Task<string>>(async () =>
        {
            var trader = await ClientAsync(DemoPerson.TraderKz);
            using var response = await trader.PostAsJsonAsync(new Uri("/api/v1/consignments", UriKind.Relative), Declarations.CottonYarnChinaKazakhstanUzbekistan());
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            return response.IsSuccessStatusCode
                ? body.GetProperty("id").GetString()!
                : throw new InvalidOperationException($"Lodging the matrix consignment failed: {body}");
        })).Value;

    /// <summary>A client signed in as the person (one per person per fixture), or anonymous for null.</summary>
    public Task<HttpClient> ClientAsync(DemoPerson? person) =>
        person is null
            ? Task.FromResult(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }))
            : _clients.GetOrAdd(person.Email, _ => new Lazy<Task<HttpClient>>(async () =>
            {
                var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
                await SignIn.SignInAsync(client, person);
                return client;
            })).Value;
}

public sealed class SqliteDemoWebFactory() : DemoWebFactory(DatabaseProvider.Sqlite);

public sealed class PostgresDemoWebFactory() : DemoWebFactory(DatabaseProvider.Postgres);

/// <summary>
/// Every API endpoint against every role and scope: 401 without credentials, 403 outside the caller's grants or
/// scope, never a 500. A new endpoint fails <see cref="Every_api_endpoint_is_in_the_matrix"/> until it has rows here.
/// </summary>
public abstract class AuthorizationMatrixTests(DemoWebFactory factory)
{
    private const string TraderKzName = "Steppe Cotton LLP (demo)";

    /// <summary>The requests of the matrix; "{trader-kz}" is replaced by the demo Kazakh trader's id.</summary>
    public static readonly IReadOnlyList<(string Name, HttpMethod Method, string Route, string Url)> Requests =
    [
        ("countries", HttpMethod.Get, "/api/v1/countries", "/api/v1/countries"),
        ("country", HttpMethod.Get, "/api/v1/countries/{code}", "/api/v1/countries/KZ"),
        ("crossings", HttpMethod.Get, "/api/v1/border-crossings", "/api/v1/border-crossings?country=KZ"),
        ("crossing", HttpMethod.Get, "/api/v1/border-crossings/{id}", "/api/v1/border-crossings/CN-KZ-01"),
        ("hs-search", HttpMethod.Get, "/api/v1/hs", "/api/v1/hs?q=cotton"),
        ("hs-sections", HttpMethod.Get, "/api/v1/hs/sections", "/api/v1/hs/sections"),
        ("hs-section", HttpMethod.Get, "/api/v1/hs/sections/{number}", "/api/v1/hs/sections/11"),
        ("hs-code", HttpMethod.Get, "/api/v1/hs/{code}", "/api/v1/hs/5205"),
        ("code-list", HttpMethod.Get, "/api/v1/code-lists/{name}", "/api/v1/code-lists/currencies"),
        ("me", HttpMethod.Get, "/api/v1/me", "/api/v1/me"),
        ("organisations", HttpMethod.Get, "/api/v1/organisations", "/api/v1/organisations"),
        ("organisation", HttpMethod.Get, "/api/v1/organisations/{id}", "/api/v1/organisations/{trader-kz}"),
        ("create-organisation", HttpMethod.Post, "/api/v1/organisations", "/api/v1/organisations"),
        ("lodge", HttpMethod.Post, "/api/v1/consignments", "/api/v1/consignments"),
        ("consignments", HttpMethod.Get, "/api/v1/consignments", "/api/v1/consignments"),
        ("consignment", HttpMethod.Get, "/api/v1/consignments/{id}", "/api/v1/consignments/{cn-kz-uz}"),
        ("queue", HttpMethod.Get, "/api/v1/customs/{country}/controls", "/api/v1/customs/KZ/controls"),
        // "release" straight from pre-arrival is never possible: whoever may decide gets 409, so the row stays repeatable.
        ("decide", HttpMethod.Post, "/api/v1/controls/{id}/decisions", "/api/v1/controls/{kz-control}/decisions"),
        // A new moment for every call, so that an allowed report is always a new event (201), never a duplicate.
        ("event", HttpMethod.Post, "/api/v1/consignments/{id}/events", "/api/v1/consignments/{cn-kz-uz}/events"),
        ("timeline", HttpMethod.Get, "/api/v1/consignments/{id}/timeline", "/api/v1/consignments/{cn-kz-uz}/timeline"),
        // Without a reason: the owner gets 400 (past authorization), everyone else 403; the consignment stays lodged.
        ("cancel", HttpMethod.Post, "/api/v1/consignments/{id}/cancellation", "/api/v1/consignments/{cn-kz-uz}/cancellation"),
        // Without If-Match: the owner gets 428 (past authorization), everyone else 403; the declaration stays as it is.
        ("amend", HttpMethod.Put, "/api/v1/consignments/{id}", "/api/v1/consignments/{cn-kz-uz}"),
        ("versions", HttpMethod.Get, "/api/v1/consignments/{id}/versions", "/api/v1/consignments/{cn-kz-uz}/versions"),
        ("assessments", HttpMethod.Get, "/api/v1/controls/{id}/assessments", "/api/v1/controls/{kz-control}/assessments"),
        // Risk management of Kazakhstan. Writes carry an empty body (400 past authorization) or name something that
        // does not exist (404), so the rows stay repeatable and change nothing.
        ("risk-profiles", HttpMethod.Get, "/api/v1/risk/{country}/profiles", "/api/v1/risk/KZ/profiles"),
        ("risk-profile", HttpMethod.Get, "/api/v1/risk/{country}/profiles/{version:int}", "/api/v1/risk/KZ/profiles/999"),
        ("create-profile", HttpMethod.Post, "/api/v1/risk/{country}/profiles", "/api/v1/risk/KZ/profiles"),
        ("publish-profile", HttpMethod.Post, "/api/v1/risk/{country}/profiles/{version:int}/publication", "/api/v1/risk/KZ/profiles/999/publication"),
        // An empty definition: refused by field (400) past authorization, and a preview stores nothing anyway.
        ("preview-profile", HttpMethod.Post, "/api/v1/risk/{country}/profiles/preview", "/api/v1/risk/KZ/profiles/preview"),
        ("operators", HttpMethod.Get, "/api/v1/risk/{country}/operators", "/api/v1/risk/KZ/operators"),
        ("register-operator", HttpMethod.Post, "/api/v1/risk/{country}/operators", "/api/v1/risk/KZ/operators"),
        ("operator-status", HttpMethod.Post, "/api/v1/risk/{country}/operators/{id}/status", $"/api/v1/risk/KZ/operators/{Guid.Empty}/status"),
        ("arrangements", HttpMethod.Get, "/api/v1/risk/arrangements", "/api/v1/risk/arrangements"),
        ("register-arrangement", HttpMethod.Post, "/api/v1/risk/arrangements", "/api/v1/risk/arrangements"),
        ("end-arrangement", HttpMethod.Post, "/api/v1/risk/arrangements/{id}/end", $"/api/v1/risk/arrangements/{Guid.Empty}/end"),
        ("publish-alert", HttpMethod.Post, "/api/v1/risk/{country}/alerts", "/api/v1/risk/KZ/alerts"),
        ("alerts", HttpMethod.Get, "/api/v1/risk/{country}/alerts", "/api/v1/risk/KZ/alerts"),
        ("acknowledge-alert", HttpMethod.Post, "/api/v1/risk/alerts/{id}/acknowledgements", $"/api/v1/risk/alerts/{Guid.Empty}/acknowledgements"),
        // Exchange with national systems and traders' systems.
        ("feed", HttpMethod.Get, "/api/v1/feed", "/api/v1/feed?after=0&limit=10"),
        ("messaging-status", HttpMethod.Get, "/api/v1/messaging/status", "/api/v1/messaging/status"),
        ("register-webhook", HttpMethod.Post, "/api/v1/webhooks", "/api/v1/webhooks"),
        ("webhooks", HttpMethod.Get, "/api/v1/webhooks", "/api/v1/webhooks"),
        ("remove-webhook", HttpMethod.Delete, "/api/v1/webhooks/{id}", $"/api/v1/webhooks/{Guid.Empty}"),
        ("webhook-deliveries", HttpMethod.Get, "/api/v1/webhooks/{id}/deliveries", $"/api/v1/webhooks/{Guid.Empty}/deliveries"),
        ("replay-delivery", HttpMethod.Post, "/api/v1/webhooks/deliveries/{id}/replay", $"/api/v1/webhooks/deliveries/{Guid.Empty}/replay"),
        ("notifications", HttpMethod.Get, "/api/v1/notifications", "/api/v1/notifications"),
        ("read-notifications", HttpMethod.Post, "/api/v1/notifications/read", "/api/v1/notifications/read"),
        // Release times: aggregates and targets public; per-control detail for the country's administration; targets set
        // by its analysts and administrators (an empty body: 400 past authorization).
        ("release-times", HttpMethod.Get, "/api/v1/analytics/release-times", "/api/v1/analytics/release-times?country=KZ&groupBy=channel"),
        ("release-times-csv", HttpMethod.Get, "/api/v1/analytics/release-times.csv", "/api/v1/analytics/release-times.csv?country=KZ"),
        ("release-time-distribution", HttpMethod.Get, "/api/v1/analytics/release-times/distribution", "/api/v1/analytics/release-times/distribution?country=KZ"),
        ("release-time-targets", HttpMethod.Get, "/api/v1/analytics/release-times/targets", "/api/v1/analytics/release-times/targets"),
        ("release-time-controls", HttpMethod.Get, "/api/v1/analytics/release-times/controls", "/api/v1/analytics/release-times/controls?country=KZ"),
        ("set-release-time-target", HttpMethod.Put, "/api/v1/analytics/release-times/targets/{country}/{channel}", "/api/v1/analytics/release-times/targets/KZ/yellow"),
        // Certificates of origin. Writes carry an empty body (400 past authorization) or name nothing (404).
        ("apply", HttpMethod.Post, "/api/v1/origin/applications", "/api/v1/origin/applications"),
        ("applications", HttpMethod.Get, "/api/v1/origin/applications", "/api/v1/origin/applications"),
        ("application", HttpMethod.Get, "/api/v1/origin/applications/{id:guid}", $"/api/v1/origin/applications/{Guid.Empty}"),
        ("resubmit", HttpMethod.Put, "/api/v1/origin/applications/{id:guid}", $"/api/v1/origin/applications/{Guid.Empty}"),
        ("review", HttpMethod.Post, "/api/v1/origin/applications/{id:guid}/review", $"/api/v1/origin/applications/{Guid.Empty}/review"),
        ("certificates", HttpMethod.Get, "/api/v1/certificates", "/api/v1/certificates"),
        ("certificate", HttpMethod.Get, "/api/v1/certificates/{id:guid}", $"/api/v1/certificates/{Guid.Empty}"),
        ("certificate-pdf", HttpMethod.Get, "/api/v1/certificates/{id:guid}/pdf", $"/api/v1/certificates/{Guid.Empty}/pdf"),
        ("certificate-status", HttpMethod.Post, "/api/v1/certificates/{id:guid}/status", $"/api/v1/certificates/{Guid.Empty}/status"),
        // Verification is public; an empty body is refused by field for everyone.
        ("verify", HttpMethod.Post, "/api/v1/certificates/verify", "/api/v1/certificates/verify"),
        ("trust-list", HttpMethod.Get, "/api/v1/origin/trust-list", "/api/v1/origin/trust-list"),
        ("status-list", HttpMethod.Get, "/api/v1/origin/status-lists/{slug}/{purpose}", "/api/v1/origin/status-lists/issuer-kz/revocation"),
        ("register-issuer", HttpMethod.Post, "/api/v1/origin/issuers", "/api/v1/origin/issuers"),
        ("issuer-trust", HttpMethod.Post, "/api/v1/origin/issuers/{id:guid}/trust", $"/api/v1/origin/issuers/{Guid.Empty}/trust"),
        ("rotate-key", HttpMethod.Post, "/api/v1/origin/issuers/{id:guid}/keys", $"/api/v1/origin/issuers/{Guid.Empty}/keys"),
        ("revoke-key", HttpMethod.Post, "/api/v1/origin/issuers/{id:guid}/keys/revocation", $"/api/v1/origin/issuers/{Guid.Empty}/keys/revocation?kid=none"),
        ("attach-certificate", HttpMethod.Post, "/api/v1/consignments/{id:guid}/certificates", "/api/v1/consignments/{cn-kz-uz}/certificates"),
        ("verify-control-certificates", HttpMethod.Post, "/api/v1/controls/{id:guid}/certificate-verifications", "/api/v1/controls/{kz-control}/certificate-verifications"),
        ("control-certificate-verifications", HttpMethod.Get, "/api/v1/controls/{id:guid}/certificate-verifications", "/api/v1/controls/{kz-control}/certificate-verifications"),
        // The trade information portal: public reading and calculation; imports by administrators (an empty file: 400).
        ("tariff-code", HttpMethod.Get, "/api/v1/tariff/{code}", "/api/v1/tariff/5205"),
        ("tariff-requirements", HttpMethod.Get, "/api/v1/tariff/requirements", "/api/v1/tariff/requirements?country=UZ&hsCode=520512"),
        ("exchange-rates", HttpMethod.Get, "/api/v1/tariff/exchange-rates", "/api/v1/tariff/exchange-rates"),
        ("tariff-calculation", HttpMethod.Post, "/api/v1/tariff/calculations", "/api/v1/tariff/calculations"),
        ("tariff-import", HttpMethod.Post, "/api/v1/tariff/imports", "/api/v1/tariff/imports?file=empty.csv"),
    ];

    private static readonly string[] OriginReads = ["applications", "certificates"];

    private static readonly string[] OriginMissing = ["application", "certificate", "certificate-pdf"];

    private static readonly string[] OriginAdministration = ["register-issuer", "issuer-trust", "revoke-key"];

    private static readonly string[] ControlCertificates = ["verify-control-certificates", "control-certificate-verifications"];

    private static readonly string[] WebhookMissing = ["remove-webhook", "webhook-deliveries", "replay-delivery"];

    private static readonly string[] RiskReads = ["risk-profiles", "operators", "alerts"];

    private static readonly string[] RiskWrites = ["create-profile", "preview-profile", "register-operator", "register-arrangement", "publish-alert", "acknowledge-alert"];

    private static readonly string[] RiskMissing = ["risk-profile", "publish-profile", "operator-status", "end-arrangement"];

    private static readonly string[] Public = ["countries", "country", "crossings", "crossing", "hs-search", "hs-sections", "hs-section", "hs-code", "code-list", "trust-list", "status-list", "tariff-code", "tariff-requirements", "exchange-rates"];

    private static readonly string[] ReleaseTimesPublic = ["release-times", "release-times-csv", "release-time-distribution", "release-time-targets"];

    /// <summary>The demo machine clients, called through the API with their access tokens.</summary>
    public static readonly IReadOnlyList<string> MachineClients = ["demo-customs-kz", "demo-customs-cn", "demo-trader-kz"];

    /// <summary>What a machine client may do: the same as a person of its role and scope.</summary>
    public static HttpStatusCode ExpectedForClient(string request, string client) => request switch
    {
        _ when Public.Contains(request) || ReleaseTimesPublic.Contains(request) => HttpStatusCode.OK,
        "verify" or "tariff-calculation" => HttpStatusCode.BadRequest,
        "tariff-import" => HttpStatusCode.Forbidden,
        // Kazakhstan's national system reads Kazakhstan's per-control release times; nobody's system sets targets.
        "release-time-controls" => client == "demo-customs-kz" ? HttpStatusCode.OK : HttpStatusCode.Forbidden,
        "set-release-time-target" => HttpStatusCode.Forbidden,
        _ when OriginReads.Contains(request) => HttpStatusCode.OK,
        _ when OriginMissing.Contains(request) => HttpStatusCode.NotFound,
        "apply" or "attach-certificate" => client == "demo-trader-kz" ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden,
        "resubmit" => client == "demo-trader-kz" ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden,
        "review" or "certificate-status" or "rotate-key" => HttpStatusCode.Forbidden,
        _ when OriginAdministration.Contains(request) => HttpStatusCode.Forbidden,
        // Kazakhstan's system verifies certificates for Kazakhstan's control; China's system is told there is none of its own.
        _ when ControlCertificates.Contains(request) => client switch { "demo-customs-kz" => HttpStatusCode.OK, "demo-customs-cn" => HttpStatusCode.NotFound, _ => HttpStatusCode.Forbidden },
        "me" or "organisations" or "consignments" or "consignment" => HttpStatusCode.OK,
        "lodge" => client == "demo-trader-kz" ? HttpStatusCode.Created : HttpStatusCode.Forbidden,
        "queue" => client == "demo-customs-kz" ? HttpStatusCode.OK : HttpStatusCode.Forbidden,
        "decide" => client == "demo-customs-kz" ? HttpStatusCode.Conflict : HttpStatusCode.Forbidden,
        "event" => client is "demo-customs-kz" or "demo-trader-kz" ? HttpStatusCode.Created : HttpStatusCode.Forbidden,
        "timeline" or "versions" => HttpStatusCode.OK,
        "cancel" => client == "demo-trader-kz" ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden,
        "amend" => client == "demo-trader-kz" ? HttpStatusCode.PreconditionRequired : HttpStatusCode.Forbidden,
        // A national system reads its own country's risk management and explanations, and changes none of it.
        "assessments" => client == "demo-customs-kz" ? HttpStatusCode.OK : HttpStatusCode.Forbidden,
        _ when RiskReads.Contains(request) => client == "demo-customs-kz" ? HttpStatusCode.OK : HttpStatusCode.Forbidden,
        "risk-profile" => client == "demo-customs-kz" ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden,
        "arrangements" => client is "demo-customs-kz" or "demo-customs-cn" ? HttpStatusCode.OK : HttpStatusCode.Forbidden,
        _ when RiskWrites.Contains(request) || RiskMissing.Contains(request) => HttpStatusCode.Forbidden,
        // Every machine client reads its feed and keeps its organisation's webhooks.
        "feed" or "webhooks" => HttpStatusCode.OK,
        // Every country's events: no national system reads how the platform's delivery is doing.
        "messaging-status" => HttpStatusCode.Forbidden,
        "notifications" or "read-notifications" => client == "demo-trader-kz" ? HttpStatusCode.OK : HttpStatusCode.Forbidden,
        "register-webhook" => HttpStatusCode.BadRequest,
        _ when WebhookMissing.Contains(request) => HttpStatusCode.NotFound,
        "organisation" => client is "demo-customs-kz" or "demo-trader-kz" ? HttpStatusCode.OK : HttpStatusCode.Forbidden,
        "create-organisation" => HttpStatusCode.Forbidden,
        _ => throw new ArgumentOutOfRangeException(nameof(request), request, "not in the matrix"),
    };

    /// <summary>The expected status of a request for a caller (null = anonymous).</summary>
    public static HttpStatusCode Expected(string request, DemoPerson? caller)
    {
        if (Public.Contains(request) || ReleaseTimesPublic.Contains(request))
        {
            return HttpStatusCode.OK;
        }

        if (request is "verify" or "tariff-calculation")
        {
            return HttpStatusCode.BadRequest;
        }

        if (caller is null)
        {
            return HttpStatusCode.Unauthorized;
        }

        var seesOrganisations = caller.Role is not ("programme-officer" or "city-official" or "applicant");
        var seesConsignments = caller.Role is "trader" or "customs-officer" or "risk-analyst" or "administrator";
        var readsKazakhRisk = caller == DemoPerson.OfficerKz || caller == DemoPerson.AnalystKz || caller == DemoPerson.Administrator;
        return request switch
        {
            "me" => HttpStatusCode.OK,
            "organisations" => seesOrganisations ? HttpStatusCode.OK : HttpStatusCode.Forbidden,
            // Kazakhstan's trader: seen platform-wide, by Kazakhstan's customs, and by the trader itself.
            "organisation" => caller == DemoPerson.Administrator || caller == DemoPerson.Secretariat || caller == DemoPerson.OfficerKz
                              || caller == DemoPerson.AnalystKz || caller == DemoPerson.TraderKz
                ? HttpStatusCode.OK
                : HttpStatusCode.Forbidden,
            "create-organisation" => caller == DemoPerson.Administrator ? HttpStatusCode.Created : HttpStatusCode.Forbidden,
            "lodge" => caller.Role == "trader" ? HttpStatusCode.Created : HttpStatusCode.Forbidden,
            "consignments" => seesConsignments ? HttpStatusCode.OK : HttpStatusCode.Forbidden,
            // Lodged by Kazakhstan's trader, routed China → Kazakhstan → Uzbekistan.
            "consignment" => seesConsignments && caller != DemoPerson.TraderCn ? HttpStatusCode.OK : HttpStatusCode.Forbidden,
            "queue" => caller == DemoPerson.Administrator || caller == DemoPerson.OfficerKz || caller == DemoPerson.AnalystKz ? HttpStatusCode.OK : HttpStatusCode.Forbidden,
            "decide" => caller == DemoPerson.OfficerKz ? HttpStatusCode.Conflict : HttpStatusCode.Forbidden,
            // An event in Kazakhstan: reported by Kazakhstan's customs or by the consignment's own trader.
            "event" => caller == DemoPerson.OfficerKz || caller == DemoPerson.TraderKz ? HttpStatusCode.Created : HttpStatusCode.Forbidden,
            "timeline" or "versions" => seesConsignments && caller != DemoPerson.TraderCn ? HttpStatusCode.OK : HttpStatusCode.Forbidden,
            "cancel" => caller == DemoPerson.TraderKz ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden,
            "amend" => caller == DemoPerson.TraderKz ? HttpStatusCode.PreconditionRequired : HttpStatusCode.Forbidden,
            // The reasons for a channel: Kazakhstan's officers and analysts, and administrators; never the trader.
            "assessments" => readsKazakhRisk ? HttpStatusCode.OK : HttpStatusCode.Forbidden,
            _ when RiskReads.Contains(request) => readsKazakhRisk ? HttpStatusCode.OK : HttpStatusCode.Forbidden,
            "risk-profile" => readsKazakhRisk ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden,
            "arrangements" => readsKazakhRisk || caller == DemoPerson.OfficerCn ? HttpStatusCode.OK : HttpStatusCode.Forbidden,
            _ when RiskWrites.Contains(request) => caller == DemoPerson.AnalystKz ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden,
            _ when RiskMissing.Contains(request) => caller == DemoPerson.AnalystKz ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden,
            "feed" => caller.Role is "trader" or "customs-officer" or "administrator" ? HttpStatusCode.OK : HttpStatusCode.Forbidden,
            "messaging-status" => caller == DemoPerson.Administrator ? HttpStatusCode.OK : HttpStatusCode.Forbidden,
            "webhooks" or "notifications" or "read-notifications" => caller.Role == "trader" ? HttpStatusCode.OK : HttpStatusCode.Forbidden,
            "register-webhook" => caller.Role == "trader" ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden,
            _ when WebhookMissing.Contains(request) => caller.Role == "trader" ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden,
            // Any signed-in person lists the applications and certificates of their scope (often none).
            _ when OriginReads.Contains(request) => HttpStatusCode.OK,
            _ when OriginMissing.Contains(request) => HttpStatusCode.NotFound,
            "tariff-import" => caller == DemoPerson.Administrator ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden,
            "apply" => caller.Role == "trader" ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden,
            "resubmit" => caller.Role == "trader" ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden,
            "review" => caller == DemoPerson.IssuerKz ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden,
            "certificate-status" => caller == DemoPerson.IssuerKz ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden,
            _ when OriginAdministration.Contains(request) => caller == DemoPerson.Administrator ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden,
            // An issuer rotates only its own keys; an administrator any (here: none by that id).
            "rotate-key" => caller == DemoPerson.Administrator ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden,
            // Only the trader that lodged the consignment attaches certificates to it.
            "attach-certificate" => caller == DemoPerson.TraderKz ? HttpStatusCode.BadRequest : caller == DemoPerson.TraderCn ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden,
            _ when ControlCertificates.Contains(request) => caller == DemoPerson.OfficerKz || caller == DemoPerson.Administrator ? HttpStatusCode.OK
                : caller == DemoPerson.OfficerCn ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden,
            // Kazakhstan's per-control release times: its officers and analysts, and administrators.
            "release-time-controls" => readsKazakhRisk ? HttpStatusCode.OK : HttpStatusCode.Forbidden,
            "set-release-time-target" => caller == DemoPerson.AnalystKz || caller == DemoPerson.Administrator ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden,
            _ => throw new ArgumentOutOfRangeException(nameof(request), request, "not in the matrix"),
        };
    }

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var request in Requests)
        {
            data.Add(request.Name, "anonymous");
            foreach (var person in DemoPerson.All)
            {
                data.Add(request.Name, person.Email);
            }

            foreach (var client in MachineClients)
            {
                data.Add(request.Name, "client:" + client);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_gets_exactly_what_its_grants_and_scope_allow(string request, string caller)
    {
        factory.SkipUnlessAvailable();
        var person = DemoPerson.All.SingleOrDefault(p => p.Email == caller);
        var machine = caller.StartsWith("client:", StringComparison.Ordinal) ? caller["client:".Length..] : null;
        var (_, method, _, url) = Requests.Single(r => r.Name == request);
        var client = machine is null ? await factory.ClientAsync(person) : await factory.MachineClientAsync(machine);
        var traderKz = await TraderKzIdAsync();
        var consignment = await factory.ConsignmentOfTraderKzAsync();
        var kzControl = await KazakhControlAsync(consignment);

        using var message = new HttpRequestMessage(method, new Uri(
            url.Replace("{trader-kz}", traderKz, StringComparison.Ordinal).Replace("{cn-kz-uz}", consignment, StringComparison.Ordinal).Replace("{kz-control}", kzControl, StringComparison.Ordinal),
            UriKind.Relative));
        if (request == "create-organisation")
        {
            message.Content = JsonContent.Create(new { kind = "City", name = $"Matrix city {Guid.NewGuid():N}", country = "KG" });
        }
        else if (request == "lodge")
        {
            message.Content = JsonContent.Create(Declarations.CottonYarnChinaKazakhstanUzbekistan());
        }
        else if (request == "decide")
        {
            message.Content = JsonContent.Create(new { decision = "release" });
        }
        else if (RiskWrites.Contains(request) || request is "register-webhook" or "set-release-time-target" or "apply" or "resubmit" or "review" or "certificate-status" or "verify" or "attach-certificate" || OriginAdministration.Contains(request))
        {
            message.Content = JsonContent.Create(new { });
        }
        else if (request == "tariff-import")
        {
            message.Content = new StringContent(string.Empty, System.Text.Encoding.UTF8, "text/csv");
        }
        else if (request == "tariff-calculation")
        {
            message.Content = JsonContent.Create(new { });
        }
        else if (request == "operator-status")
        {
            message.Content = JsonContent.Create(new { status = "suspended", reason = "matrix" });
        }
        else if (request == "end-arrangement")
        {
            message.Content = JsonContent.Create(new { until = "2030-01-01" });
        }
        else if (request == "publish-profile")
        {
            message.Content = JsonContent.Create(new { });
        }
        else if (request == "amend")
        {
            message.Content = JsonContent.Create(Declarations.CottonYarnChinaKazakhstanUzbekistan("Amended in the matrix"));
        }
        else if (request == "cancel")
        {
            message.Content = JsonContent.Create(new { reason = "" });
        }
        else if (request == "event")
        {
            var at = TimeProvider.System.GetUtcNow().AddSeconds(-Interlocked.Increment(ref _moment)).ToOffset(TimeSpan.FromHours(5));
            message.Content = JsonContent.Create(new { type = "arrived-at-crossing", country = "KZ", crossingId = "CN-KZ-01", occurredAt = at });
        }

        var response = await client.SendAsync(message, TestContext.Current.CancellationToken);

        Assert.Equal(machine is null ? Expected(request, person) : ExpectedForClient(request, machine), response.StatusCode);
        if (!response.IsSuccessStatusCode)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_trader_sees_only_its_own_organisation_and_an_officer_only_its_country()
    {
        factory.SkipUnlessAvailable();
        var trader = await ListAsync(DemoPerson.TraderKz);
        var officer = await ListAsync(DemoPerson.OfficerKz);
        var admin = await ListAsync(DemoPerson.Administrator);

        Assert.Equal([TraderKzName], trader.Select(o => o.GetProperty("name").GetString()));
        Assert.All(officer, o => Assert.Equal("KZ", o.GetProperty("country").GetString()));
        Assert.Contains(officer, o => o.GetProperty("name").GetString() == TraderKzName);
        Assert.True(admin.Count > officer.Count);
    }

    [Fact]
    public void Every_api_endpoint_is_in_the_matrix()
    {
        factory.SkipUnlessAvailable();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}"))
            .ToHashSet();
        var covered = Requests.Select(r => $"{r.Method.Method} {r.Route}").ToHashSet();

        Assert.Empty(endpoints.Except(covered));
    }

    private async Task<List<JsonElement>> ListAsync(DemoPerson person)
    {
        var client = await factory.ClientAsync(person);
        return (await client.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/v1/organisations", UriKind.Relative), TestContext.Current.CancellationToken))!;
    }

    private static long _moment;

    private async Task<string> KazakhControlAsync(string consignment)
    {
        var admin = await factory.ClientAsync(DemoPerson.Administrator);
        var view = await admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/consignments/{consignment}", UriKind.Relative), TestContext.Current.CancellationToken);
        return view.GetProperty("controls").EnumerateArray().Single(c => c.GetProperty("country").GetString() == "KZ").GetProperty("id").GetString()!;
    }

    private async Task<string> TraderKzIdAsync()
    {
        var all = await ListAsync(DemoPerson.Administrator);
        return all.Single(o => o.GetProperty("name").GetString() == TraderKzName).GetProperty("id").GetString()!;
    }
}

public sealed class AuthorizationMatrixOnSqlite(SqliteDemoWebFactory factory) : AuthorizationMatrixTests(factory), IClassFixture<SqliteDemoWebFactory>;

public sealed class AuthorizationMatrixOnPostgres(PostgresDemoWebFactory factory) : AuthorizationMatrixTests(factory), IClassFixture<PostgresDemoWebFactory>;
