namespace FluxGen.IntegrationTests.Resources;

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
