using Caravan.Platform.Security;

namespace Caravan.Trade.Contracts;

/// <summary>The Trade module's permissions.</summary>
public static class TradePermissions
{
    /// <summary>Lodge a consignment for one's own organisation.</summary>
    public static readonly Permission Lodge = new("trade.consignment.lodge");

    /// <summary>See consignments: a trader its own organisation's, an administration those passing through its country.</summary>
    public static readonly Permission View = new("trade.consignment.view");

    /// <summary>Decide on the customs controls of one's own country (officers, national systems).</summary>
    public static readonly Permission Decide = new("trade.control.decide");

    /// <summary>Set one's country's release-time targets (risk analysts, administrators).</summary>
    public static readonly Permission SetReleaseTargets = new("trade.release-targets.set");
}

internal sealed class TradeRolePermissions : IRolePermissions
{
    public IEnumerable<(string Role, Permission Permission)> Grants() =>
    [
        (Roles.Trader, TradePermissions.Lodge),
        (Roles.Trader, TradePermissions.View),
        (Roles.CustomsOfficer, TradePermissions.View),
        (Roles.RiskAnalyst, TradePermissions.View),
        (Roles.NationalSystem, TradePermissions.View),
        (Roles.Administrator, TradePermissions.View),
        (Roles.CustomsOfficer, TradePermissions.Decide),
        (Roles.NationalSystem, TradePermissions.Decide),
        (Roles.RiskAnalyst, TradePermissions.SetReleaseTargets),
        (Roles.Administrator, TradePermissions.SetReleaseTargets),
    ];
}
