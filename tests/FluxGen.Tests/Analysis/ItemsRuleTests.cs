using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static FluxGen.Tests.Analysis.AnalyzerVerifier;

namespace FluxGen.Tests.Analysis;

/// <summary>FLUX008: collection sizes known at compile time.</summary>
public class ItemsRuleTests
{
    [Theory]
    [InlineData("_ = new Flux11ProRequest(\"x\") { WebhookEvents = {|#0:[]|} };")]
    [InlineData("_ = request with { WebhookEvents = {|#0:new WebhookEvent[0]|} };")]
    [InlineData("_ = request with { WebhookEvents = {|#0:new WebhookEvent[] { }|} };")]
    [InlineData("_ = request with { WebhookEvents = {|#0:Array.Empty<WebhookEvent>()|} };")]
    [InlineData("_ = request with { WebhookEvents = {|#0:new List<WebhookEvent>()|} };")]
    [InlineData("_ = request with { WebhookEvents = {|#0:new List<WebhookEvent> { }|} };")]
    public Task Empty_collection_where_one_item_is_required_is_reported(string statements) =>
        VerifyAsync(UserCode.InMethod(statements), Diagnostic(Descriptors.ItemCountOutOfRange).WithLocation(0).WithArguments("webhookEvents", "0", "at least 1"));

    [Theory]
    [InlineData("o.Tags = {|#0:[\"a\", \"b\", \"c\", \"d\"]|};")]
    [InlineData("o.Tags = {|#0:new[] { \"a\", \"b\", \"c\", \"d\" }|};")]
    [InlineData("_ = new OtherParams { Tags = {|#0:new string[4]|} };")]
    public Task Too_many_items_are_reported(string statements) =>
        VerifyAsync(UserCode.InMethod(statements), Diagnostic(Descriptors.ItemCountOutOfRange).WithLocation(0).WithArguments("other.tags", "4", "at least 1 and at most 3"));

    [Fact]
    public Task Params_array_argument_is_counted() =>
        VerifyAsync(
            UserCode.InMethod("{|#0:OtherApi.Tag(\"a\", \"b\", \"c\")|}; OtherApi.Tag(\"a\", \"b\"); OtherApi.Tag({|#1:[\"a\", \"b\", \"c\"]|});"),
            Diagnostic(Descriptors.ItemCountOutOfRange).WithLocation(0).WithArguments("other.tags", "3", "at most 2"),
            Diagnostic(Descriptors.ItemCountOutOfRange).WithLocation(1).WithArguments("other.tags", "3", "at most 2"));

    [Fact]
    public Task Sizes_within_bounds_or_unknown_are_not_reported() =>
        VerifyAsync(UserCode.InMethod("""
            _ = new Flux11ProRequest("x") { WebhookEvents = [WebhookEvent.Completed] };
            _ = request with { WebhookEvents = [.. events] };
            _ = request with { WebhookEvents = new List<WebhookEvent>(events) };
            _ = request with { WebhookEvents = events };
            _ = request with { WebhookEvents = null };
            _ = request with { WebhookEvents = new WebhookEvent[runtime] };
            o.Tags = ["a", "b", "c"];
            o.Tags = new[] { "a" };
            """));
}
