using Caravan.Architecture.Tests.Samples.Domain;

namespace Caravan.Architecture.Tests.Samples.Contracts;

/// <summary>A contract that exposes a domain enum, so that enum may stay public.</summary>
public sealed record ShipmentInfo(string Id, ShipmentState State);
