using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Caravan.Origin.Pages;

/// <summary>
/// What a service of the module answered, as a page needs it: the value on success, else the errors by field (the
/// API's field paths, e.g. <c>items[0].originCriterion</c>) or the status and sentence of a refusal (403, 404, 409).
/// The pages call the same services as the API, so they refuse what it refuses, with the same words.
/// </summary>
internal sealed record ServiceOutcome<T>(T? Value, IReadOnlyDictionary<string, string[]> Errors, int Status, string? Detail)
    where T : class
{
    private static readonly IReadOnlyDictionary<string, string[]> None = new Dictionary<string, string[]>();

    public bool Succeeded => Value is not null;

    public static ServiceOutcome<T> Of(INestedHttpResult results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return results.Result switch
        {
            IValueHttpResult<T> { Value: { } value } => new(value, None, StatusCodes.Status200OK, null),
            ValidationProblem invalid => new(null, new Dictionary<string, string[]>(invalid.ProblemDetails.Errors, StringComparer.Ordinal), StatusCodes.Status400BadRequest, null),
            ProblemHttpResult problem => new(null, None, problem.StatusCode, problem.ProblemDetails.Detail),
            var other => throw new InvalidOperationException($"Unexpected result {other.GetType().Name}."),
        };
    }
}
