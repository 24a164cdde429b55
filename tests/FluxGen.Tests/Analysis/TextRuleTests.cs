using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static FluxGen.Tests.Analysis.AnalyzerVerifier;

namespace FluxGen.Tests.Analysis;

/// <summary>FLUX004 (unknown string), FLUX005 (undefined enum), FLUX006 (length) and FLUX007 (URI).</summary>
public class TextRuleTests
{
    [Theory]
    [InlineData("o.Style = {|#0:\"vivd\"|};", "\"vivd\"")]
    [InlineData("o.Style = {|#0:\"Vivid\"|};", "\"Vivid\"")]
    [InlineData("o.Style = {|#0:\"\"|};", "\"\"")]
    [InlineData("const string s = \"viv\" + \"ide\"; o.Style = {|#0:s|};", "\"vivide\"")]
    [InlineData("_ = new OtherParams { Style = {|#0:\"flat\"|} };", "\"flat\"")]
    public Task String_outside_the_allowed_values_is_reported(string statements, string shown) =>
        VerifyAsync(UserCode.InMethod(statements), Diagnostic(Descriptors.UnknownString).WithLocation(0).WithArguments("other.style", shown, "\"vivid\", \"natural\""));

    [Fact]
    public Task Allowed_strings_null_and_runtime_strings_are_not_reported() =>
        VerifyAsync(UserCode.InMethod("o.Style = \"vivid\"; o.Style = \"natural\"; o.Style = null; o.Style = runtimeText; o.Style = string.Empty;"));

    [Theory]
    [InlineData("_ = new Flux11ProParams { OutputFormat = {|#0:(Flux11ProOutputFormat)7|} };", "(Flux11ProOutputFormat)7")]
    [InlineData("_ = p with { OutputFormat = {|#0:(Flux11ProOutputFormat)(-1)|} };", "(Flux11ProOutputFormat)-1")]
    [InlineData("_ = p with { OutputFormat = {|#0:(Flux11ProOutputFormat?)3|} };", "(Flux11ProOutputFormat)3")]
    [InlineData("_ = p with { OutputFormat = {|#0:Flux11ProOutputFormat.Webp + 1|} };", "(Flux11ProOutputFormat)3")]
    public Task Enum_value_outside_the_defined_set_is_reported(string statements, string shown) =>
        VerifyAsync(
            UserCode.InMethod(statements),
            Diagnostic(Descriptors.UndefinedEnum).WithLocation(0).WithArguments("fluxParams.output_format", shown, "Flux11ProOutputFormat.Jpg, Flux11ProOutputFormat.Png, Flux11ProOutputFormat.Webp"));

    [Fact]
    public Task Defined_enum_values_are_not_reported() =>
        VerifyAsync(UserCode.InMethod("""
            _ = new Flux11ProParams { OutputFormat = Flux11ProOutputFormat.Png, AspectRatio = Flux11ProAspectRatio.Ratio16x9 };
            _ = p with { OutputFormat = (Flux11ProOutputFormat)2, AspectRatio = 0 };
            _ = p with { OutputFormat = null };
            """));

    [Theory]
    [InlineData("_ = new Flux11ProRequest({|#0:\"\"|});")]
    [InlineData("_ = request with { Prompt = {|#0:\"\"|} };")]
    [InlineData("_ = new Flux11ProRequest(\"ok\") { Prompt = {|#0:\"\"|} };")]
    [InlineData("_ = new Flux11ProRequest(prompt: {|#0:\"\"|});")]
    [InlineData("const string empty = \"\"; _ = new Flux11ProRequest({|#0:empty|});")]
    public Task Empty_prompt_is_reported(string statements) =>
        VerifyAsync(UserCode.InMethod(statements), Diagnostic(Descriptors.LengthOutOfRange).WithLocation(0).WithArguments("prompt", "0", "at least 1 and at most 2000"));

    [Fact]
    public Task Prompt_longer_than_2000_code_points_is_reported_and_surrogate_pairs_count_once()
    {
        var tooLong = new string('a', 2001);
        var emoji = string.Concat(Enumerable.Repeat("\\U0001F308", 2000)); // 2000 code points, 4000 UTF-16 units
        return VerifyAsync(
            UserCode.InMethod($"_ = new Flux11ProRequest({{|#0:\"{tooLong}\"|}}); _ = new Flux11ProRequest(\"{emoji}\"); _ = new Flux11ProRequest(\"{new string('b', 2000)}\"); _ = new Flux11ProRequest(\"a\");"),
            Diagnostic(Descriptors.LengthOutOfRange).WithLocation(0).WithArguments("prompt", "2001", "at least 1 and at most 2000"));
    }

    [Theory]
    [InlineData("ftp://example.com/a.png")]
    [InlineData("example.com/hook")]
    [InlineData("/relative/path")]
    [InlineData("https://exa mple.com")]
    [InlineData("")]
    [InlineData("mailto:me@example.com")]
    public Task Non_http_uri_is_reported(string text) =>
        VerifyAsync(
            UserCode.InMethod($"_ = new Flux11ProRequest(\"x\") {{ WebhookUrl = {{|#0:\"{text}\"|}} }};"),
            Diagnostic(Descriptors.NotHttpUri).WithLocation(0).WithArguments("webhookUrl", "\"" + text + "\""));

    [Fact]
    public Task Uri_in_a_nested_initializer_is_reported() =>
        VerifyAsync(
            UserCode.InMethod("_ = request with { FluxParams = new() { ImagePrompt = {|#0:\"img.png\"|} } };"),
            Diagnostic(Descriptors.NotHttpUri).WithLocation(0).WithArguments("fluxParams.image_prompt", "\"img.png\""));

    [Fact]
    public Task Http_and_https_uris_are_not_reported() =>
        VerifyAsync(UserCode.InMethod("""
            _ = new Flux11ProRequest("x") { WebhookUrl = "https://example.com/hooks/flux?x=1" };
            _ = request with { WebhookUrl = "http://localhost:8080/cb", FluxParams = new() { ImagePrompt = "HTTPS://cdn.example.com/a.png" } };
            _ = request with { WebhookUrl = null };
            _ = request with { WebhookUrl = runtimeText };
            """));
}
