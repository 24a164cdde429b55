using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static FluxGen.Tests.Analysis.AnalyzerVerifier;

namespace FluxGen.Tests.Analysis;

/// <summary>FLUX001 (below minimum), FLUX002 (above maximum) and FLUX003 (off the step) in every position a
/// constant can reach a constrained member.</summary>
public class NumericRuleTests
{
    private const string Quality = "fluxParams.output_quality";
    private const string QualityRange = "at least 0 and at most 100";

    public static TheoryData<string> QualityAbove100 => new()
    {
        // object initializer
        "_ = new Flux11ProParams { OutputQuality = {|#0:101|} };",
        // nested initializer with target-typed new
        "_ = new Flux11ProRequest(\"x\") { FluxParams = new() { OutputQuality = {|#0:101|} } };",
        // with expression
        "_ = p with { OutputQuality = {|#0:101|} };",
        // nested with expression
        "_ = request with { FluxParams = p with { OutputQuality = {|#0:101|} } };",
        // const local
        "const int q = 101; _ = new Flux11ProParams { OutputQuality = {|#0:q|} };",
        // arithmetic of constants
        "_ = new Flux11ProParams { OutputQuality = {|#0:Max + 1|} };",
        // cast folded
        "_ = new Flux11ProParams { OutputQuality = {|#0:(int)101.9|} };",
        // explicit nullable conversion
        "_ = new Flux11ProParams { OutputQuality = {|#0:(int?)101|} };",
        // parenthesised and checked
        "_ = new Flux11ProParams { OutputQuality = {|#0:checked(50 * 2 + 1)|} };",
    };

    [Theory]
    [MemberData(nameof(QualityAbove100))]
    public Task Above_maximum_is_reported_wherever_the_constant_is_written(string statements) =>
        VerifyAsync(UserCode.InMethod(statements), Diagnostic(Descriptors.AboveMaximum).WithLocation(0).WithArguments(Quality, "101", QualityRange));

    [Theory]
    [InlineData("OtherApi.SetQuality({|#0:101|});")]
    [InlineData("OtherApi.SetQuality(quality: {|#0:101|});")]
    [InlineData("OtherApi.SetQuality(note: \"n\", quality: {|#0:101|});")]
    [InlineData("OtherApi.SetQuality({|#0:Max + 1|}, \"n\");")]
    public Task Method_arguments_positional_and_named_are_checked(string statements) =>
        VerifyAsync(UserCode.InMethod(statements), Diagnostic(Descriptors.AboveMaximum).WithLocation(0).WithArguments("other.quality", "101", QualityRange));

    [Fact]
    public Task Plain_assignment_to_a_field_is_checked() =>
        VerifyAsync(
            UserCode.InMethod("o.Level = {|#0:6|}; o.Level = {|#1:-6|};"),
            Diagnostic(Descriptors.AboveMaximum).WithLocation(0).WithArguments("other.level", "6", "at least -5 and at most 5"),
            Diagnostic(Descriptors.BelowMinimum).WithLocation(1).WithArguments("other.level", "-6", "at least -5 and at most 5"));

    [Fact]
    public Task Below_minimum_for_int_and_double() =>
        VerifyAsync(
            UserCode.InMethod("_ = new Flux11ProParams { OutputQuality = {|#0:-1|}, ImagePromptStrength = {|#1:-0.05|} };"),
            Diagnostic(Descriptors.BelowMinimum).WithLocation(0).WithArguments(Quality, "-1", QualityRange),
            Diagnostic(Descriptors.BelowMinimum).WithLocation(1).WithArguments("fluxParams.image_prompt_strength", "-0.05", "at least 0 and at most 1"));

    [Fact]
    public Task Exclusive_bounds_reject_the_bound_itself() =>
        VerifyAsync(
            UserCode.InMethod("o.Count = {|#0:0|}; o.Ratio = {|#1:0|}; o.Ratio = {|#2:1.0|}; o.Count = 10; o.Count = 1; o.Ratio = 0.5; o.Ratio = 1e-300;"),
            Diagnostic(Descriptors.BelowMinimum).WithLocation(0).WithArguments("other.count", "0", "greater than 0 and at most 10"),
            Diagnostic(Descriptors.BelowMinimum).WithLocation(1).WithArguments("other.ratio", "0", "greater than 0 and less than 1"),
            Diagnostic(Descriptors.AboveMaximum).WithLocation(2).WithArguments("other.ratio", "1", "greater than 0 and less than 1"));

