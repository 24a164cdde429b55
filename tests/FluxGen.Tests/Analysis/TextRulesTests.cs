using FluxGen.Analysis;
using Xunit;

namespace FluxGen.Tests.Analysis;

/// <summary>The analyzer's URI rule is the runtime's: absolute http(s) by RFC 3986, pinned here case by case.</summary>
public class TextRulesTests
{
    [Theory]
    [InlineData("https://example.com/hooks/1", true)]
    [InlineData("http://localhost:8080/cb", true)]
    [InlineData("HTTPS://cdn.example.com/a.png?x=1&y=%20#top", true)]
    [InlineData("http://foo.com/blah_(wikipedia)_blah#cite-1", true)]
    [InlineData("http://[::1]/", true)]
    [InlineData("https://user:pw@host.com/", true)]
    [InlineData("https://a-b.c-d.e/~user/!$&'()*+,;=:@/?", true)]
    [InlineData("ftp://x.com/", false)]
    [InlineData("example.com/hook", false)]
    [InlineData("//example.com/x", false)]
    [InlineData("https://", false)]
    [InlineData("https://ex ample.com/", false)]
    [InlineData("https://example.com/%zz", false)]
    [InlineData("https://example.com/%2", false)]
    [InlineData("https://example.com/ä", false)]
    [InlineData("https://example.com##", false)]
    [InlineData("https://example.com/[x]", false)]
    [InlineData("https://example.com:port/", false)]
    [InlineData("http://[::ffff:01.2.3.4]/", false)]
    public void UriRuleMatchesTheRuntime(string value, bool valid) => Assert.Equal(valid, TextRules.IsHttpUri(value));

    [Theory]
    [InlineData("", 0)]
    [InlineData("abc", 3)]
    [InlineData("\ud83d\udca9\ud83d\udca9", 2)]
    public void LengthCountsCodePoints(string value, int expected) => Assert.Equal(expected, TextRules.CodePoints(value));
}
