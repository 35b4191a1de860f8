using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Caravan.Platform.Http;

/// <summary>
/// What a module's service answered, as a page needs it: the value on success, else the errors by field (the API's
/// field paths, e.g. <c>items[0].originCriterion</c>) or the status and sentence of a refusal (403, 404, 409). Pages call
/// the same services as the API, so they refuse what it refuses, with the same words.
/// </summary>
/// <param name="Value">The answer's value on success; null for a success without one of type T (204, or T = object).</param>
public sealed record ServiceOutcome<T>(T? Value, IReadOnlyDictionary<string, string[]> Errors, int Status, string? Detail)
    where T : class
{
    private static readonly IReadOnlyDictionary<string, string[]> None = new Dictionary<string, string[]>();

    public bool Succeeded => Status is >= 200 and < 300;

    /// <param name="result">A service's answer: <c>Results&lt;…&gt;</c> (unwrapped) or a single result.</param>
    public static ServiceOutcome<T> Of(IResult result) => (result is INestedHttpResult nested ? nested.Result : result) switch
    {
        ValidationProblem invalid => new(null, new Dictionary<string, string[]>(invalid.ProblemDetails.Errors, StringComparer.Ordinal), StatusCodes.Status400BadRequest, null),
        ProblemHttpResult problem => new(null, None, problem.StatusCode, problem.ProblemDetails.Detail),
        IValueHttpResult<T> { Value: { } value } and IStatusCodeHttpResult { StatusCode: { } status } => new(value, None, status, null),
        IStatusCodeHttpResult { StatusCode: >= 200 and < 300 and var status } => new(null, None, status, null),
        var other => throw new InvalidOperationException($"Unexpected result {other.GetType().Name}."),
    };
}
