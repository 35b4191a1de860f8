using Caravan.Platform.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Caravan.Web.Infrastructure;

/// <summary>
/// OpenTelemetry traces, metrics and logs, exported over OTLP when the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
/// is set (environment or configuration; <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>OTEL_SERVICE_NAME</c>,
/// <c>OTEL_METRIC_EXPORT_INTERVAL</c> and the other standard settings apply). Without it nothing is collected.
/// What is sent: HTTP server and client spans and metrics (the query string redacted; health probes left out),
/// PostgreSQL commands (Npgsql), .NET runtime metrics, every <c>Caravan.*</c> source and meter the modules declare
/// (<see cref="CaravanTelemetry"/>), and the host's logs with their structured fields.
/// </summary>
internal static class Telemetry
{
    public const string EndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static WebApplicationBuilder AddCaravanTelemetry(this WebApplicationBuilder builder)
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration[EndpointSetting]))
        {
            Configure(builder);
        }

        return builder;
    }

    /// <summary>Apart, so that a host without an endpoint does not even load the OpenTelemetry assemblies.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void Configure(WebApplicationBuilder builder) =>
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                serviceName: builder.Configuration["OTEL_SERVICE_NAME"] ?? "caravan",
                serviceVersion: typeof(Telemetry).Assembly.GetName().Version?.ToString(),
                serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId}"))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
                .AddHttpClientInstrumentation()
                .AddSource(CaravanTelemetry.Prefix + ".*", "Npgsql"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(CaravanTelemetry.Prefix + ".*", "Npgsql"))
            .WithLogging()
            .UseOtlpExporter();
}
