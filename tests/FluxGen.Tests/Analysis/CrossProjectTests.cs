using Xunit;

namespace FluxGen.Tests.Analysis;

/// <summary>Records in a referenced assembly: constraints are read from metadata.</summary>
public class CrossProjectTests
{
    private const string Consumer = """
        using Apiframe;

        static class Use
        {
            static object Quality() => new Flux11ProParams { OutputQuality = 101 };
            static object Strength(Flux11ProParams p) => p with { ImagePromptStrength = 0.33 };
            static object Prompt() => new Flux11ProRequest("");
            static object Fine() => new Flux11ProParams { OutputQuality = 100, ImagePromptStrength = 0.35 };
        }
        """;

    [Fact]
    public async Task Records_compiled_into_a_referenced_assembly_are_still_checked()
    {
        var consumer = CompilationRunner.Compile("Consumer", [Consumer], [CompilationRunner.FixtureLibrary()]);

        var diagnostics = await CompilationRunner.AnalyzeAsync(consumer);

        Assert.Equal(
            [
                "FLUX002 'fluxParams.output_quality' must be at least 0 and at most 100, but is 101",
                "FLUX003 'fluxParams.image_prompt_strength' must be a multiple of 0.05, but is 0.33",
                "FLUX006 'prompt' must be at least 1 and at most 2000 characters long, but has 0",
            ],
            diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.Id + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task A_consumer_with_its_own_copy_of_the_attributes_still_recognises_the_referenced_ones()
    {
        // FluxGen emits the attributes into every project that uses it, so a consumer of another FluxGen project
        // sees two types of each name.
        var sources = Fixtures.ConstraintSources.Select(s => s.Source).Append(Consumer);
        var consumer = CompilationRunner.Compile("Consumer", sources, [CompilationRunner.FixtureLibrary()]);

        var diagnostics = await CompilationRunner.AnalyzeAsync(consumer);

        Assert.Equal(["FLUX002", "FLUX003", "FLUX006"], diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.Id));
    }
}

/// <summary>The same, with the records as FluxGen really generates them: a library compiled with the generator, a
/// consumer that only references the library's assembly.</summary>
public class GeneratedCrossProjectTests
{
    [Fact]
    public async Task Records_generated_in_one_compilation_are_checked_in_another()
    {
        var library = FluxGen.Tests.Infrastructure.GeneratorHarness.RunFlux(references: FluxGen.Tests.Infrastructure.ReferenceSets.Net80);
        Assert.Empty(library.CompileDiagnostics);
        using var image = new MemoryStream();
        Assert.True(library.Output.Emit(image).Success);
        var reference = Microsoft.CodeAnalysis.MetadataReference.CreateFromImage(image.ToArray());

        const string Consumer = """
            using Apiframe;

            static class Use
            {
                static object Quality() => new Flux11ProRequest("p") { FluxParams = new() { OutputQuality = 101 } };
                static object Format() => new Flux11ProParams { OutputFormat = (Flux11ProOutputFormat)7 };
                static object Hook(Flux11ProRequest r) => r with { WebhookUrl = "example.com/hook", WebhookEvents = [] };
                static object Fine() => new Flux11ProRequest("p") { FluxParams = new() { OutputQuality = 100, ImagePromptStrength = 0.95 } };
            }
            """;
        var consumer = CompilationRunner.Compile("App", [Consumer], [reference]);

        var diagnostics = await CompilationRunner.AnalyzeAsync(consumer);

        Assert.Equal(["FLUX002", "FLUX005", "FLUX007", "FLUX008"], diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.Id));
    }
}
