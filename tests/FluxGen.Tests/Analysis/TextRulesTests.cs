using FluxGen.Analysis;
using Xunit;

namespace FluxGen.Tests.Analysis;

/// <summary>The allocation-free URI test never disagrees with the System.Uri check the runtime validator uses.</summary>
public class TextRulesTests
{
    public static TheoryData<string> Uris => new()
    {
        "https://example.com/hooks/1", "http://localhost:8080/cb", "HTTPS://cdn.example.com/a.png?x=1&y=%20#top",
        "http://foo.bar/?baz=qux#quux", "http://foo.com/blah_(wikipedia)_blah#cite-1", "http://xn--nw2a.xn--j6w193g/",
        "https://a-b.c-d.e/~user/!$&'()*+,;=:@/?", "http://1.2.3.4/", "http://[::1]/", "https://user:pw@host.com/",
        "https://host.com:99999/", "https://host.com:/", "https://-bad.com/", "https://bad-.com/", "https://a..b/",
        "https://example.com./", "https:///path", "https://", "http:/x.com", "ftp://x.com/", "https://ex ample.com/",
        "https://example.com/a b", "https://example.com/%zz", "https://example.com/%2", "https://exämple.com/",
        "https://example.com/ä", "https://example.com##", "https://example.com/\t", "//example.com/x", "example.com",
        "https://" + new string('a', 64) + ".com/", "https://" + new string('a', 63) + ".com/", "https://example.com:443",
        "https://example.com?q", "https://example.com#f", "http://a/", "https://example.com/[x]", "https://exa_mple.com/",
    };

    [Theory]
    [MemberData(nameof(Uris))]
    public void Fast_uri_check_agrees_with_System_Uri(string value)
    {
        if (TextRules.IsPlainHttpUri(value))
        {
            Assert.True(TextRules.IsHttpUriBySystemUri(value));
        }

        Assert.Equal(TextRules.IsHttpUriBySystemUri(value), TextRules.IsHttpUri(value));
    }

    [Theory]
    [InlineData("https://example.com/hooks/1")]
    [InlineData("http://localhost:8080/cb")]
    [InlineData("https://cdn.example.com/images/a%20b.png?size=large#top")]
    public void Ordinary_uris_take_the_fast_path(string value) => Assert.True(TextRules.IsPlainHttpUri(value));
}
