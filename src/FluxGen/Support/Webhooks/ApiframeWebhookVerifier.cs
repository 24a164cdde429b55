using System;
using System.Security.Cryptography;
using System.Text;

namespace Apiframe.Webhooks;

/// <summary>
/// Checks that a webhook delivery was signed by Apiframe with your API key: HMAC-SHA256 over the raw body, keyed
/// with the SHA-256 of the key. Verify the bytes exactly as received, before parsing or re-serializing anything.
/// </summary>
public sealed class ApiframeWebhookVerifier
{
    /// <summary>The header that carries the signature.</summary>
    public const string SignatureHeader = "X-Webhook-Signature";

    /// <summary>The header that carries the event kind.</summary>
    public const string EventHeader = "X-Webhook-Event";

    private const int SignatureBytes = 32;
    private const string Prefix = "sha256=";

    // Only the derived key is kept, never the API key itself.
    private readonly byte[] _hmacKey;

    /// <summary>Creates a verifier for deliveries signed with <paramref name="apiKey"/>.</summary>
    /// <param name="apiKey">The API key the jobs were submitted with.</param>
    public ApiframeWebhookVerifier(string apiKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        _hmacKey = SHA256.HashData(Encoding.UTF8.GetBytes(apiKey));
    }

    /// <summary>
    /// Whether <paramref name="signatureHeader"/> (<c>sha256=&lt;hex&gt;</c> or bare hex, any case) is the signature of
    /// <paramref name="body"/>. Returns <see langword="false"/>, never throws, for a missing or malformed header.
    /// </summary>
    public bool Verify(ReadOnlySpan<byte> body, string? signatureHeader)
    {
        Span<byte> claimed = stackalloc byte[SignatureBytes];
        if (!TryDecode(signatureHeader, claimed))
        {
            return false;
        }

        Span<byte> actual = stackalloc byte[SignatureBytes];
        HMACSHA256.HashData(_hmacKey, body, actual);
        return CryptographicOperations.FixedTimeEquals(actual, claimed);
    }

    /// <summary>Verifies the signature, then parses the body.</summary>
    /// <exception cref="ApiframeException">The signature is missing or wrong.</exception>
    /// <exception cref="FormatException">The signature is right but the body is not a JSON object.</exception>
    public ApiframeWebhookEvent VerifyAndParse(ReadOnlySpan<byte> body, string? signatureHeader)
    {
        if (!Verify(body, signatureHeader))
        {
            throw new ApiframeException("The webhook signature is missing or does not match the body; the delivery was not sent by Apiframe with this API key.");
        }

        return ApiframeWebhookEvent.Parse(body);
    }

    // What identifies a delivery: the signature is an HMAC of the exact bytes, so a redelivery of the same event
    // carries the same one, whichever instance it reaches and however its header is spelled.
    internal static string DeliveryId(string signatureHeader)
    {
        var text = signatureHeader.Trim();
        if (text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            text = text.Substring(Prefix.Length);
        }

        return text.ToLowerInvariant();
    }

    private static bool TryDecode(string? header, Span<byte> destination)
    {
        if (header is null)
        {
            return false;
        }

        var text = header.AsSpan().Trim();
        if (text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            text = text.Slice(Prefix.Length);
        }

        if (text.Length != SignatureBytes * 2)
        {
            return false;
        }

        for (var i = 0; i < SignatureBytes; i++)
        {
            var high = HexValue(text[2 * i]);
            var low = HexValue(text[(2 * i) + 1]);
            if (high < 0 || low < 0)
            {
                return false;
            }

            destination[i] = (byte)((high << 4) | low);
        }

        return true;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
