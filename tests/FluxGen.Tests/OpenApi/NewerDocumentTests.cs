using FluxGen.Analysis;
using FluxGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit.Abstractions;

namespace FluxGen.Tests.OpenApi;

/// <summary>A project's own (newer) copy of Apiframe's document supersedes the bundled one as a whole: its models
/// are typed, the drift is reported once, and a use of a removed model is named where it is written.</summary>
public class NewerDocumentTests(ITestOutputHelper output)
{
    private const string Uses = """
        using Apiframe;

        public static class Uses
        {
            public static object[] Make() => new object[]
            {
                new DallE4Request("a new model"),
                new MidjourneyRequest("p") { MidjourneyParams = new() { Style = "raw" } },
                new Flux2ProRequest("p") { FluxParams = new() { Height = 1024 } },
            };
        }
        """;

    private const string RemovedUse = """
        public static class Old
        {
            public static object Make() =>
                new Apiframe.ReveCreateRequest("gone");
        }
        """;

    [Fact]
    public void TheProjectsDocumentWinsAndItsDriftIsReportedOnce()
    {
        var outcome = NewerDocument.Run(NewerDocument.Text(), new[] { Uses, RemovedUse });

        Assert.DoesNotContain(outcome.GeneratorDiagnostics, d => d.Id == "FLUXGEN007");
        var drift = Assert.Single(outcome.GeneratorDiagnostics, d => d.Id == "FLUXGEN043");
        output.WriteLine(drift.GetMessage());
        Assert.Equal(DiagnosticSeverity.Info, drift.Severity);
        Assert.Equal(NewerDocument.ProjectPath, drift.Location.GetLineSpan().Path);
        Assert.Equal(
            "newer-openapi.json supersedes the bundled openapi.json. Models added: dall-e-4. Removed: reve-create. "
            + "Changed: flux-2-pro (fluxParams.height: maximum 2048 → 1024), midjourney (+midjourneyParams.style)",
            drift.GetMessage(System.Globalization.CultureInfo.InvariantCulture));

        // The hand-written flux-1.1-pro schema file still wins, now over the project's document.
        var skipped = Assert.Single(outcome.GeneratorDiagnostics, d => d.Id == "FLUXGEN041");
        Assert.Equal(NewerDocument.ProjectPath, skipped.Location.GetLineSpan().Path);

        // The removed model's use: the generator says why, at the line the compiler reports the missing type.
        var removed = Assert.Single(outcome.GeneratorDiagnostics, d => d.Id == "FLUXGEN044");
        Assert.Equal("Model 'reve-create' is not in newer-openapi.json; it was removed or renamed, so ReveCreateRequest is no longer generated", removed.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        var missing = Assert.Single(outcome.CompileDiagnostics);
        Assert.Equal("CS0234", missing.Id);
        Assert.Equal(missing.Location.GetLineSpan().StartLinePosition.Line, removed.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(3, removed.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal("Source1.cs", removed.Location.GetLineSpan().Path);

        // The new model and the new member are typed; the narrowed maximum is in the generated checks.
        Assert.Contains(outcome.Sources, s => s.HintName.EndsWith(".Request.g.cs", StringComparison.Ordinal) && s.SourceText.ToString().Contains("record DallE4Request", StringComparison.Ordinal));
        Assert.Contains(outcome.Sources, s => s.SourceText.ToString().Contains("Style", StringComparison.Ordinal) && s.HintName.Contains("Midjourney", StringComparison.Ordinal));
        Assert.DoesNotContain(outcome.Sources, s => s.HintName.Contains("ReveCreate", StringComparison.Ordinal));
    }

    [Fact]
    public void AnIdenticalCopyBuildsCleanAndReportsNoChange()
    {
        var outcome = NewerDocument.Run(GeneratorHarness.OpenApi, new[] { "public static class U { public static object M() => new Apiframe.MidjourneyRequest(\"p\"); }" });

        Assert.Empty(outcome.CompileDiagnostics);
        Assert.Equal(new[] { "FLUXGEN041", "FLUXGEN043" }, outcome.GeneratorDiagnostics.Select(d => d.Id).Order().ToArray());
        Assert.EndsWith("Models added: —. Removed: —. Changed: —", outcome.GeneratorDiagnostics.Single(d => d.Id == "FLUXGEN043").GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void TwoProjectDocumentsDefiningOneModelStayAnError()
    {
        var outcome = NewerDocument.Run(NewerDocument.Text(), Array.Empty<string>(), more: ("/project/zz-second.json", NewerDocument.Text()));

        var duplicates = outcome.GeneratorDiagnostics.Where(d => d.Id == "FLUXGEN007").ToList();
        Assert.Equal(OpenApiModelTests.DocumentModels + OperationRecordTests.DocumentOperations - 1, duplicates.Count);
        Assert.All(duplicates, d => Assert.Equal("/project/zz-second.json", d.Location.GetLineSpan().Path));
        Assert.All(duplicates, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
    }

    [Fact]
    public void WithoutAProjectDocumentTheBundledOneIsUsedAndNoDriftIsReported()
    {
        var outcome = NewerDocument.Run(null, new[] { "public static class U { public static object M() => new Apiframe.ReveCreateRequest(\"p\"); }" });

        Assert.Empty(outcome.CompileDiagnostics);
        Assert.DoesNotContain(outcome.GeneratorDiagnostics, d => d.Id is "FLUXGEN043" or "FLUXGEN044" or "FLUXGEN007");
    }

    [Theory]
    [InlineData(2048, 1024, true)]
    [InlineData(4096, 4096, false)]
    public async Task AChangedMaximumFlipsAnExistingCallSite(int height, int newMaximum, bool flaggedAfter)
    {
        var code = $$"""
            public static class Site
            {
                public static object Make() => new Apiframe.Flux2ProRequest("p") { FluxParams = new() { Height = {{height}} } };
            }
            """;

        // The bundled document's maximum is 2048: 2048 is valid, 4096 is not.
        var before = await Flux002(NewerDocument.Run(null, new[] { code }));
        var after = await Flux002(NewerDocument.Run(NewerDocument.Text(heightMaximum: newMaximum, addModel: false, removeModel: false, addMember: false), new[] { code }));

        Assert.Equal(!flaggedAfter, before);
        Assert.Equal(flaggedAfter, after);
    }

    [Fact]
    public void AnEditUnrelatedToEitherDocumentRerunsNoStep()
    {
        var (driver, compilation, _) = FirstRun();
        var tree = compilation.SyntaxTrees.First();
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From("public class Unrelated { public int X => 2; }")));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        StepAssert.NothingRerun(result, new[]
        {
            FluxGenGenerator.Steps.Parse, FluxGenGenerator.Steps.Documents, FluxGenGenerator.Steps.Drift, FluxGenGenerator.Steps.RemovedUse,
            FluxGenGenerator.Steps.Claims, FluxGenGenerator.Steps.Model, FluxGenGenerator.Steps.Shared, FluxGenGenerator.Steps.Usage,
        });
    }

    [Fact]
    public void EditingTheProjectsDocumentRedoesTheDriftAndOnlyTheChangedModel()
    {
        var (driver, compilation, project) = FirstRun();

        // 1024 → 1000: the same length, so no other model's positions in the file move (a moved model is redone).
        driver = driver.ReplaceAdditionalText(project, new InMemoryText(project.Path, NewerDocument.Text(heightMaximum: 1000)));

        var run = driver.RunGenerators(compilation).GetRunResult();
        var result = run.Results.Single();

        Assert.Equal(IncrementalStepRunReason.Modified, result.TrackedSteps[FluxGenGenerator.Steps.Drift].Single().Outputs.Single().Reason);
        Assert.Contains("fluxParams.height: maximum 2048 → 1000", run.Diagnostics.Single(d => d.Id == "FLUXGEN043").GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        var models = result.TrackedSteps[FluxGenGenerator.Steps.Model].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(1, models.Count(o => o.Reason == IncrementalStepRunReason.Modified));
    }

    private static (GeneratorDriver Driver, Compilation Compilation, AdditionalText Project) FirstRun()
    {
        var project = new InMemoryText(NewerDocument.ProjectPath, NewerDocument.Text());
        var texts = new AdditionalText[]
        {
            new InMemoryText(NewerDocument.BundledPath, GeneratorHarness.OpenApi),
            new InMemoryText("/schema/flux-1.1-pro.json", GeneratorHarness.FluxSchema),
            project,
        };
        var compilation = GeneratorHarness.Compilation(new[] { "public class Unrelated { public int X => 1; }", Uses, RemovedUse });
        var driver = GeneratorHarness.Driver(texts, bundled: new[] { NewerDocument.BundledPath }).RunGenerators(compilation);
        return (driver, compilation, project);
    }

    private static async Task<bool> Flux002(RunOutcome outcome)
    {
        Assert.Empty(outcome.CompileDiagnostics);
        var diagnostics = await outcome.Output.WithAnalyzers([new SchemaValueAnalyzer()]).GetAnalyzerDiagnosticsAsync();
        return diagnostics.Any(d => d.Id == "FLUX002");
    }
}
