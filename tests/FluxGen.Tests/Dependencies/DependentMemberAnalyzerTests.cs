using System.Globalization;
using FluxGen.Analysis.Dependencies;
using FluxGen.Tests.Analysis;
using FluxGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using static FluxGen.Tests.Dependencies.DependentMemberVerifier;

namespace FluxGen.Tests.Dependencies;

/// <summary>FLUX050: a member whose schema <c>dependentRequired</c> needs another, set where the whole object is
/// written in one expression without the member it needs.</summary>
public class DependentMemberAnalyzerTests
{
    [Fact]
    public Task A_strength_without_an_image_prompt_is_flagged_on_the_strength() =>
        VerifyAsync(InMethod("_ = new Flux11ProParams { Seed = 1, {|#0:ImagePromptStrength = 0.35|} };"), Flux050(0));

    [Fact]
    public Task A_nested_initializer_is_a_whole_object_too() =>
        VerifyAsync(InMethod("_ = new Flux11ProRequest(\"p\") { FluxParams = new() { {|#0:ImagePromptStrength = 0.5|} } };"), Flux050(0));

    [Fact]
    public Task An_image_prompt_written_as_null_is_missing() =>
        VerifyAsync(InMethod("_ = new Flux11ProParams { ImagePrompt = null, {|#0:ImagePromptStrength = 0.5|} };"), Flux050(0));

    [Fact]
    public Task Satisfied_or_unset_dependents_are_fine() =>
        VerifyAsync(InMethod("""
            _ = new Flux11ProParams { ImagePrompt = url, ImagePromptStrength = 0.35 };
            _ = new Flux11ProParams { ImagePromptStrength = 0.35, ImagePrompt = "https://example.com/a.png" };
            _ = new Flux11ProParams { ImagePromptStrength = null };
            _ = new Flux11ProParams { ImagePrompt = url };
            _ = new Flux11ProParams();
            """));

    [Fact]
    public Task A_with_on_an_unknown_value_is_flagged_only_when_it_clears_the_needed_member() =>
        VerifyAsync(InMethod("""
            _ = p with { ImagePromptStrength = 0.35 };
            _ = p with { ImagePrompt = null };
            _ = p with { ImagePrompt = null, {|#0:ImagePromptStrength = 0.35|} };
            """), Flux050(0));

    [Fact]
    public Task A_with_on_a_creation_sees_the_whole_object() =>
        VerifyAsync(InMethod("""
            _ = new Flux11ProParams { ImagePrompt = url } with { ImagePromptStrength = 0.5 };
            _ = new Flux11ProParams { ImagePromptStrength = 0.5 } with { ImagePrompt = url };
            _ = new Flux11ProParams() with { {|#0:ImagePromptStrength = 0.5|} };
            """), Flux050(0));

    [Fact]
    public Task The_fix_removes_the_dependent_member() =>
        VerifyFixAsync(
            InMethod("""
                _ = new Flux11ProParams
                        {
                            Seed = 7,
                            {|#0:ImagePromptStrength = 0.5|},
                        };
                        _ = new Flux11ProParams { {|#1:ImagePromptStrength = 0.5|} };
                """),
            [Flux050(0), Flux050(1)],
            InMethod("""
                _ = new Flux11ProParams
                        {
                            Seed = 7,
                        };
                        _ = new Flux11ProParams { };
                """));

    [Fact]
    public async Task Generated_records_in_a_referenced_assembly_carry_the_rule()
    {
        // The rule travels as [SchemaDependentRequired] on the generated member, read from metadata here.
        var library = GeneratorHarness.RunFlux(references: ReferenceSets.Net80);
        Assert.Empty(library.CompileDiagnostics);
        using var image = new MemoryStream();
        Assert.True(library.Output.Emit(image).Success);

        var consumer = CompilationRunner.Compile("App", ["""
            using Apiframe;
            static class Use
            {
                static object Bad() => new Flux11ProRequest("p") { FluxParams = new() { OutputQuality = 90, ImagePromptStrength = 0.5 } };
                static object Good() => new Flux11ProRequest("p") { FluxParams = new() { ImagePrompt = "https://example.com/a.png", ImagePromptStrength = 0.5 } };
            }
            """], [MetadataReference.CreateFromImage(image.ToArray())]);
        var diagnostics = await consumer.WithAnalyzers([new DependentMemberAnalyzer()]).GetAnalyzerDiagnosticsAsync();

        var only = Assert.Single(diagnostics);
        Assert.Equal("FLUX050 'fluxParams.image_prompt_strength' is set, so 'fluxParams.image_prompt' must be set too",
            only.Id + " " + only.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal("ImagePromptStrength = 0.5", only.Location.SourceTree!.GetText().ToString(only.Location.SourceSpan));
    }
}
