using System.Diagnostics.Metrics;
using Caravan.Platform.Telemetry;
using Caravan.Trade.Domain;

namespace Caravan.Trade;

/// <summary>
/// The Trade module's own metrics (meter <c>Caravan.Trade</c>): consignments lodged, the channel each administration
/// assigned to its control, and customs decisions — by country, channel and decision only, never by trader or goods.
/// </summary>
internal sealed class TradeTelemetry
{
    public const string Name = CaravanTelemetry.Prefix + ".Trade";

    private readonly Counter<long> _lodged;
    private readonly Counter<long> _controls;
    private readonly Counter<long> _decisions;

    public TradeTelemetry(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        _lodged = meter.CreateCounter<long>("caravan.trade.consignments_lodged", "{consignment}", "Consignments lodged, by the countries of their route.");
        _controls = meter.CreateCounter<long>("caravan.trade.controls_created", "{control}", "Customs controls created at lodging, by country and the channel risk assessment gave.");
        _decisions = meter.CreateCounter<long>("caravan.trade.decisions", "{decision}", "Customs decisions recorded, by country and decision.");
    }

    public void Lodged(Consignment consignment)
    {
        _lodged.Add(1, new KeyValuePair<string, object?>("caravan.route", string.Join('-', consignment.Controls.OrderBy(c => c.Sequence).Select(c => c.Country))));
        foreach (var control in consignment.Controls)
        {
            _controls.Add(1, new("caravan.country", control.Country), new("caravan.channel", control.Channel ?? "none"));
        }
    }

    public void Decided(CustomsControl control, string decision) =>
        _decisions.Add(1, new("caravan.country", control.Country), new("caravan.decision", decision));
}
