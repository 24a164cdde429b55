using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static FluxGen.Tests.Analysis.AnalyzerVerifier;

namespace FluxGen.Tests.Analysis;

/// <summary>
/// Constants that <c>Validate()</c> rejects and <c>ToJson()</c> throws on are flagged as you type too (issue 10):
/// lone surrogates (FLUX020), NaN and infinities (FLUX021), undefined enum values inside collections (FLUX005).
/// </summary>
public class OneVerdictRuleTests
{
    [Theory]
    [InlineData("_ = new Flux11ProRequest({|#0:\"a\\uD800b\"|});", "prompt", "\"a\\ud800b\"", "1")]
    [InlineData("_ = request with { WebhookUrl = {|#0:\"\\uDC00\"|} };", "webhookUrl", "\"\\udc00\"", "0")]
    [InlineData("_ = p with { ImagePrompt = {|#0:\"https://x.com/\\uD83D\"|} };", "fluxParams.image_prompt", "\"https://x.com/\\ud83d\"", "14")]
    public Task Lone_surrogate_is_reported(string statements, string path, string shown, string index) =>
        VerifyAsync(UserCode.InMethod(statements), Diagnostic(Descriptors.LoneSurrogate).WithLocation(0).WithArguments(path, shown, index));

    [Fact]
    public Task Surrogate_pairs_are_not_reported() =>
        VerifyAsync(UserCode.InMethod("_ = new Flux11ProRequest(\"rainbow \\uD83C\\uDF08\"); _ = new Flux11ProRequest(\"\\U0001F308\");"));

    [Theory]
    [InlineData("_ = p with { ImagePromptStrength = {|#0:double.NaN|} };", "NaN")]
    [InlineData("_ = p with { ImagePromptStrength = {|#0:double.PositiveInfinity|} };", "+Infinity")]
    [InlineData("_ = p with { ImagePromptStrength = {|#0:1.0 / 0|} };", "+Infinity")]
    [InlineData("_ = p with { ImagePromptStrength = {|#0:-1.0 / 0|} };", "-Infinity")]
    [InlineData("_ = new Flux11ProParams { ImagePromptStrength = {|#0:0.0 / 0.0|} };", "NaN")]
    [InlineData("const double Inf = 1e308 * 10; _ = p with { ImagePromptStrength = {|#0:Inf|} };", "+Infinity")]
    public Task Non_finite_number_is_reported(string statements, string shown) =>
        VerifyAsync(UserCode.InMethod(statements), Diagnostic(Descriptors.NotFinite).WithLocation(0).WithArguments("fluxParams.image_prompt_strength", shown));

    [Theory]
    [InlineData("_ = request with { WebhookEvents = [{|#0:(WebhookEvent)7|}] };", "webhookEvents[0]", "(WebhookEvent)7")]
    [InlineData("_ = request with { WebhookEvents = [WebhookEvent.Completed, {|#0:(WebhookEvent)(-1)|}] };", "webhookEvents[1]", "(WebhookEvent)-1")]
    [InlineData("_ = request with { WebhookEvents = new[] { {|#0:(WebhookEvent)9|} } };", "webhookEvents[0]", "(WebhookEvent)9")]
    [InlineData("_ = request with { WebhookEvents = new WebhookEvent[] { WebhookEvent.Failed, {|#0:(WebhookEvent)3|} } };", "webhookEvents[1]", "(WebhookEvent)3")]
    [InlineData("_ = request with { WebhookEvents = new List<WebhookEvent> { {|#0:(WebhookEvent)4|} } };", "webhookEvents[0]", "(WebhookEvent)4")]
    [InlineData("_ = new Flux11ProRequest(\"p\") { WebhookEvents = [{|#0:WebhookEvent.Failed + 1|}] };", "webhookEvents[0]", "(WebhookEvent)3")]
    public Task Undefined_enum_item_is_reported(string statements, string path, string shown) =>
        VerifyAsync(
            UserCode.InMethod(statements),
            Diagnostic(Descriptors.UndefinedEnum).WithLocation(0).WithArguments(path, shown, "WebhookEvent.Progress, WebhookEvent.Completed, WebhookEvent.Failed"));

    [Fact]
    public Task Defined_enum_items_and_runtime_items_are_not_reported() =>
        VerifyAsync(UserCode.InMethod("""
            _ = request with { WebhookEvents = [WebhookEvent.Progress, (WebhookEvent)1, WebhookEvent.Failed] };
            _ = request with { WebhookEvents = [.. events] };
            _ = request with { WebhookEvents = events };
            _ = request with { WebhookEvents = new[] { (WebhookEvent)runtime } };
            """));
}
