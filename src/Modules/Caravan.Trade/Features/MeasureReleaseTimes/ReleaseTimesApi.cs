using System.Globalization;
using System.Text;
using Caravan.Platform.Http;
using Caravan.Platform.Security;
using Caravan.Reference.Contracts;
using Caravan.Trade.Contracts;
using Caravan.Trade.Data;
using Caravan.Trade.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Caravan.Trade.Features.MeasureReleaseTimes;

/// <summary>
/// Release times (issue 9, docs/release-times.md): aggregates are public, as JSON or CSV; per-control detail is for the
/// administration of the country; targets are read by anyone and set by the country's risk analysts or administrators.
/// </summary>
internal static class ReleaseTimesApi
{
    private const string Tag = "Release times";

    /// <summary>The longest period one request covers.</summary>
    public const int MaxDays = 366;

    public const int MaxControls = 1000;

    public static readonly IReadOnlyList<string> Channels = ["green", "yellow", "red"];

    private static readonly string[] Directions = ["export", "transit", "import"];

    public static void MapReleaseTimesApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/analytics/release-times", Report)
            .WithTags(Tag).WithName("GetReleaseTimes").CompressPublicResponse()
            .WithSummary("Release-time aggregates (count, median, 90th/95th percentiles, mean, share within target) grouped by crossing, country, direction, mode, channel, aeo, day, week or month, and the bottleneck stage per crossing. Public.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/analytics/release-times.csv", Csv)
            .WithTags(Tag).WithName("GetReleaseTimesCsv").CompressPublicResponse()
            .WithSummary("The release-time aggregates as CSV, with the same filters. Public.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/analytics/release-times/distribution", Distribution)
            .WithTags(Tag).WithName("GetReleaseTimeDistribution").CompressPublicResponse()
            .WithSummary("Arrival-to-release times per channel in bins, with each channel's quartiles and 90th percentile, for the same filters (groupBy is not used). Public.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/analytics/release-times/controls", Controls)
            .WithTags(Tag).WithName("ListControlReleaseTimes")
            .WithSummary("Each control's stage instants and durations, for the customs administration of the country (the country filter is required).")
            .RequirePermission(TradePermissions.View)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/analytics/release-times/targets", Targets)
            .WithTags(Tag).WithName("ListReleaseTimeTargets").CompressPublicResponse()
            .WithSummary("The release-time targets the administrations set, per country and channel. Public.");
        api.MapPut("/analytics/release-times/targets/{country}/{channel}", SetTarget)
            .WithTags(Tag).WithName("SetReleaseTimeTarget")
            .WithSummary("Sets a country's target for a channel (minutes from arrival to release). The country's risk analysts and administrators.")
            .RequirePermission(TradePermissions.SetReleaseTargets)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<Results<Ok<ReleaseTimeReport>, ValidationProblem>> Report(
        string? crossing, string? country, string? direction, string? mode, string? channel, string? aeo, string? from, string? to, string? groupBy,
        ReleaseTimeAnalytics analytics, IBorderCrossingDirectory crossings, ICountryDirectory countries, TimeProvider clock, CancellationToken ct)
    {
        var (filter, errors) = await ParseAsync(crossing, country, direction, mode, channel, aeo, from, to, groupBy, crossings, countries, clock, ct);
        return filter is null ? Problems.Invalid(errors) : TypedResults.Ok(await analytics.ReportAsync(filter, ct));
    }

