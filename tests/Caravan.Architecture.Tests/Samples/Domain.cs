namespace Caravan.Architecture.Tests.Samples.Domain;

/// <summary>Exposed by <see cref="Contracts.ShipmentInfo"/>: allowed to be public.</summary>
public enum ShipmentState
{
    Open,
    Closed,
}

/// <summary>Public but in no contract: a violation.</summary>
public enum SealKind
{
    Lead,
    Electronic,
}

/// <summary>A public entity: a violation.</summary>
public sealed class Shipment
{
    public required string Id { get; set; }
}
