// The Microsoft.Extensions.AI image abstractions are [Experimental("MEAI001")]; these tests use them on purpose.
#pragma warning disable MEAI001

using System.Drawing;
using System.Text.Json;
using Apiframe;
using FluxGen.IntegrationTests.Client;
using Microsoft.Extensions.AI;
using SkiaSharp;
using Xunit;

namespace FluxGen.IntegrationTests.AI;

/// <summary>Editing (<c>ImageGenerationRequest.OriginalImages</c>) through the model's documented input-image member.</summary>
public sealed class ImageGeneratorEditTests
{
    [Fact]
    public async Task Bytes_are_uploaded_and_urls_sent_as_they_are_in_the_models_input_image_list()
    {
        await using var fixture = await ClientFixture.StartAsync();
        using var generator = fixture.Client.AsIImageGenerator();
        var png = SamplePng.Draw(SKColors.OrangeRed);
        var elsewhere = new Uri("https://images.example.test/cat.webp");

        var response = await generator.EditImagesAsync(
            [new DataContent(png, "image/png"), new UriContent(elsewhere, "image/webp")],
            "put the cat in the picture",
            new ImageGenerationOptions { ModelId = "flux-2-pro" });

        Assert.IsType<DataContent>(Assert.Single(response.Contents));
        using var input = Input(fixture, Assert.IsType<ApiframeJob>(response.RawRepresentation).Id);
        var images = input.RootElement.GetProperty("fluxParams").GetProperty("input_images").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal(2, images.Length);
        Assert.Equal(png, await fixture.Http.GetByteArrayAsync(images[0]));
        Assert.Equal(elsewhere.AbsoluteUri, images[1]);
        Assert.Single(fixture.Emulator.Requests, r => r.Method == "POST" && r.Path == "/v2/uploads");
    }

    [Fact]
    public async Task An_image_the_generator_made_goes_back_by_its_result_url_without_an_upload()
    {
        await using var fixture = await ClientFixture.StartAsync();
        using var generator = fixture.Client.AsIImageGenerator("seedream-4");

        var first = await generator.GenerateImagesAsync("a teapot");
        var made = Assert.IsType<DataContent>(Assert.Single(first.Contents));
        var edited = await generator.EditImageAsync(made, "make it blue");

        var firstJob = Assert.IsType<ApiframeJob>(first.RawRepresentation);
        using var input = Input(fixture, Assert.IsType<ApiframeJob>(edited.RawRepresentation).Id);
        var sent = Assert.Single(input.RootElement.GetProperty("seedreamParams").GetProperty("image_input").EnumerateArray()).GetString();
        Assert.Equal(new Uri(fixture.Emulator.BaseAddress, firstJob.Images[0]).AbsoluteUri, sent);
        Assert.DoesNotContain(fixture.Emulator.Requests, r => r.Path == "/v2/uploads");

        // The same bytes in another DataContent are not known to be that result: they are uploaded.
        var copy = new DataContent(made.Data, made.MediaType);
        var again = await generator.EditImageAsync(copy, "make it green");
        using var second = Input(fixture, Assert.IsType<ApiframeJob>(again.RawRepresentation).Id);
        var uploaded = Assert.Single(second.RootElement.GetProperty("seedreamParams").GetProperty("image_input").EnumerateArray()).GetString();
        Assert.Equal(made.Data.ToArray(), await fixture.Http.GetByteArrayAsync(uploaded));
    }

    [Fact]
    public async Task An_image_made_over_an_hour_ago_is_uploaded_not_sent_by_a_result_url_that_may_be_purged()
    {
        await using var fixture = await ClientFixture.StartAsync();
        var clock = new ShiftedTimeProvider(fixture.Options.TimeProvider);
        using var client = fixture.NewClient(o => o.TimeProvider = clock);
        using var generator = client.AsIImageGenerator("seedream-4");

        var made = Assert.IsType<DataContent>(Assert.Single((await generator.GenerateImagesAsync("a teapot")).Contents));
        clock.Shift = TimeSpan.FromMinutes(61);
        var edited = await generator.EditImageAsync(made, "make it blue");

        using var input = Input(fixture, Assert.IsType<ApiframeJob>(edited.RawRepresentation).Id);
        var sent = Assert.Single(input.RootElement.GetProperty("seedreamParams").GetProperty("image_input").EnumerateArray()).GetString();
        Assert.Contains("/uploads/", sent, StringComparison.Ordinal);
        Assert.Equal(made.Data.ToArray(), await fixture.Http.GetByteArrayAsync(sent));
    }

