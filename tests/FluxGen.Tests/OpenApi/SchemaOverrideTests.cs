using System.Globalization;
using System.Text.Json.Nodes;
using FluxGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace FluxGen.Tests.OpenApi;

/// <summary>FLUXGEN045: a hand-written schema file that wins over a document's branch says, at its model claim, what
/// the branch has that the file lacks and which bounds differ; the bundled pair says nothing.</summary>
public class SchemaOverrideTests(ITestOutputHelper output)
{
    private const string FilePath = "/schema/flux-1.1-pro.json";

    private static readonly string[] EightMembers = ["width", "height", "guidance", "steps", "go_fast", "resolution", "input_images", "prompt_upsampling"];

    [Fact]
    public void TheBundledFileAndDocumentDifferInNothingTheComparisonCounts()
    {
        var outcome = OpenApiModelTests.RunDocument();

        Assert.Equal(new[] { "FLUXGEN041" }, outcome.GeneratorDiagnostics.Select(d => d.Id).ToArray());
    }

    [Fact]
    public void AFileWithoutTheDocumentsMembersListsThemAtItsModelClaim()
    {
        var schema = FluxSchema(members =>
        {
            foreach (var name in EightMembers)
            {
                members.Remove(name);
            }
        });
        var outcome = Run(schema);

        var report = Assert.Single(outcome.GeneratorDiagnostics, d => d.Id == "FLUXGEN045");
        output.WriteLine(report.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(DiagnosticSeverity.Info, report.Severity);
        Assert.Equal(
            "flux-1.1-pro.json defines model 'flux-1.1-pro' in place of the branch in openapi.json, which says more or otherwise. "
            + "Members only the document has: fluxParams.go_fast, fluxParams.guidance, fluxParams.height, fluxParams.input_images, "
            + "fluxParams.prompt_upsampling, fluxParams.resolution, fluxParams.steps, fluxParams.width. Bounds that differ (document → file): —",
            report.GetMessage(CultureInfo.InvariantCulture));
        var span = report.Location.GetLineSpan();
        Assert.Equal(FilePath, span.Path);
        Assert.Equal("\"model\": \"flux-1.1-pro\",", schema.Split('\n')[span.StartLinePosition.Line].Trim());
    }

    [Fact]
    public void AFileWithANarrowerBoundListsItDocumentThenFile()
    {
        var outcome = Run(FluxSchema(members => members["width"]!["maximum"] = 1024));

        Assert.Equal("fluxParams.width: maximum 2048 → 1024", Bounds(outcome));
    }

    [Fact]
    public void AFileThatDropsABoundOrWidensOneListsItToo()
    {
        var outcome = Run(FluxSchema(members =>
        {
            members["height"]!.AsObject().Remove("maximum");
            members["steps"]!["minimum"] = 0;
            members["input_images"]!["maxItems"] = 14;
        }));

        Assert.Equal("fluxParams.height: maximum 2048 → —, fluxParams.input_images: maxItems 10 → 14, fluxParams.steps: minimum 1 → 0", Bounds(outcome));
    }

    [Fact]
    public void ARuleOnlyTheFileStatesIsTheFilesOwnAndNotADifference()
    {
        // A step and a default the document does not state, and the same bounds written another way.
        var outcome = Run(FluxSchema(members =>
        {
            members["guidance"]!["multipleOf"] = 0.5;
            members["guidance"]!["default"] = 3.5;
            members["guidance"]!["maximum"] = JsonNode.Parse("10.0");
            members["steps"]!["default"] = 28;
        }));

        Assert.DoesNotContain(outcome.GeneratorDiagnostics, d => d.Id == "FLUXGEN045");
    }

    [Fact]
    public void AnEnumIsComparedAsASetOfValues()
    {
        var reordered = Run(FluxSchema(members => members["output_format"]!["enum"] = new JsonArray("webp", "jpg", "png")));
        Assert.DoesNotContain(reordered.GeneratorDiagnostics, d => d.Id == "FLUXGEN045");

        var narrower = Run(FluxSchema(members => members["output_format"]!["enum"] = new JsonArray("jpg", "png")));
        Assert.Equal("fluxParams.output_format: enum jpg|png|webp → jpg|png", Bounds(narrower));
    }

    [Fact]
    public void AnEnumInPlaceOfTheDocumentsPatternCountsOnlyWhileEveryValueMatchesIt()
    {
        // The page's five ratios all match the document's ^\d+:\d+$; a value that does not is a wider rule.
        var outcome = Run(FluxSchema(members => members["aspect_ratio"]!["enum"]!.AsArray().Add("square")));

        Assert.Equal("fluxParams.aspect_ratio: pattern ^\\d+:\\d+$ → —", Bounds(outcome));
    }

    [Fact]
    public void TheFileIsComparedWithTheDocumentTheBuildUses()
    {
        // A project's document supersedes the bundled one; its narrower width is what the file is held to.
        var newer = JsonNode.Parse(GeneratorHarness.OpenApi)!;
        var branch = newer["components"]!["schemas"]!["GenerateImageRequest"]!["oneOf"]!.AsArray()
            .Single(b => (string?)b!["properties"]!["model"]!["enum"]![0] == "flux-1.1-pro")!;
        branch["properties"]!["fluxParams"]!["properties"]!["width"]!["maximum"] = 1440;

        var outcome = NewerDocument.Run(newer.ToJsonString(), []);

        var report = Assert.Single(outcome.GeneratorDiagnostics, d => d.Id == "FLUXGEN045");
        Assert.Contains("in place of the branch in newer-openapi.json", report.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal("fluxParams.width: maximum 1440 → 2048", Bounds(outcome));
    }

    [Fact]
    public void AFileWithNoDocumentBesideItIsNotCompared()
    {
        var outcome = GeneratorHarness.Run([(FilePath, FluxSchema(members => members.Remove("width")))]);

        Assert.Empty(outcome.GeneratorDiagnostics);
    }

    private static RunOutcome Run(string fluxSchema) =>
        GeneratorHarness.Run([(OpenApiModelTests.DocumentPath, GeneratorHarness.OpenApi), (FilePath, fluxSchema)], options: OnlyFlux);

    private static readonly IReadOnlyDictionary<string, string> OnlyFlux = new Dictionary<string, string> { ["build_property.FluxGenModels"] = "flux-1.1-pro" };

    /// <summary>The bundled flux-1.1-pro schema with its <c>fluxParams</c> members changed.</summary>
    private static string FluxSchema(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(GeneratorHarness.FluxSchema)!;
        change(root["properties"]!["fluxParams"]!["properties"]!.AsObject());
        return root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    private static string Bounds(RunOutcome outcome)
    {
        var message = Assert.Single(outcome.GeneratorDiagnostics, d => d.Id == "FLUXGEN045").GetMessage(CultureInfo.InvariantCulture);
        Assert.Contains("Members only the document has: —.", message, StringComparison.Ordinal);
        const string Marker = "Bounds that differ (document → file): ";
        return message.Substring(message.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length);
    }
}
