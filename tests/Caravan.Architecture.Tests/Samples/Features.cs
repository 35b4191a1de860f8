namespace Caravan.Architecture.Tests.Samples.Features.Lodge;

/// <summary>A public feature class that no one allowed: a violation.</summary>
public sealed class LodgeHandler
{
    public string Lodge(string id) => id;
}
