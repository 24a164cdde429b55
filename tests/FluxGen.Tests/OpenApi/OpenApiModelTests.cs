using System.Text.Json;
using FluxGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Abstractions;

namespace FluxGen.Tests.OpenApi;

/// <summary>Apiframe's OpenAPI document as a generator input: every model typed, compiled warning-free, each request
/// valid and written with the document's own member names.</summary>
public class OpenApiModelTests(ITestOutputHelper output)
{
    public const string DocumentPath = "/schema/apiframe/openapi.json";

    /// <summary>Models in the document: 51 image, 41 video, 7 music, 2 background removal, 1 edit, 2 image upscale,
    /// 1 video edit, 1 video upscale.</summary>
    public const int DocumentModels = 106;

    /// <summary><c>FluxGenModels</c> = <c>*</c>: every model written, named in code or not.</summary>
    internal static readonly IReadOnlyDictionary<string, string> EveryModel = new Dictionary<string, string> { ["build_property.FluxGenModels"] = "*" };

    /// <summary>Runs the generator over the document (and the flux-1.1-pro schema file); every model unless
    /// <paramref name="options"/> say otherwise.</summary>
    internal static RunOutcome RunDocument(LanguageVersion version = LanguageVersion.Latest, System.Collections.Immutable.ImmutableArray<MetadataReference>? references = null, IReadOnlyDictionary<string, string>? options = null, bool withFluxSchema = true, IEnumerable<string>? sources = null)
    {
        options ??= EveryModel;
        var files = new List<(string, string)> { (DocumentPath, GeneratorHarness.OpenApi) };
        if (withFluxSchema)
        {
            files.Add(("/schema/flux-1.1-pro.json", GeneratorHarness.FluxSchema));
        }

        return GeneratorHarness.Run(files, sources, references, version, options);
    }

    private static List<string> Requests(RunOutcome outcome) =>
        outcome.Sources.Select(s => s.HintName).Where(h => h.EndsWith(".Request.g.cs", StringComparison.Ordinal)).ToList();

    [Fact]
    public void EveryModelOfTheDocumentIsTypedAndNoMemberIsLeftAsRawJson()
    {
        var outcome = RunDocument(withFluxSchema: false);
        Assert.Equal(DocumentModels, Requests(outcome).Count);
        var untyped = outcome.GeneratorDiagnostics.Count(d => d.Id == "FLUXGEN040");
        output.WriteLine($"{Requests(outcome).Count} models typed, {untyped} members left as JsonElement");
        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.DoesNotContain(outcome.Sources, s => s.SourceText.ToString().Contains("JsonElement", StringComparison.Ordinal) && !s.HintName.StartsWith("FluxGen.", StringComparison.Ordinal));
    }

    [Fact]
    public void TheSchemaFileWinsAndTheDocumentBranchIsSkippedWithAnInfoAtItsLine()
    {
        var outcome = RunDocument();
        Assert.Equal(DocumentModels, Requests(outcome).Count);
        var skipped = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal(("FLUXGEN041", DiagnosticSeverity.Info), (skipped.Id, skipped.Severity));
        var span = skipped.Location.GetLineSpan();
        Assert.Equal(DocumentPath, span.Path);
        Assert.Equal("\"flux-1.1-pro\"", GeneratorHarness.OpenApi.Split('\n')[span.StartLinePosition.Line].Trim());

        // The schema file's own rules (its 0.05 step) are what the type carries, not the document's.
        Assert.Contains("SchemaMultipleOf(\"0.05\")", outcome.Source("Flux11Pro.Params.g.cs"));
        Assert.Contains("Black Forest Labs", outcome.Source("Flux11Pro.Request.g.cs"));
    }

