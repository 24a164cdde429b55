using System.Net;
using System.Net.Http.Headers;
using Apiframe;
using BenchmarkDotNet.Attributes;
using FluxGen.Testing;

namespace FluxGen.Benchmarks;

/// <summary>
/// A 20 MB upload's memory, from a file on disk to the wire (a handler that reads the body to the end as a socket
/// would), against the official Node SDK's way, which reads the whole file before posting it (<c>readFile</c> into a
/// <c>Blob</c>): in .NET, <c>File.ReadAllBytes</c> into a <c>ByteArrayContent</c> (the baseline), and the BCL's own
/// <c>StreamContent</c> for reference. The Allocated column is the peak a file of this size costs; the goal for
/// <c>UploadAsync</c> is under twice its 64 KiB copy buffer.
/// </summary>
[MemoryDiagnoser]
public class UploadBenchmarks
{
    private const int FileBytes = 20 * 1024 * 1024;
    private static readonly Uri Api = new("https://api.example/");

    private string _path = null!;
    private ApiframeClient _client = null!;
    private HttpClient _http = null!;

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"fluxgen-upload-bench-{Environment.ProcessId}.mp4");
        var chunk = new byte[1024 * 1024];
        new Random(7).NextBytes(chunk);
        using (var file = File.Create(_path))
        {
            for (var i = 0; i < FileBytes / chunk.Length; i++)
            {
                file.Write(chunk);
            }
        }

        _http = new HttpClient(new DrainingHandler());
        _client = new ApiframeClient(_http, new ApiframeClientOptions { ApiKey = "afk_benchmark_key", BaseAddress = Api });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _http.Dispose();
        File.Delete(_path);
    }

    [Benchmark(Baseline = true, Description = "whole file in memory (Node SDK's way)")]
    public async Task<HttpStatusCode> WholeFile()
    {
        var content = new ByteArrayContent(await File.ReadAllBytesAsync(_path));
        content.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        return await PostAsync(content);
    }

    [Benchmark(Description = "BCL StreamContent")]
    public async Task<HttpStatusCode> BclStreamContent()
    {
        await using var file = File.OpenRead(_path);
        var content = new StreamContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        return await PostAsync(content);
    }

    [Benchmark(Description = "FluxGen UploadAsync")]
    public async Task<long> UploadAsync() => (await _client.UploadAsync(ApiframeFile.FromPath(_path))).ByteSize;

    private async Task<HttpStatusCode> PostAsync(HttpContent file)
    {
        using var form = new MultipartFormDataContent { { file, "file", "clip.mp4" } };
        using var response = await _http.PostAsync(new Uri(Api, "v2/uploads"), form);
        return response.StatusCode;
    }

    // Reads every request body to the end through a small buffer and answers as the API does.
    private sealed class DrainingHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            long total = 0;
            if (request.Content is { } content)
            {
                var sink = new CountingSink();
                await content.CopyToAsync(sink, cancellationToken);
                total = sink.Count;
            }

            return new HttpResponseMessage(HttpStatusCode.Created)
            {
                Content = new StringContent($$"""{"id":"u1","url":"https://cdn.example/u1","kind":"video","contentType":"video/mp4","byteSize":{{total}},"expiresAt":"2030-01-01T00:00:00Z"}"""),
            };
        }
    }
}
