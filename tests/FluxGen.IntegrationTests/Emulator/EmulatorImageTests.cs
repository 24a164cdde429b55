using System.Net;
using FluxGen.Emulator;
using SkiaSharp;
using Xunit;

namespace FluxGen.IntegrationTests.Emulator;

public sealed class EmulatorImageTests
{
    [Theory]
    [InlineData("", "jpg", "image/jpeg", SKEncodedImageFormat.Jpeg, 1, 1)]
    [InlineData("\"output_format\":\"png\",\"aspect_ratio\":\"16:9\"", "png", "image/png", SKEncodedImageFormat.Png, 16, 9)]
    [InlineData("\"output_format\":\"webp\",\"aspect_ratio\":\"9:16\",\"output_quality\":40", "webp", "image/webp", SKEncodedImageFormat.Webp, 9, 16)]
    [InlineData("\"output_format\":\"jpg\",\"aspect_ratio\":\"3:4\"", "jpg", "image/jpeg", SKEncodedImageFormat.Jpeg, 3, 4)]
    [InlineData("\"aspect_ratio\":\"4:3\"", "jpg", "image/jpeg", SKEncodedImageFormat.Jpeg, 4, 3)]
    public async Task Result_file_decodes_in_the_requested_format_and_ratio(
        string fluxParams, string extension, string contentType, SKEncodedImageFormat format, int ratioW, int ratioH)
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 0 });
        using var http = new EmulatorHttp(emulator.BaseAddress);
        var id = await http.SubmitOkAsync(EmulatorHttp.Body(fluxParams));
        var url = (await http.GetJobAsync(id)).GetProperty("result").GetProperty("images")[0].GetString()!;

        // Result links work without an API key, like the CDN links they stand in for.
        using var response = await http.Client.GetAsync(url);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith("." + extension, url, StringComparison.Ordinal);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("true", response.Headers.GetValues("X-Apiframe-Emulator").Single());
        using var codec = SKCodec.Create(new MemoryStream(bytes));
        Assert.NotNull(codec);
        Assert.Equal(format, codec.EncodedFormat);
        Assert.Equal(512, Math.Max(codec.Info.Width, codec.Info.Height));
        Assert.Equal(codec.Info.Width * ratioH, codec.Info.Height * ratioW);
        using var bitmap = SKBitmap.Decode(bytes);
        Assert.NotNull(bitmap);
    }

    [Fact]
    public async Task Same_seed_draws_the_same_picture()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 0 });
        using var http = new EmulatorHttp(emulator.BaseAddress);

        async Task<byte[]> DownloadAsync(string fluxParams)
        {
            var id = await http.SubmitOkAsync(EmulatorHttp.Body(fluxParams));
            var url = (await http.GetJobAsync(id)).GetProperty("result").GetProperty("images")[0].GetString()!;
            return await http.Client.GetByteArrayAsync(url);
        }

        var first = await DownloadAsync("\"output_format\":\"png\",\"seed\":7");
        var again = await DownloadAsync("\"output_format\":\"png\",\"seed\":7");
        var other = await DownloadAsync("\"output_format\":\"png\",\"seed\":8");

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task Files_of_unfinished_or_unknown_jobs_are_404()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { ManualClock = true });
        using var http = new EmulatorHttp(emulator.BaseAddress);
        var id = await http.SubmitOkAsync();

        using var early = await http.Client.GetAsync($"files/{id}/0.jpg");
        using var unknown = await http.Client.GetAsync($"files/{Guid.NewGuid()}/0.jpg");

        Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