    [Theory]
    [InlineData("midjourney", "Midjourney.Request.g.cs", "/v2/images/generate", "midjourneyParams", "Midjourney.Params.g.cs")]
    [InlineData("flux-2-pro", "Flux2Pro.Request.g.cs", "/v2/images/generate", "fluxParams", "Flux2Pro.Params.g.cs")]
    [InlineData("dall-e-3", "DallE3.Request.g.cs", "/v2/images/generate", "dalleParams", "DallE3.Style.g.cs")]
    [InlineData("gpt-image-1.5", "GptImage15.Request.g.cs", "/v2/images/generate", "gptImageParams", "GptImage15.Params.g.cs")]
    [InlineData("851-bg-remove", "Model851BgRemove.Request.g.cs", "/v2/images/background-remove", "lab851BgRemoveParams", "Model851BgRemove.Params.g.cs")]
    [InlineData("kling-3.0-omni", "Kling30Omni.Request.g.cs", "/v2/videos/generate", "klingParams", "Kling30Omni.MultiPromptItem.g.cs")]
    [InlineData("suno", "Suno.Request.g.cs", "/v2/music/generate", "sunoParams", "Suno.Params.g.cs")]
    [InlineData("flux-fill-pro", "FluxFillPro.Request.g.cs", "/v2/images/edit", "fluxFillParams", "FluxFillPro.Params.g.cs")]
    [InlineData("topaz-video-upscale", "TopazVideoUpscale.Request.g.cs", "/v2/videos/upscale", "topazVideoParams", "TopazVideoUpscale.Params.g.cs")]
    public void ModelsAreNamedByTheNamingRulesWithEndpointAndParamsKeyFromTheDocument(string model, string request, string endpoint, string paramsKey, string otherFile)
    {
        var outcome = RunDocument(options: new Dictionary<string, string> { ["build_property.FluxGenModels"] = model });
        var source = outcome.Source(request);
        static string Squash(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", string.Empty);
        Assert.Contains(Squash($"new global::Apiframe.ApiframeModelInfo(\"{model}\", \"{endpoint}\", \"{paramsKey}\","), Squash(source));
        Assert.Contains(outcome.Sources, s => s.HintName == otherFile);
    }

    [Fact]
    public void FluxGenModelsNarrowsWhatIsEmitted()
    {
        var some = RunDocument(options: new Dictionary<string, string> { ["build_property.FluxGenModels"] = " midjourney ; suno;flux-1.1-pro" });
        Assert.Equal(new[] { "Flux11Pro.Request.g.cs", "Midjourney.Request.g.cs", "Suno.Request.g.cs" }, Requests(some).Order(StringComparer.Ordinal));
        Assert.Empty(some.CompileDiagnostics);

        // The package hands the list over as FluxGenModelList with commas (';' would start a comment on the way).
        var fromPackage = RunDocument(options: new Dictionary<string, string> { ["build_property.FluxGenModelList"] = "midjourney,suno,flux-1.1-pro" });
        Assert.Equal(Requests(some).Order(StringComparer.Ordinal), Requests(fromPackage).Order(StringComparer.Ordinal));

        var star = RunDocument(options: new Dictionary<string, string> { ["build_property.FluxGenModels"] = "*" });
        Assert.Equal(DocumentModels, Requests(star).Count);

        // A list naming no known model emits no model (and so no shared enum), but still the runtime.
        var none = RunDocument(options: new Dictionary<string, string> { ["build_property.FluxGenModels"] = "no-such-model" });
        Assert.Empty(Requests(none));
        Assert.DoesNotContain(none.Sources, s => s.HintName.StartsWith("Shared.", StringComparison.Ordinal));
        Assert.Contains(none.Sources, s => s.HintName.StartsWith("FluxGen.", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryModelCompilesWithoutAnyWarningForNet8WithCSharp12()
    {
        var outcome = RunDocument(LanguageVersion.CSharp12, ReferenceSets.Net80);
        Assert.Empty(outcome.CompileDiagnostics);
    }

    [Fact]
    public void EveryModelCompilesWithoutAnyWarningForNet10WithTheLatestCSharp()
    {
        var outcome = RunDocument(LanguageVersion.Latest, ReferenceSets.Net100);
        Assert.Empty(outcome.CompileDiagnostics);
    }

    [Fact]
    public void ARequestPerModelValidatesAndWritesOnlyMembersItsBranchDeclares()
    {
        var assembly = RunDocument().Load();
        var branches = Branches();
        var types = SampleRequests.RequestTypes(assembly);
        Assert.Equal(DocumentModels, types.Count);
        foreach (var type in types)
        {
            var request = SampleRequests.Build(type);
            type.GetMethod("Validate")!.Invoke(request, null);
            var json = (string)type.GetMethod("ToJson")!.Invoke(request, null)!;
            using var written = JsonDocument.Parse(json);
            var model = written.RootElement.GetProperty("model").GetString()!;
            Assert.Equal(SampleRequests.ModelId(type), model);
            var branch = branches[model];
            foreach (var member in written.RootElement.EnumerateObject())
            {
                Assert.True(branch.GetProperty("properties").TryGetProperty(member.Name, out _), $"{model}: {member.Name} is not in its branch");
            }

            foreach (var required in branch.GetProperty("required").EnumerateArray())
            {
                Assert.True(written.RootElement.TryGetProperty(required.GetString()!, out _), $"{model}: {required} is missing");
            }
        }
    }

    [Fact]
    public void TheDocumentDiagnosticsAreTrackedAndDocumented()
    {
        var root = FluxGen.Tests.Generator.GoldenTests.RepoRoot();
        var unshipped = File.ReadAllText(Path.Combine(root, "src", "FluxGen", "AnalyzerReleases.Unshipped.md"));
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        foreach (var id in new[] { "FLUXGEN040", "FLUXGEN041" })
        {
            var rule = Descriptors.SchemaDescriptorById(id);
            Assert.Equal(DiagnosticSeverity.Info, rule.DefaultSeverity);
            Assert.Contains($"{rule.Id} | {rule.Category} | Info |", unshipped);
            Assert.Equal(Descriptors.HelpLinkBase + rule.Id.ToLowerInvariant(), rule.HelpLinkUri);
            Assert.Contains($"<a id=\"{rule.Id.ToLowerInvariant()}\"></a>{rule.Id}", readme);
        }
    }

    /// <summary>The document's branches by model id, read with System.Text.Json (not FluxGen's reader).</summary>
    internal static Dictionary<string, JsonElement> Branches()
    {
        var document = JsonDocument.Parse(GeneratorHarness.OpenApi).RootElement;
        var result = new Dictionary<string, JsonElement>();
        foreach (var schema in document.GetProperty("components").GetProperty("schemas").EnumerateObject())
        {
            if (!schema.Value.TryGetProperty("oneOf", out var branches))
            {
                continue;
            }

            foreach (var branch in branches.EnumerateArray())
            {
                if (branch.GetProperty("properties").TryGetProperty("model", out var model) && model.TryGetProperty("enum", out var values))
                {
                    result[values[0].GetString()!] = branch;
                }
            }
        }

        return result;
    }
}
