namespace Caravan.Access.Contracts;

/// <summary>The kinds of organisation DESIGN.md section 1 names.</summary>
public enum OrganisationKind
{
    CustomsAdministration,
    CustomsOffice,
    Trader,
    IssuingBody,
    CooperationCentre,
    City,
    Secretariat,
}

/// <summary>What a trader does in a consignment; one trader may do several.</summary>
[Flags]
public enum TraderFunctions
{
    None = 0,
    Exporter = 1,
    Importer = 2,
    Broker = 4,
    Forwarder = 8,
}
