// The "Samples" namespaces are a deliberately badly-shaped module inside the test assembly: the known-bad input
// that proves the surface and persistence rules report what they should (see ModuleSurfaceTests). These types
// must be public, because public is what the rules look for; nothing else uses them.
namespace Caravan.Architecture.Tests.Samples;

/// <summary>The registration class in the module's root namespace: allowed.</summary>
public static class SamplesModule
{
    public const string Name = "samples";
}
