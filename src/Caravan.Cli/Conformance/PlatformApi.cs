using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Caravan.Cli.Conformance;

/// <summary>One answer of the platform, kept whole so that the report can show what came back.</summary>
public sealed record ApiAnswer(HttpStatusCode Status, string? MediaType, string Body)
{
    private JsonElement? _json;

    public int Code => (int)Status;

    /// <summary>The body as JSON, or an undefined element when it is not JSON.</summary>
    public JsonElement Json
    {
        get
        {
            if (_json is null)
            {
                try
                {
                    _json = Body.Length == 0 ? default : JsonDocument.Parse(Body).RootElement;
                }
                catch (JsonException)
                {
                    _json = default(JsonElement);
                }
            }

            return _json.Value;
        }
    }

    public bool IsProblem => MediaType == "application/problem+json";

    /// <summary>A property of a JSON object body, or null.</summary>
    public JsonElement? Property(string name) =>
        Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty(name, out var value) ? value : null;

    /// <summary>The names under <c>errors</c> of a validation problem.</summary>
    public IReadOnlyList<string> ErrorFields =>
        Property("errors") is { ValueKind: JsonValueKind.Object } errors ? errors.EnumerateObject().Select(p => p.Name).ToList() : [];

    /// <summary>Status, media type and the start of the body, for one report line.</summary>
    public string Describe(int bodyChars = 240)
    {
        var body = string.Join(' ', Body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        body = body.Length > bodyChars ? body[..bodyChars] + "…" : body;
        return string.Create(CultureInfo.InvariantCulture, $"{Code} {MediaType ?? "(no content type)"}{(body.Length > 0 ? " " + body : string.Empty)}");
    }
}

/// <summary>
/// The platform as a national system reaches it: its base address, and a bearer token once one is obtained. Every
/// call returns the answer as it came, whatever the status, because the kit judges statuses itself.
/// </summary>
public sealed class PlatformApi(HttpClient http, Uri baseAddress)
{
    public Uri BaseAddress { get; } = baseAddress;

    public string? Token { get; set; }

    public Uri Resolve(string path) => new(BaseAddress, path.TrimStart('/'));

    public Task<ApiAnswer> GetAsync(string path, CancellationToken cancellationToken) => SendAsync(HttpMethod.Get, path, null, cancellationToken);

    public Task<ApiAnswer> PostJsonAsync(string path, object body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, path, JsonContent.Create(body, options: JsonSerializerOptions.Web), cancellationToken);

    public Task<ApiAnswer> DeleteAsync(string path, CancellationToken cancellationToken) => SendAsync(HttpMethod.Delete, path, null, cancellationToken);

    /// <summary>An OAuth 2.0 client-credentials request at /connect/token, authenticated by a secret or a signed assertion.</summary>
    public Task<ApiAnswer> RequestTokenAsync(string clientId, string? secret, string? assertion, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId };
        if (assertion is not null)
        {
            form["client_assertion_type"] = ClientAssertion.AssertionType;
            form["client_assertion"] = assertion;
        }
        else
        {
            form["client_secret"] = secret ?? string.Empty;
        }

        return SendAsync(HttpMethod.Post, "connect/token", new FormUrlEncodedContent(form), cancellationToken, anonymous: true);
    }

    public async Task<ApiAnswer> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken, bool anonymous = false)
    {
        using var request = new HttpRequestMessage(method, Resolve(path)) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (!anonymous && Token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return new ApiAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }
}
