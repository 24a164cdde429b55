using System.Text.Json.Nodes;
using FluxGen.IntegrationTests.Package;

namespace FluxGen.IntegrationTests.OpenApi;

/// <summary>A stand-in for a newer release of Apiframe's document: the bundled one with dall-e-4 added (a copy of
/// dall-e-2) and reve-create removed.</summary>
internal static class NewerOpenApiDocument
{
    public static string Text()
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "schema", "apiframe", "openapi.json")))!;
        var branches = root["components"]!["schemas"]!["GenerateImageRequest"]!["oneOf"]!.AsArray();
        JsonNode Branch(string model) => branches.Single(b => (string?)b!["properties"]!["model"]!["enum"]![0] == model)!;
        var copy = Branch("dall-e-2").DeepClone();
        copy["properties"]!["model"]!["enum"] = new JsonArray("dall-e-4");
        branches.Add(copy);
        branches.Remove(Branch("reve-create"));
        return root.ToJsonString();
    }
}
