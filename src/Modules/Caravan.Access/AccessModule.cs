namespace Caravan.Access;

/// <summary>Registration of the Access module.</summary>
public static class AccessModule
{
}
