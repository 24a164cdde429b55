using System;
using System.Text;

namespace Apiframe.Webhooks;

// What travels through Redis: the delivery exactly as Apiframe sent it, "<signature>\n<raw body>", so every
// receiving instance checks the signature itself and nothing written to Redis by anyone else is trusted.
internal static class ApiframeRedisRelayMessage
{
    // A signature header is "sha256=" and 64 hex digits; anything much longer is not one.
    private const int MaxSignatureChars = 128;

    internal static byte[] Encode(string signature, ReadOnlySpan<byte> body)
    {
        var signatureBytes = Encoding.ASCII.GetByteCount(signature);
        var message = new byte[signatureBytes + 1 + body.Length];
        Encoding.ASCII.GetBytes(signature, message);
        message[signatureBytes] = (byte)'\n';
        body.CopyTo(message.AsSpan(signatureBytes + 1));
        return message;
    }

    // Splits a message into its signature and body; false for anything that is not shaped like one.
    internal static bool TryDecode(ReadOnlyMemory<byte> message, out string signature, out ReadOnlyMemory<byte> body)
    {
        signature = string.Empty;
        body = default;
        var span = message.Span;
        var newline = span.Slice(0, Math.Min(span.Length, MaxSignatureChars + 1)).IndexOf((byte)'\n');
        if (newline <= 0 || span.Length - newline - 1 > Apiframe.ApiframeWebhookEndpoint.MaxBodyBytes)
        {
            return false;
        }

        signature = Encoding.ASCII.GetString(span.Slice(0, newline));
        body = message.Slice(newline + 1);
        return true;
    }
}
