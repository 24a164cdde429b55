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

public sealed class ResponseSizeTests
{
    private const int Cap = 64 * 1024;

    [Fact]
    public async Task An_endless_reply_is_read_only_to_the_cap_once_and_not_retried()
    {
        var endless = new EndlessJson();
        using var h = new Harness(
            x => new FakeHttpHandler(x.Clock, (_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(endless, 4096) })),
            o => o.MaxResponseBodyBytes = Cap);

        var error = await Assert.ThrowsAsync<ApiframeException>(() => h.Run(h.Client.GetJobAsync("j1")));

        Assert.Single(h.Handler.Requests);
        Assert.InRange(endless.BytesRead, Cap + 1, Cap + 4096);
        Assert.Contains("MaxResponseBodyBytes", error.Message);
        Assert.Equal(200, error.StatusCode);
    }

    [Fact]
    public async Task A_declared_length_over_the_cap_fails_before_a_byte_of_body_is_read()
    {
        var endless = new EndlessJson();
        using var h = new Harness(
            x => new FakeHttpHandler(x.Clock, (_, _) =>
            {
                var content = new StreamContent(endless);
                content.Headers.ContentLength = 400L * 1024 * 1024;
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
            }),
            o => o.MaxResponseBodyBytes = Cap);

        await Assert.ThrowsAsync<ApiframeException>(() => h.Run(h.Client.GetJobAsync("j1")));

        Assert.Single(h.Handler.Requests);
        Assert.Equal(0, endless.BytesRead);
    }

    [Fact]
    public async Task A_reply_exactly_at_the_cap_is_read()
    {
        var json = """{"id":"j1","status":"QUEUED"}""";
        var padded = json.PadRight(Cap);
        using var h = new Harness(
            x => FakeHttpHandler.Sequence(x.Clock, () => FakeHttpHandler.Json(HttpStatusCode.OK, padded)),
            o => o.MaxResponseBodyBytes = Cap);

        var job = await h.Run(h.Client.GetJobAsync("j1"));

        Assert.Equal("j1", job.Id);
    }

    // {"id":"j1","note":"xxxx... for ever: valid JSON as far as anyone reads it.
    private sealed class EndlessJson : Stream
    {
        private static readonly byte[] Start = System.Text.Encoding.ASCII.GetBytes("""{"id":"j1","note":" """);

        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            for (var i = 0; i < count; i++)
            {
                var at = BytesRead + i;
                buffer[offset + i] = at < Start.Length ? Start[at] : (byte)'x';
            }

            BytesRead += count;
            return count;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer, offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var array = new byte[buffer.Length];
            var n = Read(array, 0, array.Length);
            array.AsSpan(0, n).CopyTo(buffer.Span);
            return ValueTask.FromResult(n);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
