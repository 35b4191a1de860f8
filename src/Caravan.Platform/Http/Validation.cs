namespace Caravan.Platform.Http;

/// <summary>The outcome of parsing one request value: the value, or the field and the reason it was refused.</summary>
public readonly record struct Parsed<T>(T? Value, string? Error, string? Field = null)
{
    public bool IsValid => Error is null;

    public static Parsed<T> Ok(T value) => new(value, null);

    public static Parsed<T> Fail(string reason) => new(default, reason);

    public static Parsed<T> Fail(string field, string reason) => new(default, reason, field);
}

public static class RequestLimits
{
    /// <summary>The longest free-text query any search accepts; longer ones are refused with a 400.</summary>
    public const int MaxQueryLength = 200;

    public const int MaxPageSize = 100;
}
