using System;
using System.Buffers;
using System.Text.Json;

namespace Apiframe.Serialization;

/// <summary>
/// One buffer and one <see cref="Utf8JsonWriter"/> per thread for the generated <c>ToJson()</c>, reset between uses:
/// a new pair per call cost more than the JSON itself. Nested or concurrent use simply gets a fresh pair.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class ApiframeJsonWriterCache
{
    // A buffer grown past this by one huge request is not kept, so a thread does not hold it forever.
    private const int MaxKeptBytes = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>A writer over an empty buffer; give both back with <see cref="Return"/>.</summary>
    /// <param name="buffer">The buffer the writer writes to.</param>
    /// <returns>The writer.</returns>
    public static Utf8JsonWriter Rent(out ArrayBufferWriter<byte> buffer)
    {
        var writer = t_writer;
        var cached = t_buffer;
        if (writer is not null && cached is not null)
        {
            t_writer = null;
            t_buffer = null;
            buffer = cached;
            return writer;
        }

        buffer = new ArrayBufferWriter<byte>(512);

        // The generated WriteTo writes well-formed JSON by construction; the writer need not re-check its nesting.
        return new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
    }

    /// <summary>Resets the pair and keeps it for this thread's next <see cref="Rent"/>.</summary>
    /// <param name="writer">The writer from <see cref="Rent"/>.</param>
    /// <param name="buffer">Its buffer.</param>
    public static void Return(Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer)
    {
        if (buffer.Capacity > MaxKeptBytes)
        {
            writer.Dispose();
            return;
        }

        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        t_buffer = buffer;
        t_writer = writer;
    }
}
