using FluxGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FluxGen.Tests.Generator;

/// <summary>The pipeline is incremental: unrelated edits rerun nothing, and a schema edit reruns only its own model.</summary>
public class CachingTests
{
    private static readonly string[] TrackedSteps =
    {
        FluxGenGenerator.Steps.Parse, FluxGenGenerator.Steps.Options, FluxGenGenerator.Steps.Claims,
        FluxGenGenerator.Steps.Model, FluxGenGenerator.Steps.Shared, FluxGenGenerator.Steps.References,
    };

    [Fact]
    public void AnUnrelatedCSharpEditLeavesEveryStepCachedOrUnchanged()
    {
        var (driver, compilation) = FirstRun(out _, out _);
        var tree = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From("public class Unrelated { public int X => 2; }")));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        StepAssert.NothingRerun(result, TrackedSteps);
    }

    [Fact]
    public void EditingOneOfTwoSchemasRerunsOnlyThatModel()
    {
        var (driver, compilation) = FirstRun(out var flux, out var ultra);
        var editedUltra = new InMemoryText(ultra.Path, ultra.GetText()!.ToString().Replace("Parameters specific to Flux 1.1 Pro.", "Ultra parameters."));
        driver = driver.ReplaceAdditionalText(ultra, editedUltra);

        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        var models = result.TrackedSteps[FluxGenGenerator.Steps.Model].ToList();
        var modified = models.SelectMany(s => s.Outputs).Count(o => o.Reason == IncrementalStepRunReason.Modified);
        var untouched = models.SelectMany(s => s.Outputs).Count(o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        Assert.Equal(1, modified);
        Assert.Equal(1, untouched);

        // The shared enum and the id claims did not change, so their outputs are not redone either.
        Assert.All(result.TrackedSteps[FluxGenGenerator.Steps.Claims].SelectMany(s => s.Outputs), o => Assert.NotEqual(IncrementalStepRunReason.Modified, o.Reason));
        Assert.All(result.TrackedSteps[FluxGenGenerator.Steps.Shared].SelectMany(s => s.Outputs), o => Assert.NotEqual(IncrementalStepRunReason.Modified, o.Reason));

        var ultraSource = result.GeneratedSources.Single(s => s.HintName == "Flux11ProUltra.Params.g.cs").SourceText.ToString();
        Assert.Contains("Ultra parameters.", ultraSource);
    }

    [Fact]
    public void With_a_FluxGen_reference_an_unrelated_edit_still_reruns_nothing_and_a_new_reference_reruns_the_check()
    {
        var lib = ProjectBuilder.Build("Lib", [ProjectBuilder.Flux]);
        var compilation = GeneratorHarness.Compilation(["public class Unrelated { public int X => 1; }"], ReferenceSets.Net80.Add(lib.Reference));
        var driver = GeneratorHarness.Driver([new InMemoryText("/schema/flux-1.1-pro.json", GeneratorHarness.FluxSchema)]).RunGenerators(compilation);
        Assert.Empty(driver.GetRunResult().GeneratedTrees);

        var tree = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From("public class Unrelated { public int X => 2; }")));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();
        Assert.All(TrackedSteps.SelectMany(step => result.TrackedSteps[step]).SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));

        // Dropping the reference changes what the references provide: the check reruns and the runtime comes back.
        var withoutLib = edited.RemoveReferences(lib.Reference);
        var rerun = driver.RunGenerators(withoutLib).GetRunResult().Results.Single();
        Assert.Contains(rerun.TrackedSteps[FluxGenGenerator.Steps.References].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(rerun.GeneratedSources, s => s.HintName == "FluxGen.Client.ApiframeClient.g.cs");
    }

    private static (GeneratorDriver Driver, Compilation Compilation) FirstRun(out AdditionalText flux, out AdditionalText ultra)
    {
        flux = new InMemoryText("/schema/flux-1.1-pro.json", GeneratorHarness.FluxSchema);
        ultra = new InMemoryText("/schema/flux-1.1-pro-ultra.json", GeneratorHarness.FluxSchema
            .Replace("\"model\": \"flux-1.1-pro\"", "\"model\": \"flux-1.1-pro-ultra\"")
            .Replace("\"const\": \"flux-1.1-pro\"", "\"const\": \"flux-1.1-pro-ultra\""));
        var compilation = GeneratorHarness.Compilation(new[] { "public class Unrelated { public int X => 1; }" });
        var driver = GeneratorHarness.Driver(new[] { flux, ultra }).RunGenerators(compilation);
        return (driver, compilation);
    }
}
