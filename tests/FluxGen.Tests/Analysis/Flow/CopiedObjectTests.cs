using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static FluxGen.Tests.Dependencies.DependentMemberVerifier;

namespace FluxGen.Tests.Analysis.Flow;

/// <summary>FLUX050 across statements: a <c>with</c> on a local is judged against the creations the local can hold.</summary>
public class CopiedObjectTests
{
    [Fact]
    public Task A_with_that_sets_a_strength_on_a_copy_without_an_image_prompt_is_flagged_on_the_strength() =>
        VerifyAsync(InMethod("""
            var bare = new Flux11ProParams { Seed = 1 };
            _ = bare with { {|#0:ImagePromptStrength = 0.5|} };
            var withImage = new Flux11ProParams { ImagePrompt = url };
            _ = withImage with { ImagePromptStrength = 0.5 };
            """), Flux050(0));

    [Fact]
    public Task One_of_two_creations_broken_by_the_with_is_a_may_warning_naming_its_assignment() =>
        VerifyAsync(
            InMethod("""
                Flux11ProParams source = new() { ImagePrompt = url };
                if (url.Length > 10)
                    source = new Flux11ProParams { ImagePrompt = url, ImagePromptStrength = 0.5 };
                _ = source with { ImagePrompt = {|#0:null|} };
                """),
            new DiagnosticResult(Descriptors.MayBreakSchema).WithLocation(0).WithArguments(
                "source = new Flux11ProParams { ImagePrompt = url, ImagePromptStrength = 0.5 }",
                "9",
                "'fluxParams.image_prompt_strength' is set, so 'fluxParams.image_prompt' must be set too",
                "FLUX050"));

    [Fact]
    public Task A_copy_of_a_parameter_or_a_creation_changed_in_a_loop_is_not_known() =>
        VerifyAsync(InMethod("""
            var copy = p;
            _ = copy with { ImagePrompt = null };
            var looped = new Flux11ProParams { ImagePrompt = url };
            for (var n = 0; n < 3; n++)
                looped = new Flux11ProParams { ImagePrompt = url, ImagePromptStrength = 0.5 };
            _ = looped with { ImagePrompt = null };
            """));

    [Fact]
    public Task A_with_whose_source_is_tested_on_the_way_is_not_judged() =>
        VerifyAsync(InMethod("""
            var source = new Flux11ProParams { ImagePrompt = url, ImagePromptStrength = 0.5 };
            if (source.ImagePromptStrength is null)
                _ = source with { ImagePrompt = null };
            """));
}