    [Fact]
    public Task An_int_constant_converted_to_a_nullable_double_is_checked_as_converted() =>
        VerifyAsync(
            UserCode.InMethod("_ = new Flux11ProParams { ImagePromptStrength = {|#0:2|} };"),
            Diagnostic(Descriptors.AboveMaximum).WithLocation(0).WithArguments("fluxParams.image_prompt_strength", "2", "at least 0 and at most 1"));

    [Theory]
    [InlineData("ImagePromptStrength = {|#0:0.33|}", "0.33")]
    [InlineData("ImagePromptStrength = {|#0:Strength|}", "0.33")]
    [InlineData("ImagePromptStrength = {|#0:0.351|}", "0.351")]
    [InlineData("ImagePromptStrength = {|#0:0.01|}", "0.01")]
    // Folding 0.1 + 0.2 gives the double written 0.30000000000000004: that is what goes on the wire.
    [InlineData("ImagePromptStrength = {|#0:0.1 + 0.2|}", "0.30000000000000004")]
    public Task Off_step_is_reported(string initializer, string value) =>
        VerifyAsync(
            UserCode.InMethod("_ = new Flux11ProParams { " + initializer + " };"),
            Diagnostic(Descriptors.OffStep).WithLocation(0).WithArguments("fluxParams.image_prompt_strength", value, "0.05"));

    [Fact]
    public Task Off_step_method_argument_is_reported() =>
        VerifyAsync(
            UserCode.InMethod("OtherApi.SetStrength({|#0:0.33|}); OtherApi.SetStrength(-0.35); OtherApi.SetStrength(12345.65);"),
            Diagnostic(Descriptors.OffStep).WithLocation(0).WithArguments("other.strength", "0.33", "0.05"));

    [Fact]
    public Task Out_of_range_and_off_step_is_reported_once_as_out_of_range() =>
        VerifyAsync(
            UserCode.InMethod("_ = new Flux11ProParams { ImagePromptStrength = {|#0:1.33|} };"),
            Diagnostic(Descriptors.AboveMaximum).WithLocation(0).WithArguments("fluxParams.image_prompt_strength", "1.33", "at least 0 and at most 1"));

    [Fact]
    public Task Every_decimal_literal_on_the_step_passes()
    {
        // 0, 0.05, ..., 1 written as a person writes them (two decimals at most), each exactly on the step.
        var values = Enumerable.Range(0, 21).Select(i => (i * 5 / 100m).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var statements = string.Join(" ", values.Select(v => $"_ = p with {{ ImagePromptStrength = {v} }};"));
        return VerifyAsync(UserCode.InMethod(statements + " _ = p with { ImagePromptStrength = 0.35 }; _ = p with { ImagePromptStrength = 0.7 }; _ = p with { ImagePromptStrength = 1.0 };"));
    }

    [Fact]
    public Task Edge_values_and_values_on_the_step_are_not_reported() =>
        VerifyAsync(UserCode.InMethod("""
            _ = new Flux11ProParams { OutputQuality = 0, ImagePromptStrength = 0, Seed = long.MaxValue };
            _ = new Flux11ProParams { OutputQuality = 1, ImagePromptStrength = 1 };
            _ = new Flux11ProParams { OutputQuality = 100, ImagePromptStrength = 0.35 };
            _ = new Flux11ProParams { OutputQuality = Max, ImagePromptStrength = 1.0 - 0.5 };
            _ = new Flux11ProParams { OutputQuality = null, ImagePromptStrength = null, Seed = -7 };
            OtherApi.SetQuality(0); OtherApi.SetQuality(100);
            o.Level = -5; o.Level = 5;
            """));

    [Fact]
    public Task Non_constant_values_are_not_reported() =>
        VerifyAsync(UserCode.InMethod("""
            _ = new Flux11ProParams { OutputQuality = runtime, ImagePromptStrength = runtimeReal };
            _ = new Flux11ProParams { OutputQuality = runtime + 1000, ImagePromptStrength = runtimeReal * 7 };
            _ = p with { OutputQuality = int.Parse("500") };
            OtherApi.SetQuality(runtime * 1000);
            o.Level = runtime;
            """));

    [Fact]
    public Task A_default_parameter_value_is_not_reported_at_the_call() =>
        VerifyAsync(UserCode.InMethod("OtherApi.WithDefault();"));
}
