using System.Security.Cryptography;
using System.Text;

namespace FluxGen.Emulator;

/// <summary>
/// Signs webhook bodies the way Apiframe documents: the key is SHA-256 of the UTF-8 API key as raw 32 bytes, the
/// signature HMAC-SHA256 of the exact body bytes, sent as <c>sha256=&lt;lowercase hex&gt;</c>.
/// </summary>
public static class WebhookSigner
{
    /// <summary>The <c>X-Webhook-Signature</c> value for <paramref name="body"/> sent to the owner of <paramref name="apiKey"/>.</summary>
    public static string Sign(string apiKey, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        Span<byte> key = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(apiKey), key);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, body, mac);
        return "sha256=" + Convert.ToHexStringLower(mac);
    }
}
