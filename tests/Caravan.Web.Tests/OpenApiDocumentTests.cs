using System.Text.Json;
using System.Text.Json.Nodes;
using Caravan.Testing;

namespace Caravan.Web.Tests;

/// <summary>
/// The OpenAPI document in the repository (docs/api/openapi.v1.json) is the contract national systems code
/// against: a change to the API that is not reflected there fails here. To accept a deliberate change, run the
/// tests once with CARAVAN_UPDATE_OPENAPI=1 and commit the file.
/// </summary>
public sealed class OpenApiDocumentTests(SqliteWebFactory factory) : IClassFixture<SqliteWebFactory>
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task The_served_document_matches_the_copy_in_the_repository()
    {
        var served = await factory.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
        var normalised = JsonNode.Parse(served)!.ToJsonString(Indented) + "\n";
        var path = RepositoryFiles.PathOf("docs", "api", "openapi.v1.json");

        if (Environment.GetEnvironmentVariable("CARAVAN_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, normalised, TestContext.Current.CancellationToken);
        }

        Assert.True(File.Exists(path), $"{path} is missing; run the tests with CARAVAN_UPDATE_OPENAPI=1 to write it.");
        var committed = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        Assert.True(committed == normalised, "The API changed but docs/api/openapi.v1.json did not. Review the change, then run the tests with CARAVAN_UPDATE_OPENAPI=1 and commit the file.");
    }

    [Fact]
    public async Task The_document_describes_every_reference_endpoint_and_its_problem_responses()
    {
        var served = await factory.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
        var paths = JsonNode.Parse(served)!["paths"]!.AsObject();

        foreach (var path in new[] { "/api/v1/countries", "/api/v1/countries/{code}", "/api/v1/border-crossings", "/api/v1/border-crossings/{id}", "/api/v1/hs", "/api/v1/hs/{code}", "/api/v1/hs/sections", "/api/v1/hs/sections/{number}" })
        {
            Assert.True(paths.ContainsKey(path), $"{path} is not in the OpenAPI document");
        }

        var hsCode = paths["/api/v1/hs/{code}"]!["get"]!["responses"]!.AsObject();
        Assert.True(hsCode.ContainsKey("400"));
        Assert.True(hsCode.ContainsKey("404"));
    }
}
