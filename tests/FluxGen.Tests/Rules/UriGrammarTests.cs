using Apiframe.Validation;
using Xunit;

namespace FluxGen.Tests.Rules;

/// <summary>
/// The runtime's URI rule (compiled into the analyzer too) follows RFC 3986's grammar: IPv6 literals by their full
/// grammar (embedded IPv4, one "::"), IPvFuture, any digits as a port, percent-encoding, no second '#', no zone id.
/// The first rows are the defects issue 10 lists.
/// </summary>
public class UriGrammarTests
{
    public static TheoryData<string, bool> Cases => new()
    {
        // Malformed IPv6 literals that a character-set check let through.
        { "http://[1::2::3]/", false },
        { "http://[::::]/", false },
        { "http://[12345::]/", false },
        { "http://[1:2:3:4:5:6:7:8:9]/", false },
        { "http://[1:2:3:4:5:6:7]/", false },
        { "http://[1:2:3:4:5:6:7:8::]/", false },
        { "http://[:1::]/", false },
        { "http://[1::2:]/", false },
        { "http://[1:::2]/", false },
        { "http://[]/", false },
        { "http://[::1.2.3]/", false },
        { "http://[::1.2.3.4.5]/", false },
        { "http://[::256.1.1.1]/", false },
        { "http://[::ffff:01.2.3.4]/", false },
        { "http://[1.2.3.4::]/", false },
        { "http://[1:2:3:4:5:6:7:1.2.3.4]/", false },
        { "http://[::1:2:3:4:5:6:1.2.3.4]/", false },
        { "http://[fe80::1%25eth0]/", false },
        { "http://[fe80::1%eth0]/", false },
        { "http://[v.x]/", false },
        { "http://[v1.]/", false },
        { "http://[v1x]/", false },
        { "http://[vg.x]/", false },

        // Valid literals: every "::" position, embedded IPv4, IPvFuture.
        { "http://[::]/", true },
        { "http://[::1]/", true },
        { "http://[1::]/", true },
        { "http://[1:2:3:4:5:6:7::]/", true },
        { "http://[::2:3:4:5:6:7:8]/", true },
        { "http://[1:2:3:4:5:6:7:8]/", true },
        { "http://[1:2:3:4:5:6:1.2.3.4]/", true },
        { "http://[::ffff:192.168.0.1]/", true },
        { "http://[::1.2.3.4]/", true },
        { "http://[1:2:3:4:5::1.2.3.4]/", true },
        { "http://[ABCD:ef01::]:8080/x", true },
        { "http://[v1.fe]/", true },
        { "http://[V7.a:b!$]/", true },

        // Ports are any digits; the host is percent-encoded like any reg-name.
        { "https://example.com:99999/x", true },
        { "https://example.com:/x", true },
        { "http://ex%41mple.com/", true },
        { "http://ex%4mple.com/", false },

        // The fragment takes no second '#'; the query and fragment take '/' and '?'.
        { "http://example.com/#a#b", false },
        { "http://example.com/?a=/b?c#d/e?f", true },
        { "http://example.com#", true },

        // http or https with a non-empty host.
        { "http:///path", false },
        { "http://@/", false },
        { "http://user@/", false },
        { "http://:80/", false },
        { "mailto:x@example.com", false },
        { "http:example.com", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Uri_rule_follows_rfc_3986(string value, bool valid) => Assert.Equal(valid, SchemaText.IsHttpUri(value));

    // Lone surrogates cannot travel through xUnit's theory serialization (they come back as U+FFFD), hence a loop.
    [Fact]
    public void Lone_surrogates_are_found()
    {
        (string Value, int Index)[] cases =
        [
            ("a\ud800b", 1), ("\udc00", 0), ("ok\ud83d", 2), ("\ud83d\ude00\udc00", 2), ("\udc00\ud800", 0),
            ("\ud83d\ude00 fine", -1), (string.Empty, -1), ("plain", -1),
        ];
        foreach (var (value, index) in cases)
        {
            Assert.Equal(index, SchemaText.IndexOfLoneSurrogate(value));
            Assert.Equal(index < 0, SchemaText.IsScalarValues(value));
        }
    }
}
