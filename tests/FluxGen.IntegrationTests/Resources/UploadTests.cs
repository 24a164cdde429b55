using Apiframe;
using FluxGen.Testing;
using FluxGen.IntegrationTests.Client;
using SkiaSharp;
using Xunit;

namespace FluxGen.IntegrationTests.Resources;

/// <summary><c>UploadAsync</c> from bytes, a path and a stream against the emulator, and the URL then used.</summary>
public sealed class UploadTests
{
    [Fact]
    public async Task Bytes_a_path_and_a_non_seekable_stream_upload_and_serve_back_the_same_bytes()
    {
        await using var fixture = await ClientFixture.StartAsync();
        var png = Png(64, 48);
        var path = Path.Combine(Path.GetTempPath(), $"fluxgen-upload-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(path, png);
        try
        {
            var files = new[]
            {
                ApiframeFile.FromBytes(png, "cat.png"),
                ApiframeFile.FromPath(path),
                ApiframeFile.FromStream(new ForwardOnlyStream(png), "cat.data", "image/png"),
            };
            foreach (var file in files)
            {
                var upload = await fixture.Client.UploadAsync(file);

                Assert.Equal("image", upload.Kind);
                Assert.Equal("image/png", upload.ContentType);
                Assert.Equal(png.Length, upload.ByteSize);
                Assert.True(upload.ExpiresAt > fixture.Emulator.Now);
                Assert.Equal(png, await DownloadAsync(fixture.Client, upload.Url));
            }

            Assert.Equal(3, fixture.Emulator.Requests.Count(r => r.Method == "POST" && r.Path == "/v2/uploads" && r.StatusCode == 201));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task An_uploaded_url_goes_straight_into_a_request_member()
    {
        await using var fixture = await ClientFixture.StartAsync();
        var upload = await fixture.Client.UploadAsync(ApiframeFile.FromBytes(Png(32, 32), "reference.png"));

        var job = await fixture.Client.GenerateAsync(new Flux11ProRequest("the same cat, in watercolour")
        {
            FluxParams = new() { ImagePrompt = upload.Url, ImagePromptStrength = 0.35 },
        });

        Assert.Equal(ApiframeJobStatus.Completed, job.Status);
        Assert.Contains(upload.Url, fixture.Emulator.GetJob(job.Id)!.InputJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_the_api_would_refuse_fail_before_any_request()
    {
        await using var fixture = await ClientFixture.StartAsync();
        var folder = Directory.CreateTempSubdirectory("fluxgen-upload-");
        try
        {
            Assert.Throws<FileNotFoundException>(() => ApiframeFile.FromPath(Path.Combine(folder.FullName, "missing.png")));
            Assert.Contains("directory", Assert.Throws<ArgumentException>(() => ApiframeFile.FromPath(folder.FullName)).Message, StringComparison.Ordinal);
            Assert.Contains("image/png", Assert.Throws<ArgumentException>(() => ApiframeFile.FromBytes(new byte[4], "notes.txt")).Message, StringComparison.Ordinal);
            Assert.Throws<ArgumentException>(() => ApiframeFile.FromBytes(new byte[4], "cat.png", "text/plain"));

            // One byte over the document's 25 MB for an image: a sparse file, so the test writes nothing to disk.
            var big = Path.Combine(folder.FullName, "big.png");
            using (var stream = File.Create(big))
            {
                stream.SetLength((25 * 1024 * 1024) + 1);
            }

            var tooLarge = Assert.Throws<ArgumentException>(() => ApiframeFile.FromPath(big));
            Assert.Contains("26214400", tooLarge.Message, StringComparison.Ordinal);

            // A video may be twice that.
            var video = Path.Combine(folder.FullName, "clip.mp4");
            using (var stream = File.Create(video))
            {
                stream.SetLength(26 * 1024 * 1024);
            }

            Assert.Equal("video", ApiframeFile.FromPath(video).Kind);
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        Assert.DoesNotContain(fixture.Emulator.Requests, r => r.Path == "/v2/uploads");
    }

    [Fact]
    public async Task A_stream_that_fails_mid_upload_throws_its_own_exception_and_the_server_keeps_nothing()
    {
        await using var fixture = await ClientFixture.StartAsync();
        var failing = new ForwardOnlyStream(new byte[512 * 1024], failAfter: 200 * 1024);

        var error = await Assert.ThrowsAsync<IOException>(() => fixture.Client.UploadAsync(ApiframeFile.FromStream(failing, "cat.png")));

        Assert.Equal(ForwardOnlyStream.FailureMessage, error.Message);
        Assert.DoesNotContain(fixture.Emulator.Requests, r => r.Path == "/v2/uploads" && r.StatusCode == 201);
        Assert.Empty(fixture.Emulator.Jobs);

        // A seekable source that fails is not sent again and again either: the first failure is the answer.
        var seekableFailing = new FailingSeekableStream(new byte[256 * 1024]);
        await Assert.ThrowsAsync<IOException>(() => fixture.Client.UploadAsync(ApiframeFile.FromStream(seekableFailing, "cat.png")));
        Assert.Equal(1, seekableFailing.Opened);
    }

    [Fact]
    public async Task A_non_seekable_stream_longer_than_the_limit_is_stopped_at_the_limit()
    {
        await using var fixture = await ClientFixture.StartAsync();
        var endless = new ForwardOnlyStream(length: long.MaxValue);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Client.UploadAsync(ApiframeFile.FromStream(endless, "cat.png")));

        Assert.Contains("26214400", error.Message, StringComparison.Ordinal);
        Assert.True(endless.BytesRead <= (25 * 1024 * 1024) + (64 * 1024), $"read {endless.BytesRead} bytes");
        Assert.DoesNotContain(fixture.Emulator.Requests, r => r.Path == "/v2/uploads" && r.StatusCode == 201);
    }

    internal static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(new SKColor(200, 40, 40));
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static async Task<byte[]> DownloadAsync(ApiframeClient client, string url)
    {
        await using var stream = await client.DownloadAsync(url);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
