using System;
using System.Buffers;

namespace Apiframe.Serialization;

/// <summary>
/// A growable byte buffer that <see cref="System.Text.Json.Utf8JsonWriter"/> writes into, for targets older than
/// net8.0: there <c>System.Buffers.ArrayBufferWriter&lt;T&gt;</c> is not public (System.Text.Json keeps its own copy
/// internal). Written only for those targets; net8.0 and later use the framework's type.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class ApiframeByteBuffer : IBufferWriter<byte>
{
    private byte[] _buffer;
    private int _written;

    /// <summary>An empty buffer of <paramref name="initialCapacity"/> bytes.</summary>
    /// <param name="initialCapacity">The first size of the underlying array; it doubles as needed.</param>
    public ApiframeByteBuffer(int initialCapacity)
    {
        if (initialCapacity <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(initialCapacity), initialCapacity, "The capacity must be positive.");
        }

        _buffer = new byte[initialCapacity];
    }

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => new(_buffer, 0, _written);

    /// <summary>The bytes written so far, as a segment of the underlying array (no copy).</summary>
    public ArraySegment<byte> WrittenSegment => new(_buffer, 0, _written);

    /// <summary>How many bytes were written.</summary>
    public int WrittenCount => _written;

    /// <summary>The size of the underlying array.</summary>
    public int Capacity => _buffer.Length;

    /// <summary>Forgets what was written and keeps the array for the next use.</summary>
    public void ResetWrittenCount() => _written = 0;

    /// <inheritdoc/>
    public void Advance(int count)
    {
        if (count < 0 || count > _buffer.Length - _written)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "Advanced past the memory that was handed out.");
        }

        _written += count;
    }

    /// <inheritdoc/>
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsMemory(_written);
    }

    /// <inheritdoc/>
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsSpan(_written);
    }

    private void Reserve(int sizeHint)
    {
        if (sizeHint < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sizeHint), sizeHint, "The size hint cannot be negative.");
        }

        var needed = Math.Max(sizeHint, 1);
        var free = _buffer.Length - _written;
        if (needed <= free)
        {
            return;
        }

        // Doubling keeps the copies linear in the final size; a request larger than double is met exactly.
        var grown = (long)_buffer.Length + Math.Max(_buffer.Length, needed - free);
        if (grown > int.MaxValue)
        {
            grown = (long)_written + needed;
            if (grown > int.MaxValue)
            {
                throw new OutOfMemoryException("The JSON is larger than one array can hold.");
            }
        }

        Array.Resize(ref _buffer, (int)grown);
    }
}
