namespace Caravan.Origin.Pages;

/// <summary>Marker for the module's interface strings (kept with the host's, one catalogue per language).</summary>
internal sealed class OriginStrings;
