using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Caravan.Platform.Http;

/// <summary>
/// RFC 9457 problem details the way every Caravan endpoint writes them: a 400 names the field and the reason,
/// a 404 says what was looked for.
/// </summary>
public static class Problems
{
    public static ValidationProblem Invalid(string field, string reason) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [reason] },
            detail: $"{field}: {reason}",
            title: "The request is not valid.",
            type: "https://caravan.example/problems/validation");

    public static ValidationProblem Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(
            errors,
            detail: string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")),
            title: "The request is not valid.",
            type: "https://caravan.example/problems/validation");

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: StatusCodes.Status404NotFound,
            title: "Not found.",
            type: "https://caravan.example/problems/not-found");

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: StatusCodes.Status403Forbidden,
            title: "Forbidden.",
            type: "https://caravan.example/problems/forbidden");
}
