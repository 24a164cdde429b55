namespace FluxGen.IntegrationTests.Resources;

/// <summary>A stream that can only be read forward (like a network or pipe stream), optionally failing part-way.</summary>
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
            buffer.Slice(0, count).Fill(0x42);
        }

        BytesRead += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>A seekable stream whose reads fail after its first chunk; counts how often it was read from the start.</summary>
internal sealed class FailingSeekableStream(byte[] content) : Stream
{
    private readonly MemoryStream _inner = new(content);

    public int Opened { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => _inner.Length;

    public override long Position
    {
        get => _inner.Position;
        set => _inner.Position = value;
    }

    public override int Read(Span<byte> buffer)
    {
        if (_inner.Position == 0)
        {
            Opened++;
            return _inner.Read(buffer.Slice(0, Math.Min(buffer.Length, 1024)));
        }

        throw new IOException("The disk went away.");
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
