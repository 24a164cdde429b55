using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static FluxGen.Tests.Analysis.AnalyzerVerifier;

namespace FluxGen.Tests.Analysis.Flow;

/// <summary>The shapes people write that the constant-only analyzer missed: a local, a conditional, a constructor
/// argument from a local. Each value that can reach the member is judged; the report sits at the use and points at
/// where the value is written.</summary>
public class IssueShapesTests
{
    private const string Quality = "fluxParams.output_quality";
    private const string QualityRange = "at least 0 and at most 100";

    [Fact]
    public Task A_local_whose_only_assignment_is_out_of_range_is_the_error_the_constant_would_be() =>
        VerifyAsync(
            UserCode.InMethod("""
                int quality = {|#1:120|};
                var a = new Flux11ProParams { OutputQuality = {|#0:quality|} };
                """),
            Diagnostic(Descriptors.AboveMaximum).WithLocation(0).WithLocation(1).WithArguments(Quality, "120", QualityRange));

    [Fact]
    public Task A_var_double_local_off_the_range_is_an_error() =>
        VerifyAsync(
            UserCode.InMethod("""
                var strength = {|#1:1.5|};
                var b = new Flux11ProParams { ImagePrompt = "https://example.com/a.png", ImagePromptStrength = {|#0:strength|} };
                """),
            Diagnostic(Descriptors.AboveMaximum).WithLocation(0).WithLocation(1).WithArguments("fluxParams.image_prompt_strength", "1.5", "at least 0 and at most 1"));

    [Fact]
    public Task One_branch_of_a_conditional_out_of_range_is_a_may_warning_naming_the_branch() =>
        VerifyAsync(
            UserCode.InMethod("""
                var c = new Flux11ProParams { OutputQuality = {|#0:runtime > 3 ? 80 : {|#1:150|}|} };
                """),
            Diagnostic(Descriptors.MayBreakSchema).WithLocation(0).WithLocation(1)
                .WithArguments("150", "12", $"'{Quality}' must be {QualityRange}, but is 150", "FLUX002"));

    [Fact]
    public Task An_empty_local_passed_to_a_constructor_is_an_error() =>
        VerifyAsync(
            UserCode.InMethod("""
                string empty = {|#1:""|};
                var g = new Flux11ProRequest({|#0:empty|});
                """),
            Diagnostic(Descriptors.LengthOutOfRange).WithLocation(0).WithLocation(1).WithArguments("prompt", "0", "at least 1 and at most 2000"));

    [Fact]
    public Task A_with_that_clears_the_image_prompt_of_a_local_that_has_a_strength_is_FLUX050() =>
        Dependencies.DependentMemberVerifier.VerifyAsync(
            Dependencies.DependentMemberVerifier.InMethod("""
                var withImage = new Flux11ProParams { ImagePrompt = "https://example.com/a.png", ImagePromptStrength = 0.5 };
                var i = withImage with { ImagePrompt = {|#0:null|} };
                var kept = withImage with { Seed = 3 };
                """),
            Dependencies.DependentMemberVerifier.Flux050(0));
}
