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
        ApiframeArgument.NotNullOrEmpty(apiKey, nameof(apiKey));
#if FLUXGEN_DOWNLEVEL
        using (var sha = SHA256.Create())
        {
            _hmacKey = sha.ComputeHash(Encoding.UTF8.GetBytes(apiKey));
        }
#else
        _hmacKey = SHA256.HashData(Encoding.UTF8.GetBytes(apiKey));
#endif
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

#if FLUXGEN_DOWNLEVEL
        // The one-shot HMAC over a span and CryptographicOperations came with .NET 5 and .NET Core 2.1: the body is
        // copied once for ComputeHash, and compared as FixedTimeEquals does.
        byte[] actual;
        using (var hmac = new HMACSHA256(_hmacKey))
        {
            actual = hmac.ComputeHash(body.ToArray());
        }

        return FixedTimeEquals(actual, claimed);
#else
        Span<byte> actual = stackalloc byte[SignatureBytes];
        HMACSHA256.HashData(_hmacKey, body, actual);
        return CryptographicOperations.FixedTimeEquals(actual, claimed);
#endif
    }

#if FLUXGEN_DOWNLEVEL
    // Every byte is looked at whatever the ones before it were, so the time taken says nothing about where a forged
    // signature first differs; kept out of the optimizer's reach so it cannot learn to stop early.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining | System.Runtime.CompilerServices.MethodImplOptions.NoOptimization)]
    private static bool FixedTimeEquals(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        if (left.Length != right.Length)
        {
            return false;
        }

        var difference = 0;
        for (var i = 0; i < left.Length; i++)
        {
            difference |= left[i] ^ right[i];
        }

        return difference == 0;
    }
#endif

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
