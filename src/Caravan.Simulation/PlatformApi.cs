using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Caravan.Simulation;

/// <summary>
/// The simulator as the platform's machine clients see it: the demo trader's system and the six national customs
/// systems, each with its own client-credentials token, renewed when it expires on the simulated clock.
/// </summary>
internal sealed class PlatformApi(HttpClient http, TimeProvider clock)
{
    public const string Trader = "demo-trader-kz";

    private readonly Dictionary<string, (string Token, DateTimeOffset RenewAt)> _tokens = new(StringComparer.Ordinal);
    private readonly List<string> _failures = [];

    public int Calls { get; private set; }

    public int Failed { get; private set; }

    public int TokensIssued { get; private set; }

    /// <summary>The first failed calls, each with its answer, for the operator.</summary>
    public IReadOnlyList<string> Failures => _failures;

    public static string Customs(string country) => "demo-customs-" + country.ToLowerInvariant();

    /// <summary>Sends a call as <paramref name="clientId"/>; the answer's JSON on success, null (counted and kept) otherwise.</summary>
    public async Task<JsonElement?> SendAsync(string clientId, HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(clientId, cancellationToken));
        using var response = await http.SendAsync(request, cancellationToken);
        Calls++;
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            Failed++;
            if (_failures.Count < 20)
            {
                _failures.Add(string.Create(CultureInfo.InvariantCulture, $"{method} {path} as {clientId}: {(int)response.StatusCode} {text}"));
            }

            return null;
        }

        return text.Length == 0 ? default(JsonElement) : JsonSerializer.Deserialize<JsonElement>(text);
    }

    public Task<JsonElement?> GetAsync(string clientId, string path, CancellationToken cancellationToken) =>
        SendAsync(clientId, HttpMethod.Get, path, null, cancellationToken);

    public Task<JsonElement?> PostAsync(string clientId, string path, object body, CancellationToken cancellationToken) =>
        SendAsync(clientId, HttpMethod.Post, path, body, cancellationToken);

    private async Task<string> TokenAsync(string clientId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_tokens.TryGetValue(clientId, out var held) && now < held.RenewAt)
        {
            return held.Token;
        }

        // The demo clients' development secrets (README, "Demo"): demo-customs-kz → demo-secret-customs-kz.
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = "demo-secret-" + clientId["demo-".Length..],
        });
        using var response = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), content, cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        if (!response.IsSuccessStatusCode || !body.TryGetProperty("access_token", out var token))
        {
            throw new InvalidOperationException(
                $"the demo client {clientId} got no token ({(int)response.StatusCode} {body}). The simulator needs the demo organisations: use a fresh database or one created with --demo (a database with real accounts gets no demo data).");
        }

        TokensIssued++;
        var lifetime = body.TryGetProperty("expires_in", out var seconds) ? seconds.GetInt32() : 600;
        // Renew a minute early, so that no call is made with a token that expires on the way.
        _tokens[clientId] = (token.GetString()!, now.AddSeconds(Math.Max(1, lifetime - 60)));
        return token.GetString()!;
    }
}
