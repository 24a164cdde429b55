using FluxGen.Analysis;
using FluxGen.Tests.Analysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static FluxGen.Tests.Analysis.AnalyzerVerifier;

namespace FluxGen.Tests.CodeFixes;

/// <summary>Clamp, snap and closest-value fixes, one at a time and through Fix All (the harness runs Fix All in
/// document, project and solution scope whenever a test has more than one diagnostic).</summary>
public class SchemaValueCodeFixTests
{
    private const string Quality = "fluxParams.output_quality";
    private const string Strength = "fluxParams.image_prompt_strength";

    [Theory]
    [InlineData("OutputQuality = {|#0:101|}", "OutputQuality = 100", "101")]
    [InlineData("OutputQuality = {|#0:Max * 5|}", "OutputQuality = 100", "500")]
    [InlineData("OutputQuality = {|#0:(int?)250|}", "OutputQuality = 100", "250")]
    public Task Above_maximum_int_clamps_to_an_int_literal(string before, string after, string shown) =>
        VerifyFixAsync(
            UserCode.InMethod("_ = new Flux11ProParams { " + before + " };"),
            [Diagnostic(Descriptors.AboveMaximum).WithLocation(0).WithArguments(Quality, shown, "at least 0 and at most 100")],
            UserCode.InMethod("_ = new Flux11ProParams { " + after + " };"));

    [Fact]
    public Task Below_minimum_clamps_and_a_double_gets_a_double_literal() =>
        VerifyFixAsync(
            UserCode.InMethod("_ = new Flux11ProParams { OutputQuality = {|#0:-3|}, ImagePromptStrength = {|#1:-0.5|} }; _ = p with { ImagePromptStrength = {|#2:1.5|} };"),
            [
                Diagnostic(Descriptors.BelowMinimum).WithLocation(0).WithArguments(Quality, "-3", "at least 0 and at most 100"),
                Diagnostic(Descriptors.BelowMinimum).WithLocation(1).WithArguments(Strength, "-0.5", "at least 0 and at most 1"),
                Diagnostic(Descriptors.AboveMaximum).WithLocation(2).WithArguments(Strength, "1.5", "at least 0 and at most 1"),
            ],
            UserCode.InMethod("_ = new Flux11ProParams { OutputQuality = 0, ImagePromptStrength = 0.0 }; _ = p with { ImagePromptStrength = 1.0 };"));

    [Fact]
    public Task Exclusive_minimum_on_an_int_clamps_to_the_next_integer_and_method_arguments_are_fixed() =>
        VerifyFixAsync(
            UserCode.InMethod("o.Count = {|#0:0|}; o.Count = {|#1:-4|}; OtherApi.SetQuality(quality: {|#2:101|});"),
            [
                Diagnostic(Descriptors.BelowMinimum).WithLocation(0).WithArguments("other.count", "0", "greater than 0 and at most 10"),
                Diagnostic(Descriptors.BelowMinimum).WithLocation(1).WithArguments("other.count", "-4", "greater than 0 and at most 10"),
                Diagnostic(Descriptors.AboveMaximum).WithLocation(2).WithArguments("other.quality", "101", "at least 0 and at most 100"),
            ],
            UserCode.InMethod("o.Count = 1; o.Count = 1; OtherApi.SetQuality(quality: 100);"));

    [Theory]
    [InlineData("0.33", "0.35")]
    [InlineData("0.32", "0.3")]
    [InlineData("0.974", "0.95")]
    [InlineData("0.99", "1.0")]
    [InlineData("0.01", "0.0")]
    [InlineData("0.1 + 0.2", "0.3")]
    public Task Off_step_snaps_to_the_nearest_step(string before, string after) =>
        VerifyFixAsync(
            UserCode.InMethod("_ = new Flux11ProParams { ImagePromptStrength = {|#0:" + before + "|} };"),
            [Diagnostic(Descriptors.OffStep).WithLocation(0).WithArguments(Strength, before == "0.1 + 0.2" ? "0.30000000000000004" : before, "0.05")],
            UserCode.InMethod("_ = new Flux11ProParams { ImagePromptStrength = " + after + " };"));

