using System.Net;
using System.Text.Json;
using FluxGen.Emulator;
using Xunit;

namespace FluxGen.IntegrationTests.Emulator;

public sealed class EmulatorValidationTests : IAsyncLifetime
{
    private ApiframeEmulator _emulator = null!;
    private EmulatorHttp _http = null!;

    public async Task InitializeAsync()
    {
        _emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { ManualClock = true });
        _http = new EmulatorHttp(_emulator.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    public static TheoryData<string, string, string> InvalidBodies => new()
    {
        { EmulatorHttp.Body("\"output_quality\":101"), "fluxParams.output_quality", "at most 100" },
        { EmulatorHttp.Body("\"output_quality\":-1"), "fluxParams.output_quality", "at least 0" },
        { EmulatorHttp.Body("\"output_quality\":90.5"), "fluxParams.output_quality", "integer" },
        { EmulatorHttp.Body("\"image_prompt_strength\":0.33"), "fluxParams.image_prompt_strength", "multiple of 0.05" },
        { EmulatorHttp.Body("\"image_prompt_strength\":1.05"), "fluxParams.image_prompt_strength", "at most 1" },
        { EmulatorHttp.Body("\"image_prompt_strength\":0.5"), "fluxParams.image_prompt", "Required when image_prompt_strength is present" },
        { EmulatorHttp.Body("\"sharpness\":3"), "fluxParams.sharpness", "Unknown property" },
        { EmulatorHttp.Body(extra: "\"webhook_url\":\"https://example.test/hook\""), "webhook_url", "Unknown property" },
        { """{"prompt":"","model":"flux-1.1-pro"}""", "prompt", "at least 1" },
        { """{"model":"flux-1.1-pro"}""", "prompt", "Required" },
        { EmulatorHttp.Body(extra: "\"webhookUrl\":\"/relative/hook\""), "webhookUrl", "absolute http or https" },
        { EmulatorHttp.Body(extra: "\"webhookUrl\":\"ftp://example.test/hook\""), "webhookUrl", "absolute http or https" },
        { EmulatorHttp.Body("\"image_prompt\":\"not a url\""), "fluxParams.image_prompt", "absolute http or https" },
        { EmulatorHttp.Body("\"output_format\":\"gif\""), "fluxParams.output_format", "jpg, png, webp" },
        { EmulatorHttp.Body("\"aspect_ratio\":\"2:1\""), "fluxParams.aspect_ratio", "one of" },
        { EmulatorHttp.Body("\"raw\":\"yes\""), "fluxParams.raw", "Expected boolean" },
        { EmulatorHttp.Body(extra: "\"webhookEvents\":[]"), "webhookEvents", "at least 1" },
        { EmulatorHttp.Body(extra: "\"webhookEvents\":[\"done\"]"), "webhookEvents[0]", "one of" },
        { """{"prompt":"x","model":"flux-9"}""", "model", "Unknown model" },
        { """{"prompt":"x"}""", "model", "Required" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Invalid_body_is_400_keyed_by_json_path(string body, string path, string messagePart)
    {
        using var response = await _http.SubmitAsync(body);
        var json = await EmulatorHttp.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Validation failed", json.GetProperty("error").GetString());
        var messages = json.GetProperty("details").GetProperty(path).EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.Contains(messages, m => m.Contains(messagePart, StringComparison.Ordinal));
        Assert.Empty(_emulator.Jobs);
    }

    [Fact]
    public async Task Every_violation_is_reported_at_once()
    {
        using var response = await _http.SubmitAsync("""{"prompt":"","model":"flux-1.1-pro","fluxParams":{"output_quality":101,"image_prompt_strength":0.33,"extra":1}}""");
        var details = (await EmulatorHttp.ReadJsonAsync(response)).GetProperty("details");

        Assert.Equal(
            ["fluxParams.extra", "fluxParams.image_prompt", "fluxParams.image_prompt_strength", "fluxParams.output_quality", "prompt"],
            details.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Prompt_length_counts_code_points_not_utf16_units()
    {
        var emoji = string.Concat(Enumerable.Repeat("\U0001F308", 2000)); // 2000 code points, 4000 UTF-16 units
        var body = JsonSerializer.Serialize(new { prompt = emoji, model = "flux-1.1-pro" });

        using var response = await _http.SubmitAsync(body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData("\"image_prompt\":\"https://example.test/ref.png\",\"image_prompt_strength\":0.35")]
    [InlineData("\"image_prompt\":\"https://example.test/ref.png\",\"image_prompt_strength\":0.7")]
    [InlineData("\"image_prompt\":\"https://example.test/ref.png\",\"image_prompt_strength\":1")]
    [InlineData("\"output_quality\":100,\"seed\":42,\"raw\":true,\"output_format\":\"webp\",\"aspect_ratio\":\"9:16\"")]
    [InlineData("\"image_prompt\":\"https://example.test/ref.png\",\"image_prompt_strength\":0.05")]
    public async Task Valid_edge_values_are_accepted(string fluxParams)
    {
        using var response = await _http.SubmitAsync(EmulatorHttp.Body(fluxParams, "\"webhookUrl\":\"https://example.test/hook\",\"webhookEvents\":[\"progress\",\"failed\"]"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Malformed_json_is_400()
    {
        using var response = await _http.SubmitAsync("{\"prompt\":");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await EmulatorHttp.ReadJsonAsync(response)).GetProperty("details").TryGetProperty("$", out _));
    }

    [Fact]
    public async Task Overlong_idempotency_key_is_400()
    {
        using var response = await _http.SubmitAsync(EmulatorHttp.ValidBody, idempotencyKey: new string('k', 256));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_emulator.Jobs);
    }
}
