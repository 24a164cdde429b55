using System.Net;
using System.Text;
using System.Text.Json;
using FluxGen.Emulator;
using FluxGen.IntegrationTests.Emulator;
using Xunit;

namespace FluxGen.IntegrationTests.OpenApi;

/// <summary>
/// The calls of the official Node SDK's README (apiframe-ai/apiframe-nodejs-sdk), made as the SDK makes them: the
/// same method, path, <c>X-API-Key</c> header and JSON body, against the emulator serving the whole document.
/// </summary>
public sealed class NodeSdkReadmeTests
{
    public static TheoryData<string, string, string, string> Submissions => new()
    {
        { "quickstart midjourney", "/v2/images/generate", """{"model":"midjourney","prompt":"a cinematic photo of a fox in autumn forest, golden hour","midjourneyParams":{"aspect_ratio":"16:9"}}""", "images" },
        { "images.generate", "/v2/images/generate", """{"model":"flux-1.1-pro","prompt":"an oil painting of a cat astronaut","fluxParams":{"aspect_ratio":"16:9","output_format":"jpg"}}""", "images" },
        { "images.upscale", "/v2/images/upscale", """{"model":"topaz-image-upscale","topazUpscaleParams":{"image":"https://example.com/cat.jpg","upscale_factor":2}}""", "images" },
        { "images.edit", "/v2/images/edit", """{"model":"flux-fill-pro","fluxFillParams":{"image":"https://example.com/photo.jpg","mask":"https://example.com/mask.png","prompt":"replace the sky with northern lights","mode":"inpaint"}}""", "images" },
        { "images.removeBackground", "/v2/images/background-remove", """{"model":"bria-bg-remove","briaBgRemoveParams":{"image":"https://example.com/portrait.jpg"}}""", "images" },
        { "videos.upscale", "/v2/videos/upscale", """{"model":"topaz-video-upscale","topazVideoParams":{"video":"https://cdn.example.com/clip.mp4","target_resolution":"1080p","target_fps":30}}""", "videos" },
        { "videos.edit", "/v2/videos/edit", """{"model":"wan-2.7-videoedit","prompt":"change the colour grading to warm sunset","wan27VideoeditParams":{"video":"https://cdn.example.com/clip.mp4"}}""", "videos" },
        { "music.generate", "/v2/music/generate", """{"model":"suno","prompt":"lo-fi hip-hop, mellow, rainy afternoon","sunoParams":{"custom_mode":false,"instrumental":true,"model_version":"V5"}}""", "audio" },
        { "idempotency", "/v2/images/generate", """{"model":"midjourney","prompt":"..."}""", "images" },
    };

    [Theory]
    [MemberData(nameof(Submissions))]
    public async Task Each_readme_submission_is_accepted_and_its_job_completes_with_a_real_file(string call, string path, string body, string resultKey)
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 0 });
        using var http = new EmulatorHttp(emulator.BaseAddress);
        using var response = await PostAsync(http, path, body);
        var accepted = await EmulatorHttp.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{call}: {(int)response.StatusCode} {accepted}");
        Assert.Equal("QUEUED", accepted.GetProperty("status").GetString());

        var (job, _, _) = await http.PollUntilDoneAsync(accepted.GetProperty("jobId").GetString()!);
        Assert.Equal("COMPLETED", job.GetProperty("status").GetString());
        var url = job.GetProperty("result").GetProperty(resultKey)[0].GetString()!;
        var bytes = await http.Client.GetByteArrayAsync(url);
        switch (resultKey)
        {
            case "videos":
                // An ISO base media file: a 'ftyp' box first, then the movie box.
                Assert.Equal("ftyp", Encoding.ASCII.GetString(bytes, 4, 4));
                Assert.Contains("moov", Encoding.ASCII.GetString(bytes));
                break;
            case "audio":
                Assert.Equal("RIFF", Encoding.ASCII.GetString(bytes, 0, 4));
                Assert.Equal("WAVE", Encoding.ASCII.GetString(bytes, 8, 4));
                Assert.Equal(bytes.Length - 8, BitConverter.ToInt32(bytes, 4));
                break;
            default:
                using (var codec = SkiaSharp.SKCodec.Create(new MemoryStream(bytes)))
                {
                    Assert.NotNull(codec);
                }

                break;
        }
    }

    [Fact]
    public async Task The_readme_kling_example_is_refused_because_the_document_has_no_aspect_ratio_169()
    {
        // The README writes klingParams.aspect_ratio '169'; the document SDK and server share allows only
        // "16:9", "9:16", "1:1". The emulator answers as a validating server must, with the path of the value.
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 0 });
        using var http = new EmulatorHttp(emulator.BaseAddress);
        using var response = await PostAsync(http, "/v2/videos/generate", """{"model":"kling-2.5-turbo-pro","prompt":"cinematic drone shot over snowy mountains","klingParams":{"duration":5,"aspect_ratio":"169"}}""");
        var json = await EmulatorHttp.ReadJsonAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["klingParams.aspect_ratio"], json.GetProperty("details").EnumerateObject().Select(p => p.Name));

        using var fixedCall = await PostAsync(http, "/v2/videos/generate", """{"model":"kling-2.5-turbo-pro","prompt":"cinematic drone shot over snowy mountains","klingParams":{"duration":5,"aspect_ratio":"16:9"}}""");
        Assert.Equal(HttpStatusCode.Accepted, fixedCall.StatusCode);
    }

    [Fact]
    public async Task Models_list_is_the_document_catalog_public_and_filtered_by_modality()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 0 });
        using var http = new EmulatorHttp(emulator.BaseAddress);

        using var all = await http.GetAsync("v2/models", key: null);
        var models = (await EmulatorHttp.ReadJsonAsync(all)).GetProperty("models").EnumerateArray().ToList();
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal(106, models.Count);
        Assert.Equal(56, models.Count(m => m.GetProperty("modality").GetString() == "image"));
        Assert.Equal(43, models.Count(m => m.GetProperty("modality").GetString() == "video"));
        Assert.Equal(7, models.Count(m => m.GetProperty("modality").GetString() == "music"));

        using var images = await http.GetAsync("v2/models?modality=image");
        var imageIds = (await EmulatorHttp.ReadJsonAsync(images)).GetProperty("models").EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToList();
        Assert.Contains("midjourney", imageIds);
        Assert.DoesNotContain("suno", imageIds);

        using var bad = await http.GetAsync("v2/models?modality=text");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Me_reports_the_team_credits_left_and_never_the_key()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 0, CreditBalance = 50 });
        using var http = new EmulatorHttp(emulator.BaseAddress);
        var id = await http.SubmitOkAsync();
        await http.PollUntilDoneAsync(id);

        using var response = await http.GetAsync("v2/me");
        var text = await response.Content.ReadAsStringAsync();
        var me = JsonDocument.Parse(text).RootElement;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(49, me.GetProperty("team").GetProperty("credits").GetInt64());
        Assert.True(Guid.TryParse(me.GetProperty("user").GetProperty("id").GetString(), out _));
        Assert.DoesNotContain(EmulatorHttp.Key, text, StringComparison.Ordinal);

        using var anonymous = await http.GetAsync("v2/me", key: null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private static Task<HttpResponseMessage> PostAsync(EmulatorHttp http, string path, string body)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, path.TrimStart('/'))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        message.Headers.Add("X-API-Key", EmulatorHttp.Key);
        message.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return http.Client.SendAsync(message);
    }
}