    [Fact]
    public async Task A_model_whose_member_takes_one_image_gets_it_as_a_single_url()
    {
        await using var fixture = await ClientFixture.StartAsync();
        using var generator = fixture.Client.AsIImageGenerator("kling-image");
        var photo = new Uri("https://images.example.test/face.jpg");

        var response = await generator.EditImagesAsync([new UriContent(photo, "image/jpeg")], "as a watercolour", new ImageGenerationOptions { ResponseFormat = ImageGenerationResponseFormat.Uri });

        Assert.IsType<UriContent>(Assert.Single(response.Contents));
        using var input = Input(fixture, Assert.IsType<ApiframeJob>(response.RawRepresentation).Id);
        Assert.Equal(photo.AbsoluteUri, input.RootElement.GetProperty("klingImageParams").GetProperty("image").GetString());
    }

    [Fact]
    public async Task What_cannot_be_honoured_is_NotSupportedException_before_any_http_call()
    {
        await using var fixture = await ClientFixture.StartAsync();
        using var generator = fixture.Client.AsIImageGenerator().AsBuilder().UseOpenTelemetry().Build();
        var png = new DataContent(SamplePng.Draw(SKColors.Teal), "image/png");
        var url = new UriContent(new Uri("https://images.example.test/a.png"), "image/png");

        async Task<string> Refused(Func<Task> call) => (await Assert.ThrowsAsync<NotSupportedException>(call)).Message;
        Task Edit(IEnumerable<AIContent> originals, ImageGenerationOptions? options = null) => generator.EditImagesAsync(originals, "x", options);
        Task Generate(ImageGenerationOptions options) => generator.GenerateImagesAsync("x", options);

        // A model with no input image; more images than the member takes; two images for a one-image member.
        Assert.Contains("imagen-4", await Refused(() => Edit([png], new() { ModelId = "imagen-4" })));
        Assert.Contains("at most 10", await Refused(() => Edit(Enumerable.Repeat<AIContent>(url, 11), new() { ModelId = "flux-2-pro" })));
        Assert.Contains("one input image", await Refused(() => Edit([png, url], new() { ModelId = "kling-image" })));
        Assert.Contains("at most 10", await Refused(() => Edit(Enumerable.Repeat<AIContent>(url, 11))));

        // Contents that are not images, or not where the API can fetch them.
        Assert.Contains("text/plain", await Refused(() => Edit([new DataContent("hello"u8.ToArray(), "text/plain")])));
        Assert.Contains("image/bmp", await Refused(() => Edit([new DataContent(new byte[] { 0x42, 0x4D }, "image/bmp")])));
        Assert.Contains("video/mp4", await Refused(() => Edit([new DataContent(new byte[] { 0, 0, 0, 0x18 }, "video/mp4")])));
        Assert.Contains("TextContent", await Refused(() => Edit([new TextContent("a cat")])));
        Assert.Contains("http", await Refused(() => Edit([new UriContent(new Uri("file:///tmp/a.png"), "image/png")])));

        // Options MEAI can hand over that no Apiframe request can carry.
        Assert.Contains("Hosted", await Refused(() => Generate(new() { ResponseFormat = ImageGenerationResponseFormat.Hosted })));
        Assert.Contains("0x0", await Refused(() => Generate(new() { ImageSize = new Size(0, 0) })));
        Assert.Contains("StreamingCount", await Refused(() => Generate(new() { StreamingCount = 2 })));
        Assert.Contains("style", await Refused(() => Generate(new() { AdditionalProperties = new() { ["style"] = "vivid" } })));

        Assert.Empty(fixture.Emulator.Requests);
    }

    private static JsonDocument Input(ClientFixture fixture, string jobId) =>
        JsonDocument.Parse(fixture.Emulator.Jobs.Single(j => j.Id == jobId).InputJson);

    // The fixture's clock, moved on by Shift: the generator's notion of "an hour later" without waiting one.
    private sealed class ShiftedTimeProvider(TimeProvider inner) : TimeProvider
    {
        public TimeSpan Shift { get; set; }

        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + Shift;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            inner.CreateTimer(callback, state, dueTime, period);
    }
}
