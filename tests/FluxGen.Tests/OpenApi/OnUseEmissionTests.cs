using FluxGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace FluxGen.Tests.OpenApi;

/// <summary>With <c>FluxGenModels</c> unset every documented model is available and a document's model is written
/// once the code names its request or params type; a schema file's model is always written.</summary>
public class OnUseEmissionTests
{
    private static readonly IReadOnlyDictionary<string, string> Unset = new Dictionary<string, string>();

    private const string UsesMidjourney = """
        using Apiframe;

        public static class Usage
        {
            public static string Imagine() => new MidjourneyRequest("a fox in an autumn forest").ToJson();
        }
        """;

    private static List<string> Requests(RunOutcome outcome) =>
        outcome.Sources.Select(s => s.HintName).Where(h => h.EndsWith(".Request.g.cs", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void CodeThatNamesNoDocumentModelGetsOnlyTheSchemaFilesModel()
    {
        var outcome = OpenApiModelTests.RunDocument(options: Unset, sources: new[] { "public static class Nothing { }" });

        Assert.Equal(new[] { "Flux11Pro.Request.g.cs" }, Requests(outcome));
        Assert.Empty(outcome.CompileDiagnostics);
    }

    [Fact]
    public void NamingARequestTypeWritesThatModelAndTheCodeCompiles()
    {
        var outcome = OpenApiModelTests.RunDocument(options: Unset, sources: new[] { UsesMidjourney });

        Assert.Equal(new[] { "Flux11Pro.Request.g.cs", "Midjourney.Request.g.cs" }, Requests(outcome));
        Assert.Empty(outcome.CompileDiagnostics);
    }

    [Fact]
    public void NamingOnlyTheParamsTypeIsEnough()
    {
        const string Code = """
            using Apiframe;

            public static class Usage
            {
                public static Flux2ProParams Defaults() => new();
            }
            """;

        var outcome = OpenApiModelTests.RunDocument(options: Unset, sources: new[] { Code }, withFluxSchema: false);

        Assert.Equal(new[] { "Flux2Pro.Request.g.cs" }, Requests(outcome));
        Assert.Empty(outcome.CompileDiagnostics);
    }

    [Fact]
    public void AListDecidesAloneEvenWhenTheCodeNamesAnotherModel()
    {
        var options = new Dictionary<string, string> { ["build_property.FluxGenModels"] = "suno" };

        var outcome = OpenApiModelTests.RunDocument(options: options, sources: new[] { UsesMidjourney }, withFluxSchema: false);

        Assert.Equal(new[] { "Suno.Request.g.cs" }, Requests(outcome));
        Assert.Contains(outcome.Output.GetDiagnostics(), d => d.Id == "CS0246" && d.GetMessage().Contains("MidjourneyRequest", StringComparison.Ordinal));

        // The compiler only says the type is missing; FluxGen says why, at the model's line in the document.
        var leftOut = Assert.Single(outcome.GeneratorDiagnostics, d => d.Id == "FLUXGEN042");
        Assert.Equal(DiagnosticSeverity.Info, leftOut.Severity);
        Assert.Equal("The code names MidjourneyRequest, a type of model 'midjourney', which <FluxGenModels> leaves out; add 'midjourney' to the list, or remove the list, to generate it", leftOut.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        var line = GeneratorHarness.OpenApi.Split('\n')[leftOut.Location.GetLineSpan().StartLinePosition.Line];
        Assert.Contains("\"midjourney\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public void ModelsTheCodeDoesNotNameAreNotReportedWhenLeftOut()
    {
        var options = new Dictionary<string, string> { ["build_property.FluxGenModels"] = "suno" };

        var outcome = OpenApiModelTests.RunDocument(options: options, sources: new[] { "public static class Nothing { }" }, withFluxSchema: false);

        Assert.DoesNotContain(outcome.GeneratorDiagnostics, d => d.Id == "FLUXGEN042");
    }

    [Fact]
    public void NamingOneMoreModelRerunsThatModelAloneAndAnEditNamingNothingNewRerunsNone()
    {
        var document = new InMemoryText(OpenApiModelTests.DocumentPath, GeneratorHarness.OpenApi);
        var compilation = GeneratorHarness.Compilation(new[] { UsesMidjourney, "public static class Other { }" });
        var driver = GeneratorHarness.Driver(new AdditionalText[] { document }, Unset).RunGenerators(compilation);
        var other = compilation.SyntaxTrees.Last();

        // An edit that names no request type: every model is cached, and nothing is written again.
        var quiet = compilation.ReplaceSyntaxTree(other, other.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From("public static class Other { public static int X => 2; }")));
        var quietRun = driver.RunGenerators(quiet);
        var quietResult = quietRun.GetRunResult().Results.Single();
        Assert.All(quietResult.TrackedSteps[FluxGenGenerator.Steps.Model].SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));

        // Naming suno's request: suno's model value changes, no other model's does, and suno's types appear.
        var named = quiet.ReplaceSyntaxTree(quiet.SyntaxTrees.Last(), other.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From("public static class Other { public static object S() => new Apiframe.SunoRequest(\"lo-fi\"); }")));
        var namedResult = quietRun.RunGenerators(named).GetRunResult().Results.Single();
        var models = namedResult.TrackedSteps[FluxGenGenerator.Steps.Model].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(1, models.Count(o => o.Reason == IncrementalStepRunReason.Modified));
        Assert.Equal(OpenApiModelTests.DocumentModels + OperationRecordTests.DocumentOperations - 1, models.Count(o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        Assert.Contains(namedResult.GeneratedSources, s => s.HintName == "Suno.Request.g.cs");
        Assert.Contains(namedResult.GeneratedSources, s => s.HintName == "Midjourney.Request.g.cs");
    }
}
