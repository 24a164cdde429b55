using FluxGen.Tests.Analysis;
using FluxGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace FluxGen.Tests.Generator;

/// <summary>
/// FluxGen in a project graph: what a project emits depends on what its references already provide. Each project
/// is compiled with the generator and emitted to an assembly that the next one references.
/// </summary>
public class ProjectGraphTests
{
    private static readonly Dictionary<string, string> LibImages = new() { ["build_property.FluxGenNamespace"] = "Lib.Images" };

    private const string LibPosters = """
        namespace Lib.Images;

        public static class Posters
        {
            public static Flux11ProRequest Poster(string prompt) => new(prompt) { FluxParams = new() { AspectRatio = Flux11ProAspectRatio.Ratio16x9 } };
        }
        """;

    [Fact]
    public void A_project_without_FluxGen_references_gets_the_runtime_the_model_and_the_markers()
    {
        var lib = ProjectBuilder.Build("Lib", [ProjectBuilder.Flux]);

        Assert.Contains("FluxGen.Client.ApiframeClient.g.cs", lib.HintNames);
        Assert.Contains("Flux11Pro.Request.g.cs", lib.HintNames);
        Assert.Contains("Shared.WebhookEvent.g.cs", lib.HintNames);
        var markers = string.Concat(lib.Outcome.Sources.Where(s => s.HintName.StartsWith("FluxGen.Markers.", StringComparison.Ordinal)).Select(s => s.SourceText.ToString()));
        Assert.Contains($"[assembly: global::Apiframe.Generation.FluxGenRuntime(\"{FluxGenGenerator.Version}\")]", markers);
        Assert.Contains($"[assembly: global::Apiframe.Generation.FluxGenModel(\"flux-1.1-pro\", \"{FluxGenGenerator.Version}\")]", markers);
        Assert.Contains($"[assembly: global::Apiframe.Generation.FluxGenSharedType(\"Apiframe.WebhookEvent\", \"{FluxGenGenerator.Version}\")]", markers);
    }

    [Fact]
    public void App_uses_the_runtime_and_model_of_Lib_and_submits_Libs_request_and_its_own_through_one_client()
    {
        var lib = ProjectBuilder.Build("Lib", [ProjectBuilder.Flux], [LibPosters], options: LibImages);

        const string Program = """
            using Apiframe;
            using Lib.Images;

            public static class Submit
            {
                public static async System.Threading.Tasks.Task Both(ApiframeClient client)
                {
                    await client.SubmitAsync(Posters.Poster("a poster"));
                    await client.SubmitAsync(new FluxDevRequest("its own") { WebhookEvents = [Apiframe.WebhookEvent.Completed] });
                    await client.SubmitAsync(new Flux11ProRequest("the same model") { WebhookEvents = [Lib.Images.WebhookEvent.Failed] });
                }
            }
            """;
        var app = ProjectBuilder.Build("App", [ProjectBuilder.Flux, ProjectBuilder.Model("flux-dev")], [Program], [lib.Reference]);

        // No runtime and no flux-1.1-pro types of its own (CS0436 and CS1503 would follow); its own model and, in its
        // own namespace, the shared enum that model needs.
        Assert.DoesNotContain(app.HintNames, h => h.StartsWith("FluxGen.Client.", StringComparison.Ordinal));
        Assert.DoesNotContain(app.HintNames, h => h.StartsWith("Flux11Pro.", StringComparison.Ordinal));
        Assert.DoesNotContain(RuntimeOutput.RuntimeMarkerHint, app.HintNames);
        Assert.Contains("FluxDev.Request.g.cs", app.HintNames);
        Assert.Contains("Shared.WebhookEvent.g.cs", app.HintNames);
        Assert.Contains("FluxGen.Markers.Model.FluxDev.g.cs", app.HintNames);
        Assert.Empty(app.GeneratorDiagnostics);
    }

