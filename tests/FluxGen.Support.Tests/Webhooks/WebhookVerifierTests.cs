using System;
using System.Text;
using Apiframe;
using Apiframe.Webhooks;
using Xunit;

namespace FluxGen.Support.Tests.Webhooks;

public sealed class WebhookVerifierTests
{
    // The vector from API-NOTES.md.
    private const string VectorKey = "afk_test_123";
    private const string VectorBody = """{"event":"completed","jobId":"j1"}""";
    private const string VectorSignature = "sha256=3e91d12299bd1c1c65fe8aa11dc6f4a63a97413d8fff08b0d9db669b98fc2f39";

    private static readonly ApiframeWebhookVerifier Verifier = new(VectorKey);

    private static byte[] Body => Encoding.UTF8.GetBytes(VectorBody);

    [Fact]
    public void The_documented_vector_verifies()
    {
        Assert.True(Verifier.Verify(Body, VectorSignature));
    }

    [Fact]
    public void Bare_hex_and_upper_case_hex_verify_too()
    {
        var hex = VectorSignature.Substring("sha256=".Length);

        Assert.True(Verifier.Verify(Body, hex));
        Assert.True(Verifier.Verify(Body, hex.ToUpperInvariant()));
        Assert.True(Verifier.Verify(Body, "SHA256=" + hex.ToUpperInvariant()));
        Assert.True(Verifier.Verify(Body, "  " + VectorSignature + " "));
    }

    [Fact]
    public void A_tampered_body_is_rejected()
    {
        var tampered = Encoding.UTF8.GetBytes("""{"event":"completed","jobId":"j2"}""");
        var reserialized = Encoding.UTF8.GetBytes("""{"event": "completed", "jobId": "j1"}""");

        Assert.False(Verifier.Verify(tampered, VectorSignature));
        Assert.False(Verifier.Verify(reserialized, VectorSignature));
    }

    [Fact]
    public void A_forged_signature_or_another_key_is_rejected()
    {
        var forged = "sha256=" + new string('0', 64);
        var flipped = VectorSignature.Substring(0, VectorSignature.Length - 1) + "8";

        Assert.False(Verifier.Verify(Body, forged));
        Assert.False(Verifier.Verify(Body, flipped));
        Assert.False(new ApiframeWebhookVerifier("afk_test_124").Verify(Body, VectorSignature));
    }

    [Fact]
    public void The_key_is_the_sha256_of_the_api_key_not_its_hex_text()
    {
        var hexOfHash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(VectorKey))).ToLowerInvariant();
        var wrongKey = Encoding.UTF8.GetBytes(hexOfHash);
        var wrongSignature = Convert.ToHexString(System.Security.Cryptography.HMACSHA256.HashData(wrongKey, Body));

        Assert.False(Verifier.Verify(Body, wrongSignature));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("sha1=3e91d12299bd1c1c65fe8aa11dc6f4a63a97413d8fff08b0d9db669b98fc2f39")]
    [InlineData("sha256=3e91d12299bd1c1c65fe8aa11dc6f4a63a97413d8fff08b0d9db669b98fc2f3")]
    [InlineData("sha256=3e91d12299bd1c1c65fe8aa11dc6f4a63a97413d8fff08b0d9db669b98fc2f390")]
    [InlineData("sha256=zz91d12299bd1c1c65fe8aa11dc6f4a63a97413d8fff08b0d9db669b98fc2f39")]
    [InlineData("sha256=3e91d12299bd1c1c65fe8aa11dc6f4a63a97413d8fff08b0d9db669b98fc2f39,sha256=00")]
    [InlineData("\u0000\u0001")]
    public void Malformed_headers_are_rejected_without_throwing(string? header)
    {
        Assert.False(Verifier.Verify(Body, header));
    }

    [Fact]
    public void An_empty_body_does_not_throw()
    {
        Assert.False(Verifier.Verify(ReadOnlySpan<byte>.Empty, VectorSignature));
    }

    [Fact]
    public void VerifyAndParse_returns_the_event_or_throws_on_a_bad_signature()
    {
        var webhook = Verifier.VerifyAndParse(Body, VectorSignature);

        Assert.Equal(ApiframeWebhookEventKind.Completed, webhook.Event);
        Assert.Equal("j1", webhook.JobId);
        var ex = Assert.Throws<ApiframeException>(() => Verifier.VerifyAndParse(Body, "sha256=" + new string('a', 64)));
        Assert.DoesNotContain(VectorKey, ex.ToString());
    }

    [Fact]
    public void The_verifier_refuses_an_empty_key()
    {
        Assert.ThrowsAny<ArgumentException>(() => new ApiframeWebhookVerifier(string.Empty));
    }
}
