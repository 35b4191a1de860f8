namespace Caravan.Platform.Telemetry;

/// <summary>
/// The names under which the platform publishes its own traces and metrics (<see cref="System.Diagnostics.ActivitySource"/>
/// and <see cref="System.Diagnostics.Metrics.Meter"/>): every one starts with <see cref="Prefix"/>, and the host
/// listens to <c>Caravan.*</c>, so a module adds its instruments without touching the host. Instruments are named
/// <c>caravan.&lt;area&gt;.&lt;what&gt;</c> after the OpenTelemetry semantic conventions; their attributes never carry
/// personal data or a trader's declaration — only countries, crossings, channels, decisions and event types.
/// </summary>
public static class CaravanTelemetry
{
    public const string Prefix = "Caravan";

    /// <summary>The outbox dispatcher and the consumers inside the platform (kernel).</summary>
    public const string Messaging = "Caravan.Messaging";
}