    [Fact]
    public void A_chain_and_a_diamond_have_every_type_once()
    {
        // Core <- Lib <- App and Core <- Other <- App; MSBuild passes Core to App too (transitive reference).
        var core = ProjectBuilder.Build("Core", [ProjectBuilder.Flux]);
        var lib = ProjectBuilder.Build("Lib", [ProjectBuilder.Flux, ProjectBuilder.Model("flux-dev")], references: [core.Reference]);
        var other = ProjectBuilder.Build("Other", [ProjectBuilder.Flux], references: [core.Reference]);

        const string Program = """
            using Apiframe;

            public static class Use
            {
                public static System.Threading.Tasks.Task<ApiframeSubmission> Pro(ApiframeClient client) =>
                    client.SubmitAsync(new Flux11ProRequest("core") { WebhookEvents = [WebhookEvent.Completed] });

                public static System.Threading.Tasks.Task<ApiframeSubmission> Dev(ApiframeClient client) =>
                    client.SubmitAsync(new FluxDevRequest("lib") { WebhookEvents = [WebhookEvent.Failed] });
            }
            """;
        var app = ProjectBuilder.Build("App", [ProjectBuilder.Flux, ProjectBuilder.Model("flux-dev")], [Program], [lib.Reference, other.Reference, core.Reference]);

        Assert.Contains("FluxDev.Request.g.cs", lib.HintNames);
        Assert.DoesNotContain("Shared.WebhookEvent.g.cs", lib.HintNames); // Core's Apiframe.WebhookEvent serves FluxDev too
        Assert.DoesNotContain(lib.HintNames, h => h.StartsWith("FluxGen.Client.", StringComparison.Ordinal) || h.StartsWith("Flux11Pro.", StringComparison.Ordinal));
        Assert.Empty(other.HintNames);
        Assert.Empty(app.HintNames);
    }

    [Fact]
    public void A_project_reference_in_the_IDE_is_read_the_same_way()
    {
        // The IDE hands a referenced project over as a compilation rather than a file.
        var lib = ProjectBuilder.Build("Lib", [ProjectBuilder.Flux]);
        var app = ProjectBuilder.Build("App", [ProjectBuilder.Flux], ["public static class Use { public static object Make() => new Apiframe.Flux11ProRequest(\"p\"); }"], [lib.Outcome.Output.ToMetadataReference()]);

        Assert.Empty(app.HintNames);
    }

    [Fact]
    public void A_reference_made_by_another_FluxGen_version_is_a_warning_naming_it_and_its_runtime_is_used()
    {
        var old = Skewed(ProjectBuilder.Run("Legacy", [ProjectBuilder.Flux]), "0.0.9");

        var app = ProjectBuilder.Run("App", [ProjectBuilder.Flux], ["public static class Use { public static object Make(Apiframe.ApiframeClient c) => c.SubmitAsync(new Apiframe.Flux11ProRequest(\"p\")); }"], [old]);

        var warning = Assert.Single(app.GeneratorDiagnostics);
        Assert.Equal("FLUXGEN020", warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(
            $"Referenced assembly 'Legacy' was generated by FluxGen 0.0.9, but this project uses FluxGen {FluxGenGenerator.Version}; its runtime and models are used as they are. Use one FluxGen version in every project.",
            warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(app.Sources);
        Assert.Empty(app.CompileDiagnostics);
    }

    [Fact]
    public void The_same_version_gives_no_warning()
    {
        var lib = ProjectBuilder.Build("Lib", [ProjectBuilder.Flux]);
        var app = ProjectBuilder.Run("App", [ProjectBuilder.Flux], references: [lib.Reference]);

        Assert.Empty(app.GeneratorDiagnostics);
    }

    [Fact]
    public async Task The_analyzer_checks_constants_on_types_a_reference_provides()
    {
        var lib = ProjectBuilder.Build("Lib", [ProjectBuilder.Flux], options: LibImages);
        const string Program = """
            using Lib.Images;

            public static class Use
            {
                public static object Quality() => new Flux11ProRequest("p") { FluxParams = new() { OutputQuality = 101 } };
                public static object Prompt() => new Flux11ProRequest("");
            }
            """;
        var app = ProjectBuilder.Run("App", [ProjectBuilder.Flux], [Program], [lib.Reference]);
        Assert.Empty(app.Sources);

        var diagnostics = await CompilationRunner.AnalyzeAsync(app.Output);

        Assert.Equal(["FLUX002", "FLUX006"], diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.Id));
    }

    /// <summary>A referenced assembly made by another FluxGen version: the same output with every marker's version
    /// rewritten, as an older or newer FluxGen would have written it.</summary>
    private static MetadataReference Skewed(RunOutcome library, string version)
    {
        var output = library.Output;
        foreach (var tree in output.SyntaxTrees.Where(t => t.FilePath.Contains("FluxGen.Markers.", StringComparison.Ordinal)).ToList())
        {
            var text = tree.GetText().ToString().Replace($"\"{FluxGenGenerator.Version}\"", $"\"{version}\"", StringComparison.Ordinal);
            output = output.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(text)));
        }

        Assert.Contains(output.SyntaxTrees, t => t.ToString().Contains($"FluxGenRuntime(\"{version}\")", StringComparison.Ordinal));
        using var image = new MemoryStream();
        Assert.True(output.Emit(image).Success);
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
