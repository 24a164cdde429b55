using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Apiframe;
using FluxGen.Support.Tests.Infrastructure;
using Xunit;

namespace FluxGen.Support.Tests.Client;

public sealed class DownloadTests
{
    private const int FileSize = 8 * 1024 * 1024;

    [Fact]
    public async Task Download_streams_instead_of_buffering_the_whole_file()
    {
        var source = new CountingStream(FileSize);
        using var h = new Harness(x => FakeHttpHandler.Sequence(x.Clock, () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(source) }));

        await using var stream = await h.Run(h.Client.DownloadAsync("https://cdn.test/job-1/0.jpg"));

        Assert.Equal(0, source.BytesRead);
        var buffer = new byte[64 * 1024];
        var first = await stream.ReadAsync(buffer);
        Assert.InRange(source.BytesRead, first, 1024 * 1024);

        long total = first;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            total += read;
        }

        Assert.Equal(FileSize, total);
    }

    [Fact]
    public async Task Relative_urls_resolve_against_the_base_address_and_get_the_key()
    {
        using var h = new Harness(
            x => FakeHttpHandler.Sequence(x.Clock, () => FakeHttpHandler.Text(HttpStatusCode.OK, "img", "image/png")),
            o => o.BaseAddress = new Uri("http://127.0.0.1:5099/emu/"));

        await using var stream = await h.Run(h.Client.DownloadAsync("/files/a.png"));

        var request = Assert.Single(h.Handler.Requests);
        Assert.Equal("http://127.0.0.1:5099/emu/files/a.png", request.Uri.ToString());
        Assert.Equal(Harness.ApiKey, request.Header("X-API-Key"));
    }

    [Fact]
    public async Task The_key_is_not_sent_to_another_host()
    {
        using var h = new Harness(x => FakeHttpHandler.Sequence(x.Clock, () => FakeHttpHandler.Text(HttpStatusCode.OK, "img", "image/png")));

        await using var stream = await h.Run(h.Client.DownloadAsync("https://cdn.test/a.png"));

        Assert.Null(Assert.Single(h.Handler.Requests).Header("X-API-Key"));
    }

    [Fact]
    public async Task A_missing_file_is_an_ApiframeException()
    {
        using var h = new Harness(x => FakeHttpHandler.Sequence(x.Clock, () => FakeHttpHandler.Text(HttpStatusCode.NotFound, "gone")));

        var ex = await Assert.ThrowsAsync<ApiframeException>(() => h.Run(h.Client.DownloadAsync("https://cdn.test/a.png")));

        Assert.Equal(404, ex.StatusCode);
        Assert.Equal("gone", ex.ResponseBody);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://cdn.test/a.png")]
    public async Task Only_http_urls_are_fetched(string url)
    {
        using var h = new Harness(x => FakeHttpHandler.Sequence(x.Clock));

        await Assert.ThrowsAsync<ArgumentException>(() => h.Client.DownloadAsync(url));
        Assert.Empty(h.Handler.Requests);
    }

    [Fact]
    public async Task Disposing_the_stream_disposes_the_response()
    {
        var source = new CountingStream(1024);
        using var h = new Harness(x => FakeHttpHandler.Sequence(x.Clock, () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(source) }));

        var stream = await h.Run(h.Client.DownloadAsync("https://cdn.test/a.png"));
        await stream.DisposeAsync();

        Assert.True(source.Disposed);
    }

    /// <summary>Hands out zeros on demand and counts what was asked of it.</summary>
    private sealed class CountingStream : Stream
    {
        private readonly long _length;

        public CountingStream(long length) => _length = length;

        public long BytesRead { get; private set; }

        public bool Disposed { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => _length;

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, _length - BytesRead);
            Array.Clear(buffer, offset, n);
            BytesRead += n;
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer, offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = (int)Math.Min(buffer.Length, _length - BytesRead);
            buffer.Span.Slice(0, n).Clear();
            BytesRead += n;
            return new ValueTask<int>(n);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
