using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Apiframe;
using FluxGen.Testing;
using Xunit;

namespace FluxGen.Support.Tests.Client;

/// <summary>How an upload reaches the wire: streamed through one buffer, however large the file.</summary>
public sealed class UploadStreamingTests
{
    private const long TwentyMegabytes = 20L * 1024 * 1024;

    [Fact]
    public void A_20_MB_stream_uploads_with_fewer_bytes_allocated_than_twice_the_multipart_buffer()
    {
        var handler = new DrainingHandler();
        using var client = new ApiframeClient(new HttpClient(handler), new ApiframeClientOptions { ApiKey = "afk_test_123", BaseAddress = new Uri("https://api.example/") });

        // Once first, so that what every process pays once (pooled buffers, HTTP statics) is not counted.
        Run(client, ApiframeFile.FromStream(new ForwardOnlyStream(1024 * 1024), "warm.mp4"));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var upload = Run(client, ApiframeFile.FromStream(new ForwardOnlyStream(TwentyMegabytes), "clip.mp4"));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(handler.FileBytes >= TwentyMegabytes, $"sent {handler.FileBytes} bytes");
        Assert.Equal("video", upload.Kind);
        Assert.True(allocated < 2 * ApiframeFileContent.BufferSize, $"allocated {allocated} bytes for a {TwentyMegabytes}-byte upload");
    }

    [Fact]
    public void A_seekable_stream_is_sent_from_where_it_stood_and_again_from_there_on_a_retry()
    {
        var handler = new DrainingHandler { FailFirst = 1 };
        using var client = new ApiframeClient(new HttpClient(handler), new ApiframeClientOptions { ApiKey = "afk_test_123", BaseAddress = new Uri("https://api.example/"), RetryBaseDelay = TimeSpan.Zero, RetryMaxDelay = TimeSpan.Zero });
        var stream = new MemoryStream(Encoding.ASCII.GetBytes("HEADERxxPNGDATA"));
        stream.Position = 8;

        Run(client, ApiframeFile.FromStream(stream, "a.png"));

        Assert.Equal(2, handler.Attempts);
        Assert.Equal("PNGDATA", handler.LastFileText);
        Assert.Equal(handler.FirstBody, handler.LastBody);
    }

    private static ApiframeUpload Run(ApiframeClient client, ApiframeFile file)
    {
        var task = client.UploadAsync(file);

        // Everything below completes synchronously, so the allocations counted are this thread's alone.
        Assert.True(task.IsCompleted, "the upload did not complete synchronously");
        return task.GetAwaiter().GetResult();
    }

    // Takes each request body to the end without keeping it, as a socket would, and answers as the API does.
    private sealed class DrainingHandler : HttpMessageHandler
    {
        public int FailFirst { get; init; }

        public int Attempts { get; private set; }

        public long FileBytes { get; private set; }

        public string? FirstBody { get; private set; }

        public string? LastBody { get; private set; }

        public string? LastFileText { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Attempts++;
            var sink = new CountingSink();
            await request.Content!.CopyToAsync(sink, cancellationToken);
            FileBytes = sink.Count;
            if (sink.Count < CountingSink.Kept)
            {
                var text = Encoding.ASCII.GetString(sink.Head.ToArray());
                FirstBody ??= text;
                LastBody = text;
                var start = text.IndexOf("\r\n\r\n", text.IndexOf("filename", StringComparison.Ordinal), StringComparison.Ordinal) + 4;
                LastFileText = text.Substring(start, text.IndexOf("\r\n--", start, StringComparison.Ordinal) - start);
            }

            if (Attempts <= FailFirst)
            {
                return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
            }

            return new HttpResponseMessage(HttpStatusCode.Created)
            {
                Content = new StringContent("""{"id":"u1","url":"https://cdn.example/u1","kind":"video","contentType":"video/mp4","byteSize":1,"expiresAt":"2030-01-01T00:00:00Z"}"""),
            };
        }
    }
}