    private static async Task<Results<Ok<ReleaseTimeDistribution>, ValidationProblem>> Distribution(
        string? crossing, string? country, string? direction, string? mode, string? channel, string? aeo, string? from, string? to,
        ReleaseTimeAnalytics analytics, IBorderCrossingDirectory crossings, ICountryDirectory countries, TimeProvider clock, CancellationToken ct)
    {
        var (filter, errors) = await ParseAsync(crossing, country, direction, mode, channel, aeo, from, to, null, crossings, countries, clock, ct);
        return filter is null ? Problems.Invalid(errors) : TypedResults.Ok(await analytics.DistributionAsync(filter, ct));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> Csv(
        string? crossing, string? country, string? direction, string? mode, string? channel, string? aeo, string? from, string? to, string? groupBy,
        ReleaseTimeAnalytics analytics, IBorderCrossingDirectory crossings, ICountryDirectory countries, TimeProvider clock, CancellationToken ct)
    {
        var (filter, errors) = await ParseAsync(crossing, country, direction, mode, channel, aeo, from, to, groupBy, crossings, countries, clock, ct);
        if (filter is null)
        {
            return Problems.Invalid(errors);
        }

        var report = await analytics.ReportAsync(filter, ct);
        var name = string.Create(CultureInfo.InvariantCulture, $"release-times-{filter.GroupBy}-{filter.From:yyyy-MM-dd}-{filter.To:yyyy-MM-dd}.csv");
        return TypedResults.File(Encoding.UTF8.GetBytes(ToCsv(report)), "text/csv; charset=utf-8", name);
    }

    /// <summary>One line per group; durations in seconds, empty when there is nothing to measure.</summary>
    public static string ToCsv(ReleaseTimeReport report)
    {
        static string N(double? v) => v?.ToString("0.###", CultureInfo.InvariantCulture) ?? string.Empty;
        var csv = new StringBuilder();
        csv.Append(report.GroupBy).Append(",controls,released,refused,measured,median_s,p90_s,p95_s,mean_s,with_target,within_target_share");
        foreach (var stage in ReleaseTimeAnalytics.Stages)
        {
            csv.Append(',').Append(stage.Replace('-', '_')).Append("_median_s");
        }

        csv.Append("\r\n");
        foreach (var g in report.Groups)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{Escape(g.Key)},{g.Controls},{g.Released},{g.Refused},{g.Total.Count},{N(g.Total.MedianSeconds)},{N(g.Total.P90Seconds)},{N(g.Total.P95Seconds)},{N(g.Total.MeanSeconds)},{g.WithTarget},{N(g.WithinTargetShare)}");
            foreach (var stage in g.Stages)
            {
                csv.Append(',').Append(N(stage.MedianSeconds));
            }

            csv.Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Escape(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 || value.StartsWith('=') ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;

    private static async Task<Results<Ok<List<ControlReleaseTimeView>>, ValidationProblem, ProblemHttpResult>> Controls(
        string? crossing, string? country, string? direction, string? mode, string? channel, string? aeo, string? from, string? to,
        Caller caller, ReleaseTimeAnalytics analytics, IBorderCrossingDirectory crossings, ICountryDirectory countries, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(country))
        {
            return Problems.Invalid("country", "is required: per-control detail is given one administration at a time.");
        }

        var (filter, errors) = await ParseAsync(crossing, country, direction, mode, channel, aeo, from, to, null, crossings, countries, clock, ct);
        if (filter is null)
        {
            return Problems.Invalid(errors);
        }

        if (!ReleaseTimeAnalytics.MaySeeControls(caller, filter.Country!))
        {
            return Problems.Forbidden($"Per-control release times are for the customs administration of {filter.Country}; the aggregates are public.");
        }

        return TypedResults.Ok(await analytics.ControlsAsync(filter, MaxControls, ct));
    }

    private static async Task<Ok<List<ReleaseTimeTargetView>>> Targets(TradeDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.ReleaseTargets.AsNoTracking().ToListAsync(ct))
            .OrderBy(t => t.Country, StringComparer.Ordinal).ThenBy(t => Channels.ToList().IndexOf(t.Channel))
            .Select(t => new ReleaseTimeTargetView(t.Country, t.Channel, t.Minutes, t.SetAt)).ToList());

    private static async Task<Results<Ok<ReleaseTimeTargetView>, ValidationProblem, ProblemHttpResult>> SetTarget(
        string country, string channel, ReleaseTimeTargetRequest? request, Caller caller, TradeDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var code = ReferenceCodes.ParseCountryCode(country);
        if (!code.IsValid)
        {
            return Problems.Invalid("country", code.Error!);
        }

        if (!caller.Has(TradePermissions.SetReleaseTargets, Scope.Country(code.Value!)))
        {
            return Problems.Forbidden($"Release-time targets of {code.Value} are set by its risk analysts and administrators.");
        }

        var errors = new Dictionary<string, string[]>();
        var lane = channel.Trim().ToLowerInvariant();
        if (!Channels.Contains(lane))
        {
            errors["channel"] = [$"'{ReferenceCodes.Truncate(channel)}' is not a channel; use green, yellow or red."];
        }

        if (request?.Minutes is not { } minutes)
        {
            errors["minutes"] = ["is required: the target, in minutes from arrival to release."];
        }
        else if (minutes is < 1 or > 43200)
        {
            errors["minutes"] = ["must be between 1 and 43200 (30 days)."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var target = await db.ReleaseTargets.SingleOrDefaultAsync(t => t.Country == code.Value && t.Channel == lane, ct);
        if (target is null)
        {
            target = new ReleaseTimeTarget { Country = code.Value!, Channel = lane, SetBy = string.Empty };
            db.ReleaseTargets.Add(target);
        }

        target.Minutes = request!.Minutes!.Value;
        target.SetBy = caller.Id ?? "unknown";
        target.SetAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new ReleaseTimeTargetView(target.Country, target.Channel, target.Minutes, target.SetAt));
    }

    /// <summary>Checks the filters; every refusal names its field.</summary>
    internal static async Task<(ReleaseTimeFilter? Filter, Dictionary<string, string[]> Errors)> ParseAsync(
        string? crossing, string? country, string? direction, string? mode, string? channel, string? aeo, string? from, string? to, string? groupBy,
        IBorderCrossingDirectory crossings, ICountryDirectory countries, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        string? crossingId = null;
        if (!string.IsNullOrWhiteSpace(crossing))
        {
            crossingId = crossing.Trim().ToUpperInvariant();
            if (crossingId.Length > 16 || await crossings.FindAsync(crossingId, ct) is null)
            {
                errors["crossing"] = [$"'{ReferenceCodes.Truncate(crossing)}' is not a known border crossing (see /api/v1/border-crossings)."];
            }
        }

        string? countryCode = null;
        if (!string.IsNullOrWhiteSpace(country))
        {
            var parsed = ReferenceCodes.ParseCountryCode(country);
            if (parsed.IsValid && await countries.FindAsync(parsed.Value!, ct) is null)
            {
                errors["country"] = [$"{parsed.Value} is not one of the platform's countries (see /api/v1/countries)."];
            }
            else if (parsed.IsValid)
            {
                countryCode = parsed.Value;
            }
            else
            {
                errors["country"] = [parsed.Error!];
            }
        }

        string? role = null;
        if (!string.IsNullOrWhiteSpace(direction))
        {
            role = direction.Trim().ToLowerInvariant();
            if (!Directions.Contains(role))
            {
                errors["direction"] = [$"'{ReferenceCodes.Truncate(direction)}' is not a direction; use export, transit or import."];
            }
        }

        string? modeCode = null;
        if (!string.IsNullOrWhiteSpace(mode))
        {
            var parsed = TransportModes.Parse(mode);
            if (parsed.IsValid)
            {
                modeCode = TransportModes.Code(parsed.Value);
            }
            else
            {
                errors["mode"] = [parsed.Error!];
            }
        }

        string? lane = null;
        if (!string.IsNullOrWhiteSpace(channel))
        {
            lane = channel.Trim().ToLowerInvariant();
            if (!Channels.Contains(lane))
            {
                errors["channel"] = [$"'{ReferenceCodes.Truncate(channel)}' is not a channel; use green, yellow or red."];
            }
        }

        bool? isAeo = null;
        if (!string.IsNullOrWhiteSpace(aeo))
        {
            if (bool.TryParse(aeo.Trim(), out var b))
            {
                isAeo = b;
            }
            else
            {
                errors["aeo"] = [$"'{ReferenceCodes.Truncate(aeo)}' is neither true nor false."];
            }
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var end = ParseDate(to, "to", today, errors);
        var start = ParseDate(from, "from", end.AddDays(-29), errors);
        if (!errors.ContainsKey("from") && !errors.ContainsKey("to"))
        {
            if (start > end)
            {
                errors["from"] = [string.Create(CultureInfo.InvariantCulture, $"{start:yyyy-MM-dd} is after to ({end:yyyy-MM-dd}).")];
            }
            else if (end.DayNumber - start.DayNumber + 1 > MaxDays)
            {
                errors["to"] = [$"the period is longer than {MaxDays} days; ask for less."];
            }
        }

        var grouping = string.IsNullOrWhiteSpace(groupBy) ? "crossing" : groupBy.Trim().ToLowerInvariant();
        if (!ReleaseTimeAnalytics.Groupings.Contains(grouping))
        {
            errors["groupBy"] = [$"'{ReferenceCodes.Truncate(groupBy!)}' is not a grouping; use one of {string.Join(", ", ReleaseTimeAnalytics.Groupings)}."];
        }

        return errors.Count > 0 ? (null, errors) : (new ReleaseTimeFilter(crossingId, countryCode, role, modeCode, lane, isAeo, start, end, grouping), errors);
    }

    private static DateOnly ParseDate(string? value, string field, DateOnly fallback, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[field] = [$"'{ReferenceCodes.Truncate(value)}' is not a date (yyyy-MM-dd)."];
        return fallback;
    }
}
