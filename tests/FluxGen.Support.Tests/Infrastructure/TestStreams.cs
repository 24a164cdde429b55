using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace FluxGen.Testing;

// Streams for upload tests and benchmarks, shared by FluxGen.Support.Tests, FluxGen.IntegrationTests and
// FluxGen.Benchmarks (linked into the latter two).

/// <summary>
/// A stream that can only be read forward (like a network or pipe stream): the given bytes, or as many bytes as asked
/// made as they are read (no array of that size ever exists), optionally failing part-way.
/// </summary>
internal sealed class ForwardOnlyStream : Stream
{
    public const string FailureMessage = "The source went away part-way.";

    private readonly byte[]? _content;
    private readonly long _length;
    private readonly long _failAfter;

    public ForwardOnlyStream(byte[] content, long failAfter = long.MaxValue)
    {
        _content = content;
        _length = content.Length;
        _failAfter = failAfter;
    }

    public ForwardOnlyStream(long length)
    {
        _length = length;
        _failAfter = long.MaxValue;
    }

    /// <summary>How many bytes have been read.</summary>
    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (BytesRead >= _failAfter)
        {
            throw new IOException(FailureMessage);
        }

        var count = (int)Math.Min(buffer.Length, Math.Min(_length - BytesRead, _failAfter - BytesRead));
        if (_content is not null)
        {
            _content.AsSpan((int)BytesRead, count).CopyTo(buffer);
        }
        else
        {
            buffer.Slice(0, count).Fill(0x5A);
        }

        BytesRead += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        new(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>Where a request body goes instead of a socket: counts what is written, keeps only the first bytes.</summary>
internal sealed class CountingSink : Stream
{
    public const int Kept = 4096;

    public MemoryStream Head { get; } = new();

    public long Count { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => Count;

    public override long Position
    {
        get => Count;
        set => throw new NotSupportedException();
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (Head.Length < Kept)
        {
            Head.Write(buffer.Slice(0, (int)Math.Min(buffer.Length, Kept - Head.Length)));
        }

        Count += buffer.Length;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return default;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
