using System.Text;
using System.Text.Json;
using Apiframe;
using FluxGen.IntegrationTests.Client;
using SkiaSharp;
using Xunit;

namespace FluxGen.IntegrationTests.Resources;

/// <summary>Every modality's result read from the job and downloaded, against the emulator over real HTTP.</summary>
public sealed class ResultTests
{
    [Fact]
    public async Task A_video_job_gives_its_videos_and_the_raw_result_and_each_downloads_as_an_mp4()
    {
        await using var fixture = await ClientFixture.StartAsync();

        var job = await fixture.Client.GenerateAsync(new Kling21Request("a paper boat"));

        Assert.Equal(ApiframeJobStatus.Completed, job.Status);
        Assert.Empty(job.Images);
        Assert.Empty(job.Audio);
        Assert.Equal(fixture.Emulator.GetJob(job.Id)!.ImageUrls, job.Videos);
        Assert.Equal(job.Videos, RawUrls(job.Result, "videos"));
        var bytes = await DownloadAsync(fixture.Client, job.Videos[0]);
        Assert.Equal("ftyp", Encoding.ASCII.GetString(bytes, 4, 4));
    }

    [Fact]
    public async Task A_music_job_gives_its_audio_and_the_raw_result_and_each_downloads_as_a_wave_file()
    {
        await using var fixture = await ClientFixture.StartAsync();

        var job = await fixture.Client.GenerateAsync(new SunoRequest("lo-fi hip-hop, mellow, rainy afternoon"));

        Assert.Empty(job.Images);
        Assert.Empty(job.Videos);
        Assert.NotEmpty(job.Audio);
        Assert.Equal(fixture.Emulator.GetJob(job.Id)!.ImageUrls, job.Audio);
        Assert.Equal(job.Audio, RawUrls(job.Result, "audio"));
        var bytes = await DownloadAsync(fixture.Client, job.Audio[^1]);
        Assert.Equal("RIFF", Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal("WAVE", Encoding.ASCII.GetString(bytes, 8, 4));
    }

    [Fact]
    public async Task An_image_job_keeps_its_images_and_its_raw_result_after_the_reply_is_gone()
    {
        await using var fixture = await ClientFixture.StartAsync();

        var job = await fixture.Client.GenerateAsync(new Flux11ProRequest("a red umbrella"));
        GC.Collect();

        Assert.Empty(job.Videos);
        Assert.Empty(job.Audio);
        Assert.Equal(job.Images, RawUrls(job.Result, "images"));
        using var codec = SKCodec.Create(new MemoryStream(await DownloadAsync(fixture.Client, job.Images[0])));
        Assert.NotNull(codec);
    }

    [Fact]
    public async Task A_job_that_has_not_finished_has_no_result_rather_than_an_empty_one()
    {
        // The emulator's clock stands still, so the job is still queued whenever it is read.
        await using var fixture = await ClientFixture.StartAsync(e => e.ManualClock = true);
        var running = await fixture.Client.SubmitAsync(new Flux11ProRequest("still running"));

        var job = await fixture.Client.GetJobAsync(running.JobId);

        Assert.False(job.Status.IsTerminal);
        Assert.Null(job.Result);
        Assert.Empty(job.Images);
    }

    private static IEnumerable<string> RawUrls(JsonElement? result, string member)
    {
        Assert.NotNull(result);
        return result.Value.GetProperty(member).EnumerateArray().Select(e => e.GetString()!).ToArray();
    }

    private static async Task<byte[]> DownloadAsync(ApiframeClient client, string url)
    {
        await using var stream = await client.DownloadAsync(url);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
