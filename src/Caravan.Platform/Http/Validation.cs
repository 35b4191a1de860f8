using Caravan.Platform.Localization;

namespace Caravan.Platform.Http;

/// <summary>The outcome of parsing one request value: the value, or the field and the reason it was refused.</summary>
/// <remarks>
/// The reason is a <see cref="Message"/>, so that <see cref="Error"/> reads in the language of the request that
/// asks for it (ADR 0006); a reason given as a string is shown as it is.
/// </remarks>
public readonly record struct Parsed<T>(T? Value, Message? Reason, string? Field = null)
{
    public bool IsValid => Reason is null;

    /// <summary>The reason in the current request's interface language, or null when the value is valid.</summary>
    public string? Error => Reason?.ToString();

    public static Parsed<T> Ok(T value) => new(value, null);

    public static Parsed<T> Fail(Message reason) => new(default, reason);

    public static Parsed<T> Fail(string reason) => new(default, Message.Untranslated(reason));

    public static Parsed<T> Fail(string field, Message reason) => new(default, reason, field);

    public static Parsed<T> Fail(string field, string reason) => new(default, Message.Untranslated(reason), field);
}

public static class RequestLimits
{
    /// <summary>The longest free-text query any search accepts; longer ones are refused with a 400.</summary>
    public const int MaxQueryLength = 200;

    public const int MaxPageSize = 100;
}
