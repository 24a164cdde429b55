using System.Text.Json.Nodes;
using FluxGen.Tests.Infrastructure;

namespace FluxGen.Tests.OpenApi;

/// <summary>A copy of the bundled document changed the way a newer Apiframe release changes it: a model added
/// (dall-e-4, a copy of dall-e-2), one removed (reve-create), a maximum narrowed (flux-2-pro's fluxParams.height,
/// 2048 → 1024) and a member added (midjourneyParams.style).</summary>
internal static class NewerDocument
{
    /// <summary>Where the package's build targets put the bundled document (marked FluxGenBundled).</summary>
    public const string BundledPath = "/packages/fluxgen/schema/apiframe/openapi.json";

    /// <summary>The project's own copy.</summary>
    public const string ProjectPath = "/project/newer-openapi.json";

    public static string Text(int heightMaximum = 1024, bool addModel = true, bool removeModel = true, bool addMember = true)
    {
        var root = JsonNode.Parse(GeneratorHarness.OpenApi)!;
        var branches = root["components"]!["schemas"]!["GenerateImageRequest"]!["oneOf"]!.AsArray();
        JsonNode Branch(string model) => branches.Single(b => (string?)b!["properties"]!["model"]!["enum"]![0] == model)!;

        if (addModel)
        {
            var copy = Branch("dall-e-2").DeepClone();
            copy["properties"]!["model"]!["enum"] = new JsonArray("dall-e-4");
            branches.Add(copy);
        }

        if (removeModel)
        {
            branches.Remove(Branch("reve-create"));
        }

        Branch("flux-2-pro")["properties"]!["fluxParams"]!["properties"]!["height"]!["maximum"] = heightMaximum;
        if (addMember)
        {
            Branch("midjourney")["properties"]!["midjourneyParams"]!["properties"]!["style"] = new JsonObject { ["type"] = "string", ["maxLength"] = 50 };
        }

        return root.ToJsonString();
    }

    /// <summary>The bundled document (marked as the package's), the flux-1.1-pro schema file and, unless null, the
    /// project's document.</summary>
    public static RunOutcome Run(string? projectDocument, IEnumerable<string> sources, string projectPath = ProjectPath, params (string Path, string Text)[] more)
    {
        var files = new List<(string, string)> { (BundledPath, GeneratorHarness.OpenApi), ("/schema/flux-1.1-pro.json", GeneratorHarness.FluxSchema) };
        if (projectDocument is not null)
        {
            files.Add((projectPath, projectDocument));
        }

        files.AddRange(more);
        return GeneratorHarness.Run(files, sources, bundled: new[] { BundledPath });
    }
}
