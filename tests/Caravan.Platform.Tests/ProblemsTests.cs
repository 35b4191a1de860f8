using System.Text.Json;
using Caravan.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Platform.Tests;

/// <summary>The problem details every endpoint answers with, as a client receives them.</summary>
public sealed class ProblemsTests
{
    private static async Task<(int Status, string? ContentType, JsonElement Body)> WriteAsync(IResult result)
    {
        using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        using var body = new MemoryStream();
        context.Response.Body = body;

        await result.ExecuteAsync(context);

        body.Position = 0;
        using var json = await JsonDocument.ParseAsync(body, cancellationToken: TestContext.Current.CancellationToken);
        return (context.Response.StatusCode, context.Response.ContentType, json.RootElement.Clone());
    }

    [Fact]
    public void An_invalid_value_is_a_400_naming_the_field_and_the_reason()
    {
        var problem = Problems.Invalid("code", "a country code is two letters").ProblemDetails;

        Assert.Equal(StatusCodes.Status400BadRequest, problem.Status);
        var reasons = Assert.Single(problem.Errors, e => e.Key == "code").Value;
        Assert.Equal(["a country code is two letters"], reasons);
        Assert.Equal("code: a country code is two letters", problem.Detail);
    }

    [Fact]
    public async Task An_invalid_value_reaches_the_client_as_problem_json_with_the_field_error()
    {
        var (status, contentType, body) = await WriteAsync(Problems.Invalid("pageSize", "must be between 1 and 100"));

        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal(400, body.GetProperty("status").GetInt32());
        Assert.Equal("must be between 1 and 100", body.GetProperty("errors").GetProperty("pageSize")[0].GetString());
        Assert.Equal("https://caravan.example/problems/validation", body.GetProperty("type").GetString());
    }

    [Fact]
    public void Several_invalid_fields_are_all_named_in_the_errors_and_the_detail()
    {
        var problem = Problems.Invalid(new Dictionary<string, string[]>
        {
            ["country"] = ["is two letters"],
            ["mode"] = ["is road or rail"],
        }).ProblemDetails;

        Assert.Equal(400, problem.Status);
        Assert.Equal(["country", "mode"], problem.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("country: is two letters", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("mode: is road or rail", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Something_not_found_is_a_404_that_says_what_was_looked_for()
    {
        var problem = Problems.NotFound("There is no HS code '999998'.").ProblemDetails;

        Assert.Equal(StatusCodes.Status404NotFound, problem.Status);
        Assert.Equal("There is no HS code '999998'.", problem.Detail);
        Assert.False(string.IsNullOrWhiteSpace(problem.Title));
    }

    [Fact]
    public async Task Something_not_found_reaches_the_client_as_a_404_problem_json()
    {
        var (status, contentType, body) = await WriteAsync(Problems.NotFound("There is no country 'RU'."));

        Assert.Equal(404, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal("There is no country 'RU'.", body.GetProperty("detail").GetString());
        Assert.Equal("https://caravan.example/problems/not-found", body.GetProperty("type").GetString());
    }
}
