using System;
using System.Buffers;
using System.Text.Json;
#if FLUXGEN_DOWNLEVEL
using ByteBuffer = Apiframe.Serialization.ApiframeByteBuffer;
#else
using ByteBuffer = System.Buffers.ArrayBufferWriter<byte>;
#endif

namespace Apiframe;

// ApiframeClientOptions.WebhookUrl: added to a request body that names no webhookUrl of its own. Requests are
// generated per model, so the client works on the JSON they wrote rather than on their types.
internal static class ApiframeWebhookDefaults
{
    internal static byte[] Apply(byte[] body, Uri? webhookUrl)
    {
        if (webhookUrl is null)
        {
            return body;
        }

        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || root.TryGetProperty("webhookUrl", out _))
        {
            return body;
        }

        var buffer = new ByteBuffer(body.Length + 128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var member in root.EnumerateObject())
            {
                member.WriteTo(writer);
            }

            writer.WriteString("webhookUrl", webhookUrl.AbsoluteUri);
            if (!root.TryGetProperty("webhookEvents", out _))
            {
                writer.WriteStartArray("webhookEvents");
                writer.WriteStringValue("completed");
                writer.WriteStringValue("failed");
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