    [Fact]
    public Task Snap_fixes_all_off_step_values_and_leaves_other_kinds_alone() =>
        VerifyFixAsync(
            UserCode.InMethod("_ = p with { ImagePromptStrength = {|#0:0.33|} }; OtherApi.SetStrength({|#1:0.12|}); _ = p with { OutputQuality = {|#2:101|} };"),
            [
                Diagnostic(Descriptors.OffStep).WithLocation(0).WithArguments(Strength, "0.33", "0.05"),
                Diagnostic(Descriptors.OffStep).WithLocation(1).WithArguments("other.strength", "0.12", "0.05"),
                Diagnostic(Descriptors.AboveMaximum).WithLocation(2).WithArguments(Quality, "101", "at least 0 and at most 100"),
            ],
            UserCode.InMethod("_ = p with { ImagePromptStrength = 0.35 }; OtherApi.SetStrength(0.1); _ = p with { OutputQuality = {|#2:101|} };"),
            equivalenceKey: FixProperties.Snap,
            remaining: [Diagnostic(Descriptors.AboveMaximum).WithLocation(2).WithArguments(Quality, "101", "at least 0 and at most 100")]);

    [Fact]
    public Task Unknown_string_becomes_the_closest_allowed_value() =>
        VerifyFixAsync(
            UserCode.InMethod("o.Style = {|#0:\"vivd\"|}; o.Style = {|#1:\"Natural\"|}; _ = new OtherParams { Style = {|#2:\"naturel\"|} };"),
            [
                Diagnostic(Descriptors.UnknownString).WithLocation(0).WithArguments("other.style", "\"vivd\"", "\"vivid\", \"natural\""),
                Diagnostic(Descriptors.UnknownString).WithLocation(1).WithArguments("other.style", "\"Natural\"", "\"vivid\", \"natural\""),
                Diagnostic(Descriptors.UnknownString).WithLocation(2).WithArguments("other.style", "\"naturel\"", "\"vivid\", \"natural\""),
            ],
            UserCode.InMethod("o.Style = \"vivid\"; o.Style = \"natural\"; _ = new OtherParams { Style = \"natural\" };"));

    [Fact]
    public Task Fix_all_reaches_every_document_of_the_project() =>
        VerifyFixAsync(
            [
                UserCode.InMethod("_ = new Flux11ProParams { OutputQuality = {|#0:101|} }; _ = p with { OutputQuality = {|#1:-1|} };"),
                "using Apiframe; static class Second { static object M() => new Flux11ProParams { OutputQuality = {|#2:1000|} }; }",
            ],
            [
                Diagnostic(Descriptors.AboveMaximum).WithLocation(0).WithArguments(Quality, "101", "at least 0 and at most 100"),
                Diagnostic(Descriptors.BelowMinimum).WithLocation(1).WithArguments(Quality, "-1", "at least 0 and at most 100"),
                Diagnostic(Descriptors.AboveMaximum).WithLocation(2).WithArguments(Quality, "1000", "at least 0 and at most 100"),
            ],
            [
                UserCode.InMethod("_ = new Flux11ProParams { OutputQuality = 100 }; _ = p with { OutputQuality = 0 };"),
                "using Apiframe; static class Second { static object M() => new Flux11ProParams { OutputQuality = 100 }; }",
            ],
            FixProperties.Clamp);

    [Theory]
    [InlineData("example.com/hook")]
    [InlineData("example.com:8443/hook?x=1")]
    public Task A_url_without_its_scheme_gets_https(string text) =>
        VerifyFixAsync(
            UserCode.InMethod($"_ = new Flux11ProRequest(\"x\") {{ WebhookUrl = {{|#0:\"{text}\"|}} }};"),
            [Diagnostic(Descriptors.NotHttpUri).WithLocation(0).WithArguments("webhookUrl", "\"" + text + "\"")],
            UserCode.InMethod($"_ = new Flux11ProRequest(\"x\") {{ WebhookUrl = \"https://{text}\" }};"));

    [Theory]
    [InlineData("ftp://example.com/a.png")]
    [InlineData("mailto:me@example.com")]
    [InlineData("me@example.com")]
    [InlineData("https://exa mple.com")]
    [InlineData("/relative/path")]
    [InlineData("")]
    public Task A_url_that_https_would_not_make_valid_gets_no_fix(string text)
    {
        var code = UserCode.InMethod($"_ = new Flux11ProRequest(\"x\") {{ WebhookUrl = {{|#0:\"{text}\"|}} }};");
        var reported = Diagnostic(Descriptors.NotHttpUri).WithLocation(0).WithArguments("webhookUrl", "\"" + text + "\"");
        return VerifyFixAsync(code, [reported], code, remaining: [reported]);
    }
}
