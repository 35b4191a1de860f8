using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;

namespace Caravan.Cli.Conformance;

/// <summary>
/// The sequence a national system's integration must pass (docs/conformance.md), run against a live platform as that
/// system: token, feed, pre-arrival data, work queue and decisions, border events and the timeline, the feed again,
/// error handling and, optionally, a signed webhook. Each check reports what it expected and what came back; a check
/// that cannot run because an earlier one failed is reported as skipped, never as passed.
/// </summary>
public sealed class ConformanceRun(ConformanceSettings settings, HttpClient http, TimeProvider clock, ConformanceReport report)
{
    private static readonly string[] Titles =
    [
        "Token and scope",
        "The feed from position 0, page by page",
        "A test consignment through the country reaches the feed as control.created",
        "The work queue and decisions",
        "Border events and the timeline",
        "Decisions and events in the feed",
        "Error handling",
        "Webhooks (optional)",
    ];

    private readonly PlatformApi _api = new(http, BaseOf(settings.BaseUrl));
    private readonly string _country = settings.Country.Trim().ToUpperInvariant();
    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];
    private readonly List<JsonElement> _newEvents = [];
    private IReadOnlyList<string> _grants = [];
    private long? _cursor;
    private long _readTo;
    private TestConsignment.Route? _route;
    private string? _consignmentId;
    private string? _controlId;
    private string? _otherControlId;
    private DateTimeOffset _lodgedAt;

    /// <summary>The base address with a trailing slash: relative paths resolve under it, and it is the assertion's audience.</summary>
    private static Uri BaseOf(Uri given) => given.AbsoluteUri.EndsWith('/') ? given : new Uri(given.AbsoluteUri + "/");

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var numbered = Titles.Select((title, i) => (Number: i + 1, Title: title)).ToList();
        var steps = new Func<CancellationToken, Task<bool>>[] { TokenAsync, FeedAsync, ControlCreatedAsync, DecisionsAsync, BorderEventsAsync, FeedAgainAsync, ErrorsAsync, WebhooksAsync };
        for (var i = 0; i < steps.Length; i++)
        {
            await report.StepAsync(numbered[i].Number, numbered[i].Title);
            bool carryOn;
            try
            {
                carryOn = await steps[i](cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException or InvalidOperationException or KeyNotFoundException or FormatException
                                           || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                await report.CheckAsync($"{numbered[i].Number}.x", "the step ran to its end", false, "answers the kit can read", $"{ex.GetType().Name}: {ex.Message}");
                carryOn = i > 0;
            }

            if (!carryOn)
            {
                for (var rest = i + 1; rest < steps.Length; rest++)
                {
                    await report.StepAsync(numbered[rest].Number, numbered[rest].Title);
                    await report.SkipAsync(numbered[rest].Number.ToString(CultureInfo.InvariantCulture), "the whole step", $"step {numbered[i].Number} failed, and this step needs it");
                }

                break;
            }
        }

        return await report.FinishAsync();
    }

    // Step 1 ---------------------------------------------------------------------------------------------------------

    private async Task<bool> TokenAsync(CancellationToken ct)
    {
        var (token, described) = await ObtainTokenAsync(settings.ClientId, settings.Secret, settings.KeyPem, ct);
        var how = settings.KeyPem is null ? "the client secret" : "a private_key_jwt assertion signed with --key";
        if (!await report.CheckAsync("1.1", $"POST /connect/token (client credentials, {how}) gives an access token", token is not null,
                "200 with token_type Bearer and an access_token", described))
        {
            return false;
        }

        _api.Token = token;
        var me = await _api.GetAsync("api/v1/me", ct);
        _grants = me.Property("grants") is { ValueKind: JsonValueKind.Array } grants ? grants.EnumerateArray().Select(g => g.GetString() ?? string.Empty).ToList() : [];
        var kind = me.Property("kind")?.GetString();
        var covers = _grants.Any(g => g.EndsWith($"@country:{_country}", StringComparison.Ordinal));
        return await report.CheckAsync("1.2", $"GET /api/v1/me: the client acts for {_country}", me.Code == 200 && kind == "client" && covers,
            $"200, kind client, a grant for country:{_country} (e.g. national-system@country:{_country})",
            me.Code == 200 ? $"200, kind {kind}, grants {(_grants.Count == 0 ? "(none)" : string.Join(", ", _grants))}{(covers ? string.Empty : $": none covers {_country}, so the client cannot act for {_country} (check --country and --client)")}" : me.Describe());
    }

    /// <summary>A token for a client, or null with the platform's answer (OAuth error and description) to report.</summary>
    private async Task<(string? Token, string Described)> ObtainTokenAsync(string clientId, string? secret, string? keyPem, CancellationToken ct)
    {
        string? assertion = null;
        if (keyPem is not null)
        {
            try
            {
                assertion = ClientAssertion.Create(clientId, _api.BaseAddress, keyPem, clock.GetUtcNow());
            }
            catch (Exception ex) when (ex is ArgumentException or CryptographicException)
            {
                return (null, $"no assertion could be signed: {ex.Message} (a public key cannot sign; give the private key)");
            }
        }
        else if (secret is null)
        {
            return (null, "neither a secret nor a key was given for this client");
        }

        var answer = await _api.RequestTokenAsync(clientId, secret, assertion, ct);
        var token = answer.Property("access_token") is { ValueKind: JsonValueKind.String } t ? t.GetString() : null;
        var type = answer.Property("token_type")?.ToString();
        if (answer.Code == 200 && token is not null && string.Equals(type, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return (token, $"200, {type} token, expires_in {answer.Property("expires_in")?.ToString() ?? "?"} s");
        }

        var error = answer.Property("error")?.ToString();
        var why = error switch
        {
            "invalid_client" => keyPem is null
                ? $"the platform does not know client '{clientId}' or the secret is wrong"
                : $"the platform does not know client '{clientId}', or the assertion is not signed with its registered key, or its audience is not {_api.BaseAddress}",
            "unauthorized_client" => "the client is not allowed the client-credentials grant",
            null => "not an OAuth token answer",
            _ => "see error_description",
        };
        return (null, $"{answer.Describe()} — {why}");
    }

    // Step 2 ---------------------------------------------------------------------------------------------------------

    private async Task<bool> FeedAsync(CancellationToken ct)
    {
        var paged = new List<JsonElement>();
        long after = 0;
        var pages = 0;
        string? disorder = null;
        while (true)
        {
            var limit = pages < 20 ? settings.FeedPageSize : 1000;
            var answer = await _api.GetAsync(string.Create(CultureInfo.InvariantCulture, $"api/v1/feed?after={after}&limit={limit}"), ct);
            var events = answer.Property("events") is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray().ToList() : null;
            var next = answer.Property("next") is { ValueKind: JsonValueKind.Number } n ? n.GetInt64() : (long?)null;
            if (answer.Code != 200 || events is null || next is null)
            {
                await report.CheckAsync("2.1", string.Create(CultureInfo.InvariantCulture, $"GET /api/v1/feed?after={after}&limit={limit}"), false, "200 with events[] and next", answer.Describe());
                return true;
            }

            if (pages == 0)
            {
                await report.CheckAsync("2.1", string.Create(CultureInfo.InvariantCulture, $"GET /api/v1/feed?after=0&limit={limit} answers a page"), true, "200 with events[] and next",
                    string.Create(CultureInfo.InvariantCulture, $"200, {events.Count} events, next {next}"));
            }

            var previous = after;
            foreach (var e in events)
            {
                var position = e.GetProperty("position").GetInt64();
                if (position <= previous && disorder is null)
                {
                    disorder = string.Create(CultureInfo.InvariantCulture, $"position {position} came after {previous} (page after={after})");
                }

                previous = position;
            }

            var expectedNext = events.Count > 0 ? events[^1].GetProperty("position").GetInt64() : after;
            if (next != expectedNext && disorder is null)
            {
                disorder = string.Create(CultureInfo.InvariantCulture, $"the page after={after} says next {next}, its last position is {expectedNext}");
            }

            paged.AddRange(events);
            if (events.Count == 0)
            {
                break;
            }

            after = next.Value;
            pages++;
        }

        var positions = paged.Select(e => e.GetProperty("position").GetInt64()).ToList();
        var span = positions.Count == 0 ? "the feed is empty" : string.Create(CultureInfo.InvariantCulture, $"{positions.Count} events on {pages} pages, positions {positions[0]}…{positions[^1]}");
        await report.CheckAsync("2.2", "positions increase from page to page and next is the cursor of the following page", disorder is null,
            "each position greater than the one before; next = the last position of the page (or after, when empty)", disorder ?? span);

        var ids = paged.Select(e => e.TryGetProperty("id", out var id) ? id.GetString() : null).ToList();
        var badId = ids.FindIndex(id => !Guid.TryParse(id, out _));
        var missing = paged.FirstOrDefault(e => !(e.TryGetProperty("type", out var t) && t.GetString() is { Length: > 0 } && e.TryGetProperty("subjectId", out _) && e.TryGetProperty("occurredAt", out _)));
        var foreign = paged.FirstOrDefault(e => !e.GetProperty("countries").EnumerateArray().Any(c => c.GetString() == _country) && !_grants.Any(g => g.EndsWith("@platform", StringComparison.Ordinal)));
        var distinct = ids.Distinct().Count();
        var envelopeProblem = badId >= 0 ? string.Create(CultureInfo.InvariantCulture, $"position {positions[badId]} has id '{ids[badId]}', not a GUID")
            : missing.ValueKind != JsonValueKind.Undefined ? $"an event lacks type, subjectId or occurredAt: {Shorten(missing.ToString())}"
            : distinct != ids.Count ? string.Create(CultureInfo.InvariantCulture, $"{ids.Count - distinct} ids appear twice")
            : foreign.ValueKind != JsonValueKind.Undefined ? $"position {foreign.GetProperty("position")} does not concern {_country}: countries {foreign.GetProperty("countries")}"
            : null;
        await report.CheckAsync("2.3", $"every event carries an id, a type, a subject, a time and concerns {_country}", envelopeProblem is null,
            "a unique GUID id per event (process each id once); type, subjectId, occurredAt; countries include " + _country,
            envelopeProblem ?? string.Create(CultureInfo.InvariantCulture, $"{distinct} distinct ids in {ids.Count} events"));

        // Paging must not lose or repeat anything: one large page shows the same events over the same positions.
        var whole = await _api.GetAsync("api/v1/feed?after=0&limit=1000", ct);
        var once = whole.Property("events") is { ValueKind: JsonValueKind.Array } all ? all.EnumerateArray().ToList() : [];
        var upTo = Math.Min(positions.Count == 0 ? 0 : positions[^1], once.Count == 0 ? 0 : once[^1].GetProperty("position").GetInt64());
        var a = paged.Where(e => e.GetProperty("position").GetInt64() <= upTo).Select(e => e.GetProperty("id").GetString()).ToList();
        var b = once.Where(e => e.GetProperty("position").GetInt64() <= upTo).Select(e => e.GetProperty("id").GetString()).ToList();
        await report.CheckAsync("2.4", "paging with after= loses and repeats nothing", whole.Code == 200 && a.SequenceEqual(b),
            string.Create(CultureInfo.InvariantCulture, $"the pages hold the same events as one read with limit=1000, up to position {upTo}"),
            whole.Code != 200 ? whole.Describe() : string.Create(CultureInfo.InvariantCulture, $"{a.Count} events paged, {b.Count} in one read{(a.SequenceEqual(b) ? ", the same" : ", they differ")}"));

        _cursor = positions.Count == 0 ? 0 : positions[^1];
        _readTo = _cursor.Value;
        return true;
    }

    /// <summary>Reads the feed on from where the kit last stopped, appending what is new, until <paramref name="done"/> or the timeout.</summary>
    private async Task<(bool Done, TimeSpan Waited)> WaitInFeedAsync(Func<IReadOnlyList<JsonElement>, bool> done, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        while (true)
        {
            var answer = await _api.GetAsync(string.Create(CultureInfo.InvariantCulture, $"api/v1/feed?after={_readTo}&limit=1000"), ct);
            if (answer.Property("events") is { ValueKind: JsonValueKind.Array } events)
            {
                foreach (var e in events.EnumerateArray())
                {
                    var position = e.GetProperty("position").GetInt64();
                    if (position <= _readTo)
                    {
                        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"the feed after={_readTo} returned position {position}"));
                    }

                    _readTo = position;
                    _newEvents.Add(e.Clone());
                }
            }

            if (done(_newEvents))
            {
                return (true, clock.GetElapsedTime(started));
            }

            if (clock.GetElapsedTime(started) > settings.WaitLimit)
            {
                return (false, clock.GetElapsedTime(started));
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), clock, ct);
        }
    }

    private IEnumerable<JsonElement> NewAbout(string type) =>
        _newEvents.Where(e => e.GetProperty("subjectId").GetString() == _consignmentId && e.GetProperty("type").GetString() == type);

    // Step 3 ---------------------------------------------------------------------------------------------------------

    private async Task<bool> ControlCreatedAsync(CancellationToken ct)
    {
        _route = TestConsignment.RouteThrough(_country);
        if (_route is null)
        {
            await report.CheckAsync("3.1", "the country is one of the mechanism's", false, string.Join(", ", TestConsignment.Countries), _country);
            return true;
        }

        if (settings.TraderClientId is null)
        {
            await report.SkipAsync("3.1", "a test trader lodges a consignment", "no --trader-client: a conformance run needs a test trader client (e.g. demo-trader-kz) to lodge the consignment the national system then handles");
            return true;
        }

        var trader = new PlatformApi(http, _api.BaseAddress);
        var (token, described) = await ObtainTokenAsync(settings.TraderClientId, settings.TraderSecret, settings.TraderKeyPem, ct);
        if (!await report.CheckAsync("3.1", $"the test trader {settings.TraderClientId} gets a token", token is not null, "200 with a Bearer access_token", described))
        {
            return true;
        }

        trader.Token = token;
        var lodged = await trader.PostJsonAsync("api/v1/consignments", TestConsignment.Declaration(_route, _runId), ct);
        var controls = lodged.Property("controls") is { ValueKind: JsonValueKind.Array } list ? list.EnumerateArray().ToList() : [];
        var mine = controls.FirstOrDefault(c => c.GetProperty("country").GetString() == _country);
        var ok = lodged.Code == 201 && mine.ValueKind == JsonValueKind.Object;
        if (!await report.CheckAsync("3.2", $"POST /api/v1/consignments (as the trader): {string.Join(" → ", _route.Countries)}", ok,
                $"201 with a control for {_country}", ok ? $"201, consignment {lodged.Property("id")} ({lodged.Property("reference")}), control {mine.GetProperty("id")} for {_country}" : lodged.Describe()))
        {
            return true;
        }

        _consignmentId = lodged.Property("id")!.Value.GetString();
        _controlId = mine.GetProperty("id").GetString();
        _otherControlId = controls.First(c => c.GetProperty("country").GetString() != _country).GetProperty("id").GetString();
        _lodgedAt = lodged.Property("lodgedAt")!.Value.GetDateTimeOffset();
        if (_cursor is null)
        {
            await report.SkipAsync("3.3", "control.created in the feed", "the feed could not be read in step 2");
            return true;
        }

        bool Created(JsonElement e) => e.GetProperty("payload").TryGetProperty("country", out var c) && c.GetString() == _country;
        var (found, waited) = await WaitInFeedAsync(_ => NewAbout("control.created").Any(Created), ct);
        var created = NewAbout("control.created").FirstOrDefault(Created);
        var payload = found ? created.GetProperty("payload") : default;
        var right = found && payload.GetProperty("controlId").GetString() == _controlId && payload.TryGetProperty("declaration", out _);
        await report.CheckAsync("3.3", $"GET /api/v1/feed?after={_cursor} shows control.created for {_country} within {settings.WaitLimit.TotalSeconds:0} s", right,
            $"control.created, subjectId {_consignmentId}, payload.country {_country}, payload.controlId {_controlId}, the declaration",
            found
                ? $"position {created.GetProperty("position")} after {waited.TotalSeconds:0.0} s: controlId {payload.GetProperty("controlId")}, role {Text(payload, "role")}, channel {Text(payload, "channel")}, entry {Text(payload, "entryCrossingId")}, exit {Text(payload, "exitCrossingId")}"
                : string.Create(CultureInfo.InvariantCulture, $"not there after {waited.TotalSeconds:0.0} s ({_newEvents.Count} new events read, {_newEvents.Count(e => e.GetProperty("subjectId").GetString() == _consignmentId)} about the consignment)"));
        return true;
    }

    // Step 4 ---------------------------------------------------------------------------------------------------------

    private async Task<bool> DecisionsAsync(CancellationToken ct)
    {
        if (_controlId is null)
        {
            await report.SkipAsync("4", "the whole step", "needs the test consignment of step 3");
            return true;
        }

        JsonElement queued = default;
        var pages = 0;
        ApiAnswer? last = null;
        for (var page = 1; page <= 100 && queued.ValueKind == JsonValueKind.Undefined; page++)
        {
            last = await _api.GetAsync(string.Create(CultureInfo.InvariantCulture, $"api/v1/customs/{_country}/controls?state=pre-arrival&page={page}&pageSize=100"), ct);
            if (last.Code != 200 || last.Json.ValueKind != JsonValueKind.Array || last.Json.GetArrayLength() == 0)
            {
                break;
            }

            pages = page;
            queued = last.Json.EnumerateArray().FirstOrDefault(c => c.GetProperty("controlId").GetString() == _controlId);
        }

        var allowed = queued.ValueKind == JsonValueKind.Object ? Strings(queued.GetProperty("allowedDecisions")) : [];
        await report.CheckAsync("4.1", $"GET /api/v1/customs/{_country}/controls?state=pre-arrival lists the control", queued.ValueKind == JsonValueKind.Object && allowed.Contains("accept"),
            $"200; control {_controlId} in state pre-arrival, allowedDecisions including accept",
            queued.ValueKind == JsonValueKind.Object
                ? string.Create(CultureInfo.InvariantCulture, $"on page {pages}: state {Text(queued, "state")}, channel {Text(queued, "channel")}, allowedDecisions {string.Join(", ", allowed)}")
                : $"not found on {pages} page(s); last answer {last?.Describe() ?? "none"}");

        var decisions = $"api/v1/controls/{_controlId}/decisions";
        var illegal = await _api.PostJsonAsync(decisions, new { decision = "release" }, ct);
        var offered = illegal.Property("allowedDecisions") is { ValueKind: JsonValueKind.Array } offer ? Strings(offer) : [];
        await report.CheckAsync("4.2", "release before accept is refused as illegal in this state", illegal.Code == 409 && illegal.IsProblem && offered.Contains("accept") && !offered.Contains("release"),
            "409 application/problem+json with state pre-arrival and allowedDecisions (accept, refuse)", illegal.Describe());

        var reasonless = await _api.PostJsonAsync(decisions, new { decision = "refuse" }, ct);
        await report.CheckAsync("4.3", "refuse without a reasonCode is refused, naming the field", reasonless.Code == 400 && reasonless.IsProblem && reasonless.ErrorFields.Contains("reasonCode"),
            "400 application/problem+json with errors.reasonCode", reasonless.Describe());

        var accept = await _api.PostJsonAsync(decisions, new { decision = "accept" }, ct);
        await report.CheckAsync("4.4", "accept", accept.Code == 200 && accept.Property("state")?.GetString() == "under-assessment",
            "200, state under-assessment", accept.Describe());
        var release = await _api.PostJsonAsync(decisions, new { decision = "release" }, ct);
        await report.CheckAsync("4.5", "release", release.Code == 200 && release.Property("state")?.GetString() == "released",
            "200, state released", release.Describe());
        return true;
    }

    // Step 5 ---------------------------------------------------------------------------------------------------------

    private async Task<bool> BorderEventsAsync(CancellationToken ct)
    {
        if (_consignmentId is null || _route is null)
        {
            await report.SkipAsync("5", "the whole step", "needs the test consignment of step 3");
            return true;
        }

        var crossing = _route.CrossingOf(_country);
        var country = await _api.GetAsync($"api/v1/countries/{_country}", ct);
        var zoneId = country.Property("timeZone")?.GetString();
        var zone = zoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var z) ? z : null;
        // Sent in the country's local time with its offset, as a national system records them; reported out of order.
        DateTimeOffset Local(DateTimeOffset at) => zone is null ? at : TimeZoneInfo.ConvertTime(at, zone);
        var arrived = Local(_lodgedAt.AddSeconds(10));
        var released = Local(_lodgedAt.AddSeconds(20));
        var events = $"api/v1/consignments/{_consignmentId}/events";

        var first = await _api.PostJsonAsync(events, new { type = "released", country = _country, crossingId = crossing, occurredAt = released }, ct);
        await report.CheckAsync("5.1", $"POST …/events: released at {crossing}, occurredAt {Iso(released)} (sent before the arrival)", first.Code == 201,
            "201", first.Describe());
        var second = await _api.PostJsonAsync(events, new { type = "arrived-at-crossing", country = _country, crossingId = crossing, occurredAt = arrived }, ct);
        await report.CheckAsync("5.2", $"POST …/events: arrived-at-crossing at {crossing}, occurredAt {Iso(arrived)}", second.Code == 201,
            "201", second.Describe());
        var again = await _api.PostJsonAsync(events, new { type = "arrived-at-crossing", country = _country, crossingId = crossing, occurredAt = arrived }, ct);
        await report.CheckAsync("5.3", "the same arrival sent again is accepted as a duplicate", again.Code is 200 or 201,
            "200 (already recorded; stored once, checked in 5.4)", again.Describe());

        var timeline = await _api.GetAsync($"api/v1/consignments/{_consignmentId}/timeline", ct);
        var entries = timeline.Json.ValueKind == JsonValueKind.Array ? timeline.Json.EnumerateArray().ToList() : [];
        var ours = entries.Where(e => Text(e, "kind") == "event" && Text(e, "country") == _country).ToList();
        var times = entries.Select(e => e.GetProperty("at").GetDateTimeOffset()).ToList();
        var inOrder = times.SequenceEqual(times.Order());
        var told = ours.Select(e => Text(e, "what")).ToList();
        await report.CheckAsync("5.4", "GET …/timeline: each event once, in the order it happened", timeline.Code == 200 && inOrder && told.SequenceEqual(["arrived-at-crossing", "released"]),
            $"200; entries ordered by at; {_country} events: arrived-at-crossing, released (once each)",
            timeline.Code != 200 ? timeline.Describe() : $"{entries.Count} entries{(inOrder ? " in order" : " NOT in order")}; {_country} events: {string.Join(", ", told)}");

        var wrong = ours.Select(e => (Entry: e, Expected: LocalText(e.GetProperty("at").GetDateTimeOffset(), zone))).FirstOrDefault(x => !LocalTimeFits(Text(x.Entry, "localTime"), x.Entry.GetProperty("at").GetDateTimeOffset(), x.Expected));
        await report.CheckAsync("5.5", $"the timeline gives {_country}'s events in {_country}'s local time", timeline.Code == 200 && ours.Count > 0 && wrong.Entry.ValueKind == JsonValueKind.Undefined,
            zone is null ? "localTime = at in the offset it names (yyyy-MM-dd HH:mm UTC±hh:mm)" : $"localTime = at in {zoneId} (yyyy-MM-dd HH:mm UTC±hh:mm)",
            wrong.Entry.ValueKind != JsonValueKind.Undefined ? $"{Text(wrong.Entry, "what")} at {Text(wrong.Entry, "at")} has localTime {Text(wrong.Entry, "localTime")}, expected {wrong.Expected ?? "a consistent offset"}"
                : string.Join("; ", ours.Select(e => $"{Text(e, "what")} {Text(e, "localTime")}")));
        return true;
    }

    private static string? LocalText(DateTimeOffset at, TimeZoneInfo? zone) =>
        zone is null ? null : TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm 'UTC'zzz", CultureInfo.InvariantCulture);

    /// <summary>localTime is the instant in the expected zone, or, without a zone to compare with, in the offset it names.</summary>
    private static bool LocalTimeFits(string? localTime, DateTimeOffset at, string? expected)
    {
        if (expected is not null)
        {
            return localTime == expected;
        }

        return localTime is not null && DateTimeOffset.TryParseExact(localTime.Replace("UTC", string.Empty, StringComparison.Ordinal), "yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            && (at - parsed).Duration() < TimeSpan.FromMinutes(1);
    }

    // Step 6 ---------------------------------------------------------------------------------------------------------

    private async Task<bool> FeedAgainAsync(CancellationToken ct)
    {
        if (_consignmentId is null || _cursor is null)
        {
            await report.SkipAsync("6", "the whole step", _cursor is null ? "the feed could not be read in step 2" : "needs the test consignment of step 3");
            return true;
        }

        IEnumerable<JsonElement> Decided() => NewAbout("control.decision-recorded").Where(e => Text(e.GetProperty("payload"), "controlId") == _controlId);
        IEnumerable<JsonElement> Reported() => NewAbout("consignment.event-recorded").Where(e => Text(e.GetProperty("payload"), "country") == _country);
        var (found, waited) = await WaitInFeedAsync(_ => Decided().Count() >= 2 && Reported().Count() >= 2, ct);

        var decided = Decided().Select(e => e.GetProperty("payload")).Select(p => $"{Text(p, "decision")} ({Text(p, "fromState")} → {Text(p, "toState")})").ToList();
        await report.CheckAsync("6.1", "the decisions appear as control.decision-recorded, in the order taken", decided.SequenceEqual(["accept (pre-arrival → under-assessment)", "release (under-assessment → released)"]),
            "accept (pre-arrival → under-assessment), then release (under-assessment → released)",
            string.Create(CultureInfo.InvariantCulture, $"{(decided.Count == 0 ? "none" : string.Join(", ", decided))} (waited {waited.TotalSeconds:0.0} s)"));

        var reported = Reported().Select(e => Text(e.GetProperty("payload"), "type")).ToList();
        await report.CheckAsync("6.2", "the border events appear as consignment.event-recorded, the duplicate once", reported.Order(StringComparer.Ordinal).SequenceEqual(["arrived-at-crossing", "released"]),
            "two events: released and arrived-at-crossing (in the order received), not the duplicate",
            found || reported.Count > 0 ? string.Join(", ", reported) : string.Create(CultureInfo.InvariantCulture, $"none within {waited.TotalSeconds:0.0} s"));

        var ids = _newEvents.Select(e => e.GetProperty("id").GetString()).ToList();
        await report.CheckAsync("6.3", "the feed goes on from the cursor: new positions, new ids", ids.Distinct().Count() == ids.Count && _newEvents.All(e => e.GetProperty("position").GetInt64() > _cursor),
            $"positions after {_cursor}, each id once",
            string.Create(CultureInfo.InvariantCulture, $"{_newEvents.Count} new events, positions {(_newEvents.Count == 0 ? "-" : $"{_newEvents[0].GetProperty("position")}…{_newEvents[^1].GetProperty("position")}")}, {ids.Distinct().Count()} distinct ids"));
        return true;
    }

    // Step 7 ---------------------------------------------------------------------------------------------------------

    private async Task<bool> ErrorsAsync(CancellationToken ct)
    {
        if (_consignmentId is not null && _route is not null)
        {
            var missing = await _api.PostJsonAsync($"api/v1/consignments/{_consignmentId}/events", new { type = "check-started", country = _country, crossingId = _route.CrossingOf(_country) }, ct);
            await report.CheckAsync("7.1", "a border event without occurredAt is a problem naming the field", missing.Code == 400 && missing.IsProblem && missing.ErrorFields.Contains("occurredAt"),
                "400 application/problem+json (RFC 9457) with errors.occurredAt", missing.Describe());
        }
        else
        {
            await report.SkipAsync("7.1", "a border event without occurredAt is a problem naming the field", "needs the test consignment of step 3");
        }

        var notAnId = await _api.PostJsonAsync("api/v1/controls/not-a-control/decisions", new { decision = "accept" }, ct);
        await report.CheckAsync("7.2", "a decision on a malformed control id is a problem naming the field", notAnId.Code == 400 && notAnId.IsProblem && notAnId.ErrorFields.Contains("id"),
            "400 application/problem+json with errors.id", notAnId.Describe());

        var other = TestConsignment.Countries.FirstOrDefault(c => c != _country && !_grants.Any(g => g.EndsWith($"@country:{c}", StringComparison.Ordinal) || g.EndsWith("@platform", StringComparison.Ordinal)));
        if (other is null)
        {
            await report.SkipAsync("7.3", "another country's work queue is forbidden", "the client's grants cover every country");
        }
        else
        {
            var foreign = await _api.GetAsync($"api/v1/customs/{other}/controls", ct);
            await report.CheckAsync("7.3", $"GET /api/v1/customs/{other}/controls (outside the client's scope) is forbidden", foreign.Code == 403 && foreign.IsProblem,
                "403 application/problem+json", foreign.Describe());
        }

        if (_otherControlId is not null)
        {
            var decide = await _api.PostJsonAsync($"api/v1/controls/{_otherControlId}/decisions", new { decision = "accept" }, ct);
            await report.CheckAsync("7.4", "a decision on another country's control of the test consignment is forbidden", decide.Code == 403 && decide.IsProblem,
                "403 application/problem+json", decide.Describe());
        }
        else
        {
            await report.SkipAsync("7.4", "a decision on another country's control is forbidden", "needs the test consignment of step 3");
        }

        return true;
    }

    // Step 8 ---------------------------------------------------------------------------------------------------------

    private async Task<bool> WebhooksAsync(CancellationToken ct)
    {
        if (settings.WebhookListen is null)
        {
            await report.SkipAsync("8", "webhooks", "optional: give --webhook-listen http://host:port/ (an address the platform can reach) to test them");
            return true;
        }

        if (_consignmentId is null || _route is null)
        {
            await report.SkipAsync("8", "webhooks", "needs the test consignment of step 3 to cause an event");
            return true;
        }

        WebhookListener listener;
        try
        {
            listener = await WebhookListener.StartAsync(settings.WebhookListen, ct);
        }
        catch (IOException ex)
        {
            await report.CheckAsync("8.1", $"listen on {settings.WebhookListen}", false, "a free local address", ex.Message);
            return true;
        }

        await using (listener)
        {
            var path = $"caravan-conformance/{_runId}";
            var url = new Uri(settings.WebhookUrl ?? listener.Address, path);
            var registered = await _api.PostJsonAsync("api/v1/webhooks", new { url = url.ToString(), eventTypes = new[] { "consignment.event-recorded" } }, ct);
            var id = registered.Property("id")?.GetString();
            var secret = registered.Property("secret")?.GetString();
            if (!await report.CheckAsync("8.1", $"POST /api/v1/webhooks for {url}", registered.Code == 201 && id is not null && secret is not null,
                    "201 with the webhook's id and its signing secret (shown once)", registered.Code == 201 ? $"201, webhook {id}, a secret of {secret?.Length ?? 0} characters" : registered.Describe()))
            {
                return true;
            }

            try
            {
                var at = _lodgedAt.AddSeconds(15);
                var cause = await _api.PostJsonAsync($"api/v1/consignments/{_consignmentId}/events", new { type = "check-started", country = _country, crossingId = _route.CrossingOf(_country), occurredAt = at }, ct);
                var started = clock.GetTimestamp();
                ReceivedDelivery? delivery = null;
                while (delivery is null && clock.GetElapsedTime(started) < settings.WaitLimit)
                {
                    delivery = listener.Received.FirstOrDefault(d => d.Path.EndsWith(path, StringComparison.Ordinal) && d.Body.Contains(_consignmentId, StringComparison.Ordinal));
                    if (delivery is null)
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(200), clock, ct);
                    }
                }

                if (!await report.CheckAsync("8.2", "an event (a new check-started) is delivered to the listener", cause.Code == 201 && delivery is not null,
                        "a POST with the event envelope, Caravan-Event-Id, Caravan-Event-Type and Caravan-Signature",
                        delivery is null ? $"the event answered {cause.Describe()}; nothing arrived within {settings.WaitLimit.TotalSeconds:0} s ({listener.Received.Count} other deliveries)" : $"{delivery.EventType} {delivery.EventId}, {delivery.Body.Length} bytes"))
                {
                    return true;
                }

                var body = JsonDocument.Parse(delivery!.Body).RootElement;
                var why = WebhookListener.VerifySignature(secret!, delivery.Signature, delivery.Body, clock.GetUtcNow());
                var forged = WebhookListener.VerifySignature(secret! + "x", delivery.Signature, delivery.Body, clock.GetUtcNow());
                var consistent = Text(body, "id") == delivery.EventId && Text(body, "type") == delivery.EventType && delivery.EventType == "consignment.event-recorded";
                await report.CheckAsync("8.3", "the signature verifies as docs/api/webhooks.md says, and the headers match the body", why is null && forged is not null && consistent,
                    "v1 = HMAC-SHA256(secret, t.body) in hex, t within five minutes; another secret does not verify; Caravan-Event-Id = body id",
                    why ?? (forged is null ? "a wrong secret verified too" : consistent ? $"valid ({Shorten(delivery.Signature ?? string.Empty)})" : $"headers {delivery.EventId}/{delivery.EventType}, body {Text(body, "id")}/{Text(body, "type")}"));
            }
            finally
            {
                var removed = await _api.DeleteAsync($"api/v1/webhooks/{id}", ct);
                var list = await _api.GetAsync("api/v1/webhooks", ct);
                var still = list.Json.ValueKind == JsonValueKind.Array && list.Json.EnumerateArray().Any(w => Text(w, "id") == id && w.GetProperty("active").GetBoolean());
                await report.CheckAsync("8.4", "DELETE /api/v1/webhooks/{id} stops it", removed.Code == 204 && !still,
                    "204, and the webhook listed as inactive", $"{removed.Describe()}; {(still ? "still active" : "inactive")} in GET /api/v1/webhooks");
            }
        }

        return true;
    }

    // Helpers --------------------------------------------------------------------------------------------------------

    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToList();

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.ToString() : null;

    private static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length > 160 ? text[..160] + "…" : text;
}
