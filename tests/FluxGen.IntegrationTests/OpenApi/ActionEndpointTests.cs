using System.Net;
using System.Text;
using System.Text.Json;
using FluxGen.Emulator;
using FluxGen.IntegrationTests.Emulator;
using Xunit;

namespace FluxGen.IntegrationTests.OpenApi;

/// <summary>
/// The document's follow-up endpoints (<c>/v2/images/midjourney/action</c>, <c>/v2/music/suno/action</c>): bodies
/// validated against its action schemas, the parent job checked (the caller's, completed, the right model, an action
/// it allows), the result as the operation describes it, and hostile bytes answered with a 4xx.
/// </summary>
public sealed class ActionEndpointTests
{
    private const string MidjourneyAction = "/v2/images/midjourney/action";
    private const string SunoAction = "/v2/music/suno/action";

    [Fact]
    public async Task Midjourney_actions_follow_grid_and_upsample_rules_and_produce_what_they_promise()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 0 });
        using var http = new EmulatorHttp(emulator.BaseAddress);
        var grid = await CompletedAsync(http, "/v2/images/generate", """{"model":"midjourney","prompt":"a fox in an autumn forest"}""");

        // Upsample U2 of the grid: one image; a variation of the grid: a fresh 4-image grid.
        var upsample = await AcceptedAsync(http, MidjourneyAction, $$"""{"action":"upsample","index":2,"parentJobId":"{{grid}}"}""");
        Assert.Single(await ImagesAsync(http, upsample));
        var variation = await AcceptedAsync(http, MidjourneyAction, $$"""{"action":"variation","index":1,"parentJobId":"{{grid}}"}""");
        Assert.Equal(4, (await ImagesAsync(http, variation)).Count);

        // Pan acts on the upsample; on a grid, or a grid action on an upsample, is 409 as the document says.
        var pan = await AcceptedAsync(http, MidjourneyAction, $$"""{"action":"pan","direction":"left","parentJobId":"{{upsample}}"}""");
        Assert.Equal(4, (await ImagesAsync(http, pan)).Count);
        await ExpectAsync(http, MidjourneyAction, $$"""{"action":"pan","direction":"left","parentJobId":"{{grid}}"}""", HttpStatusCode.Conflict);
        await ExpectAsync(http, MidjourneyAction, $$"""{"action":"upsample","index":1,"parentJobId":"{{upsample}}"}""", HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Suno_actions_give_a_pair_of_tracks_and_a_stems_result_takes_no_further_action()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 0 });
        using var http = new EmulatorHttp(emulator.BaseAddress);
        var song = await CompletedAsync(http, "/v2/music/generate", """{"model":"suno","prompt":"lo-fi hip-hop, rainy afternoon","sunoParams":{"custom_mode":false,"instrumental":true,"model_version":"V5"}}""");

        var extended = await AcceptedAsync(http, SunoAction, $$"""{"action":"extend","index":1,"continueAt":12.5,"parentJobId":"{{song}}"}""");
        var tracks = await ResultAsync(http, extended, "audio");
        Assert.Equal(2, tracks.Count);
        var wav = await http.Client.GetByteArrayAsync(tracks[0]);
        Assert.Equal("RIFF", Encoding.ASCII.GetString(wav, 0, 4));

        var stems = await AcceptedAsync(http, SunoAction, $$"""{"action":"stems","index":2,"parentJobId":"{{song}}"}""");
        Assert.Equal(2, (await ResultAsync(http, stems, "audio")).Count);
        await ExpectAsync(http, SunoAction, $$"""{"action":"cover","parentJobId":"{{stems}}"}""", HttpStatusCode.Conflict);

        // The right endpoint for the parent's model only.
        await ExpectAsync(http, MidjourneyAction, $$"""{"action":"upsample","index":1,"parentJobId":"{{song}}"}""", HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_parent_that_is_unknown_another_callers_or_unfinished_is_refused()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 1000 });
        using var http = new EmulatorHttp(emulator.BaseAddress);

        await ExpectAsync(http, MidjourneyAction, $$"""{"action":"upsample","index":1,"parentJobId":"{{Guid.NewGuid()}}"}""", HttpStatusCode.NotFound);

        // Still running (time runs 1000× slower than the model's average).
        var running = (await EmulatorHttp.ReadJsonAsync(await PostAsync(http, "/v2/images/generate", """{"model":"midjourney","prompt":"slow"}"""))).GetProperty("jobId").GetString()!;
        var error = await ExpectAsync(http, MidjourneyAction, $$"""{"action":"upsample","index":1,"parentJobId":"{{running}}"}""", HttpStatusCode.Conflict);
        Assert.Contains("COMPLETED", error, StringComparison.Ordinal);

        await ExpectAsync(http, MidjourneyAction, $$"""{"action":"upsample","index":1,"parentJobId":"{{running}}"}""", HttpStatusCode.NotFound, key: "afk_another_callers_key_0000000000");
    }

    [Theory]
    [InlineData("""{"action":"upsample","index":5,"parentJobId":"7f1c1f2e-4a53-4c8e-9a53-1c1f2e4a534c"}""")]
    [InlineData("""{"action":"upsample","index":1,"parentJobId":"not-a-uuid"}""")]
    [InlineData("""{"action":"inpaint","parentJobId":"7f1c1f2e-4a53-4c8e-9a53-1c1f2e4a534c"}""")]
    [InlineData("""{"action":"zoom","index":1,"parentJobId":"7f1c1f2e-4a53-4c8e-9a53-1c1f2e4a534c"}""")]
    [InlineData("""{"action":"upsample","index":1,"parentJobId":"7f1c1f2e-4a53-4c8e-9a53-1c1f2e4a534c","extra":true}""")]
    public async Task A_body_the_action_schema_rejects_is_400_before_any_parent_is_looked_up(string body)
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 0 });
        using var http = new EmulatorHttp(emulator.BaseAddress);

        await ExpectAsync(http, MidjourneyAction, body, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Hostile_bytes_are_a_4xx_and_the_emulator_keeps_serving()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 0 });
        using var http = new EmulatorHttp(emulator.BaseAddress);

        await ExpectAsync(http, SunoAction, "{\"action\":\"stems\",", HttpStatusCode.BadRequest);
        await ExpectAsync(http, SunoAction, "{\"action\":\"a\\ud800\"}", HttpStatusCode.BadRequest);
        await ExpectAsync(http, SunoAction, new string('[', 10_000) + new string(']', 10_000), HttpStatusCode.BadRequest);
        await ExpectAsync(http, SunoAction, "{\"action\":\"stems\"}", HttpStatusCode.UnsupportedMediaType, contentType: "text/plain");
        await ExpectAsync(http, SunoAction, "{\"prompt\":\"" + new string('a', 2 << 20) + "\"}", HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(http, "/v2/images/generate", """{"model":"midjourney","prompt":"still serving"}""")).StatusCode);
    }

    private static async Task<string> CompletedAsync(EmulatorHttp http, string path, string body)
    {
        var id = await AcceptedAsync(http, path, body);
        var (job, _, _) = await http.PollUntilDoneAsync(id);
        Assert.Equal("COMPLETED", job.GetProperty("status").GetString());
        return id;
    }

    private static async Task<string> AcceptedAsync(EmulatorHttp http, string path, string body)
    {
        using var response = await PostAsync(http, path, body);
        var json = await EmulatorHttp.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{path} {body}: {(int)response.StatusCode} {json}");
        return json.GetProperty("jobId").GetString()!;
    }

    private static Task<List<string>> ImagesAsync(EmulatorHttp http, string jobId) => ResultAsync(http, jobId, "images");

    private static async Task<List<string>> ResultAsync(EmulatorHttp http, string jobId, string key)
    {
        var (job, _, _) = await http.PollUntilDoneAsync(jobId);
        Assert.Equal("COMPLETED", job.GetProperty("status").GetString());
        return job.GetProperty("result").GetProperty(key).EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    private static async Task<string> ExpectAsync(EmulatorHttp http, string path, string body, HttpStatusCode expected, string key = EmulatorHttp.Key, string contentType = "application/json")
    {
        using var response = await PostAsync(http, path, body, key, contentType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{path} {body[..Math.Min(body.Length, 200)]}: {(int)response.StatusCode} {text}");
        Assert.True(JsonDocument.Parse(text).RootElement.TryGetProperty("error", out _), text);
        return text;
    }

    private static Task<HttpResponseMessage> PostAsync(EmulatorHttp http, string path, string body, string key = EmulatorHttp.Key, string contentType = "application/json")
    {
        var message = new HttpRequestMessage(HttpMethod.Post, path.TrimStart('/'))
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)),
        };
        message.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        message.Headers.Add("X-API-Key", key);
        return http.Client.SendAsync(message);
    }
}
