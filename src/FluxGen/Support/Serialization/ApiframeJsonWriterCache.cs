using System;
using System.Text.Json;
#if FLUXGEN_DOWNLEVEL
using ByteBuffer = Apiframe.Serialization.ApiframeByteBuffer;
#else
using ByteBuffer = System.Buffers.ArrayBufferWriter<byte>;
#endif

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
    private static ByteBuffer? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>A writer over an empty buffer; give both back with <see cref="Return"/>.</summary>
    /// <param name="buffer">The buffer the writer writes to.</param>
    /// <returns>The writer.</returns>
    public static Utf8JsonWriter Rent(out ByteBuffer buffer)
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

        buffer = new ByteBuffer(512);

        // The generated WriteTo writes well-formed JSON by construction; the writer need not re-check its nesting.
        return new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
    }

    /// <summary>What the writer wrote into <paramref name="buffer"/>, as text.</summary>
    /// <param name="buffer">The buffer from <see cref="Rent"/>, after the writer is flushed.</param>
    /// <returns>The UTF-8 bytes decoded.</returns>
    public static string Text(ByteBuffer buffer)
    {
#if FLUXGEN_DOWNLEVEL
        // Encoding.GetString takes a span from netstandard2.1 on; the segment is the same bytes, uncopied.
        var written = buffer.WrittenSegment;
        return System.Text.Encoding.UTF8.GetString(written.Array!, written.Offset, written.Count);
#else
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
#endif
    }

    /// <summary>Resets the pair and keeps it for this thread's next <see cref="Rent"/>.</summary>
    /// <param name="writer">The writer from <see cref="Rent"/>.</param>
    /// <param name="buffer">Its buffer.</param>
    public static void Return(Utf8JsonWriter writer, ByteBuffer buffer)
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
