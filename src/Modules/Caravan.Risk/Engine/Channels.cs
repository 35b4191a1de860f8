namespace Caravan.Risk.Engine;

/// <summary>Green (release on the declaration), yellow (documentary check), red (physical inspection), in that order.</summary>
internal static class Channels
{
    public const string Green = "green";
    public const string Yellow = "yellow";
    public const string Red = "red";

    public static readonly IReadOnlyList<string> All = [Green, Yellow, Red];

    public static int Rank(string? channel) => channel switch
    {
        Green => 0,
        Yellow => 1,
        Red => 2,
        _ => -1,
    };

    public static string Max(string a, string? b) => Rank(b) > Rank(a) ? b! : a;
}
