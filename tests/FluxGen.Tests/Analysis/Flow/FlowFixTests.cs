using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static FluxGen.Tests.Analysis.AnalyzerVerifier;

namespace FluxGen.Tests.Analysis.Flow;

/// <summary>A value the flow analysis followed is fixed where it is written: the local's initializer, the branch
/// of the conditional, not the use.</summary>
public class FlowFixTests
{
    private const string Quality = "fluxParams.output_quality";
    private const string QualityRange = "at least 0 and at most 100";

    [Fact]
    public Task The_clamp_goes_on_the_local_initializer() =>
        VerifyFixAsync(
            UserCode.InMethod("int quality = {|#1:120|}; _ = new Flux11ProParams { OutputQuality = {|#0:quality|} };"),
            [Diagnostic(Descriptors.AboveMaximum).WithLocation(0).WithLocation(1).WithArguments(Quality, "120", QualityRange)],
            UserCode.InMethod("int quality = 100; _ = new Flux11ProParams { OutputQuality = quality };"));

    [Fact]
    public Task The_may_warning_is_fixed_on_its_branch() =>
        VerifyFixAsync(
            UserCode.InMethod("_ = new Flux11ProParams { ImagePromptStrength = {|#0:runtime > 0 ? 0.5 : {|#1:0.33|}|} };"),
            [
                Diagnostic(Descriptors.MayBreakSchema).WithLocation(0).WithLocation(1)
                    .WithArguments("0.33", "12", "'fluxParams.image_prompt_strength' must be a multiple of 0.05, but is 0.33", "FLUX003"),
            ],
            UserCode.InMethod("_ = new Flux11ProParams { ImagePromptStrength = runtime > 0 ? 0.5 : 0.35 };"));

    [Fact]
    public Task A_computed_value_is_reported_without_a_fix() =>
        VerifyFixAsync(
            UserCode.InMethod("int half = 60; _ = new Flux11ProParams { OutputQuality = {|#0:half * 2|} };"),
            [Diagnostic(Descriptors.AboveMaximum).WithLocation(0).WithArguments(Quality, "120", QualityRange)],
            UserCode.InMethod("int half = 60; _ = new Flux11ProParams { OutputQuality = {|#0:half * 2|} };"),
            remaining: [Diagnostic(Descriptors.AboveMaximum).WithLocation(0).WithArguments(Quality, "120", QualityRange)]);
}
