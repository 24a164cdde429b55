// The Microsoft.Extensions.AI image abstractions are [Experimental("MEAI001")]; these tests use them on purpose.
#pragma warning disable MEAI001

using System.Drawing;
using System.Text.Json;
using Apiframe;
using Apiframe.Validation;
using FluxGen.IntegrationTests.Client;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SkiaSharp;
using Xunit;

namespace FluxGen.IntegrationTests.AI;

/// <summary>
/// <see cref="ApiframeClient.AsIImageGenerator"/> against the emulator, inside Microsoft.Extensions.AI's own pipeline
/// (OpenTelemetry and logging middleware) and its DI helpers.
/// </summary>
public sealed class ImageGeneratorTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task A_prompt_gives_png_bytes_of_the_asked_size_with_the_job_and_its_credits()
    {
        await using var fixture = await ClientFixture.StartAsync(e => e.CreditsPerImage = 3);
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new Hosting.CapturingLoggerProvider()));
        using var generator = fixture.Client.AsIImageGenerator().AsBuilder().UseOpenTelemetry().UseLogging(loggerFactory).Build();

        var response = await generator.GenerateImagesAsync("a red umbrella in Tokyo rain", new ImageGenerationOptions
        {
            MediaType = "image/png",
            ResponseFormat = ImageGenerationResponseFormat.Data,
            ImageSize = new Size(1920, 1000), // flux-1.1-pro takes pixels (the document's width and height, 256 to 2048)
        });

        var image = Assert.IsType<DataContent>(Assert.Single(response.Contents));
        Assert.Equal("image/png", image.MediaType);
        Assert.Equal(PngSignature, image.Data.Span[..8].ToArray());
        using var bitmap = SKBitmap.Decode(image.Data.ToArray());
        Assert.NotNull(bitmap);
        Assert.Equal(bitmap.Width * 1000, bitmap.Height * 1920, tolerance: 1920);

        var job = Assert.IsType<ApiframeJob>(response.RawRepresentation);
        Assert.Equal(ApiframeJobStatus.Completed, job.Status);
        using var input = Input(fixture, job.Id);
        Assert.Equal(1920, input.RootElement.GetProperty("fluxParams").GetProperty("width").GetInt32());
        Assert.Equal(1000, input.RootElement.GetProperty("fluxParams").GetProperty("height").GetInt32());
        Assert.False(input.RootElement.GetProperty("fluxParams").TryGetProperty("aspect_ratio", out _));
        Assert.Equal("png", input.RootElement.GetProperty("fluxParams").GetProperty("output_format").GetString());
        Assert.Equal(3, job.CreditCost);
        Assert.Equal(3, response.Usage?.AdditionalCounts?[ApiframeImageGenerator.CreditsUsageKey]);
        Assert.Equal(3, fixture.Emulator.Ledger.CreditsFor(job.Id));
    }

    [Fact]
    public async Task Unset_format_gives_the_files_bytes_with_their_media_type()
    {
        await using var fixture = await ClientFixture.StartAsync();
        using var generator = fixture.Client.AsIImageGenerator();

        var response = await generator.GenerateImagesAsync("a lighthouse");

        var job = Assert.IsType<ApiframeJob>(response.RawRepresentation);
        var image = Assert.IsType<DataContent>(Assert.Single(response.Contents));
        Assert.Equal("image/jpeg", image.MediaType); // flux-1.1-pro's default output_format, jpg
        Assert.Equal(await fixture.Http.GetByteArrayAsync(job.Images[0]), image.Data.ToArray());
    }

    [Fact]
    public async Task Uri_format_gives_the_result_urls_without_downloading_them()
    {
        await using var fixture = await ClientFixture.StartAsync();
        using var generator = fixture.Client.AsIImageGenerator();

        var response = await generator.GenerateImagesAsync("a lighthouse", new ImageGenerationOptions { ResponseFormat = ImageGenerationResponseFormat.Uri });

        var job = Assert.IsType<ApiframeJob>(response.RawRepresentation);
        var content = Assert.IsType<UriContent>(Assert.Single(response.Contents));
        Assert.Equal(new Uri(job.Images[0]), content.Uri);
        Assert.Equal("image/jpeg", content.MediaType);
        Assert.DoesNotContain(fixture.Emulator.Requests, r => content.Uri.AbsolutePath == r.Path);

        // The URL is the file itself, fetchable without the key.
        using var http = new HttpClient();
        var bytes = await http.GetByteArrayAsync(content.Uri);
        using var decoded = SKBitmap.Decode(bytes);
        Assert.NotNull(decoded);
    }

    [Fact]
    public async Task Data_is_downloaded_under_the_reply_size_cap()
    {
        await using var fixture = await ClientFixture.StartAsync();
        using var capped = fixture.NewClient(o => o.MaxResponseBodyBytes = 4096); // a job's JSON fits, a 1024-pixel PNG does not
        using var generator = capped.AsIImageGenerator();

        var error = await Assert.ThrowsAsync<ApiframeException>(() => generator.GenerateImagesAsync("a big picture", new ImageGenerationOptions
        {
            MediaType = "image/png",
            ResponseFormat = ImageGenerationResponseFormat.Data,
        }));

        Assert.Contains("MaxResponseBodyBytes (4096 bytes)", error.Message);
        Assert.Single(fixture.Emulator.Requests, r => r.Method == "GET" && r.Path.Contains('.', StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("imagen-4", 1000, 1000, "imagenParams", "aspect_ratio", "1:1")]
    [InlineData("stable-diffusion-3.5-large", 2100, 900, "stableDiffusionParams", "aspect_ratio", "21:9")]
    [InlineData("midjourney", 1920, 1080, "midjourneyParams", "aspect_ratio", "16:9")]
    public async Task Another_model_by_ModelId_gets_its_own_params_block_and_ratio(string model, int width, int height, string block, string member, string expected)
    {
        await using var fixture = await ClientFixture.StartAsync();
        using var generator = fixture.Client.AsIImageGenerator();

        var response = await generator.GenerateImagesAsync("a harbour at dawn", new ImageGenerationOptions { ModelId = model, ImageSize = new Size(width, height) });

        var job = Assert.IsType<ApiframeJob>(response.RawRepresentation);
        Assert.Equal(model, job.Model);
        Assert.Single(response.Contents);
        using var input = Input(fixture, job.Id);
        Assert.Equal(model, input.RootElement.GetProperty("model").GetString());
        Assert.Equal(expected, input.RootElement.GetProperty(block).GetProperty(member).GetString());
    }

    [Fact]
    public async Task A_model_that_takes_pixels_gets_a_width_and_height_fitted_to_its_bounds()
    {
        await using var fixture = await ClientFixture.StartAsync();
        using var generator = fixture.Client.AsIImageGenerator("flux-2-pro");

        var response = await generator.GenerateImagesAsync("a wide valley", new ImageGenerationOptions { ImageSize = new Size(4096, 2048), MediaType = "image/webp" });

        using var input = Input(fixture, Assert.IsType<ApiframeJob>(response.RawRepresentation).Id);
        var block = input.RootElement.GetProperty("fluxParams");
        Assert.Equal(2048, block.GetProperty("width").GetInt32()); // flux-2-pro's maximum, shape kept
        Assert.Equal(1024, block.GetProperty("height").GetInt32());
        Assert.Equal("webp", block.GetProperty("output_format").GetString());
    }

    [Fact]
    public async Task Count_goes_to_the_models_count_member_where_it_has_one()
    {
        await using var fixture = await ClientFixture.StartAsync();
        using var generator = fixture.Client.AsIImageGenerator("qwen-image");

        var response = await generator.GenerateImagesAsync("three pears", new ImageGenerationOptions { Count = 3 });

        Assert.Equal(3, response.Contents.Count);
        using var input = Input(fixture, Assert.IsType<ApiframeJob>(response.RawRepresentation).Id);
        Assert.Equal(3, input.RootElement.GetProperty("qwenImageParams").GetProperty("num_images").GetInt32());
    }

    [Fact]
    public async Task A_typed_request_from_RawRepresentationFactory_is_sent_as_it_is()
    {
        await using var fixture = await ClientFixture.StartAsync();
        using var generator = fixture.Client.AsIImageGenerator().AsBuilder().UseOpenTelemetry().Build();
        var typed = new Flux11ProRequest("typed umbrella")
        {
            FluxParams = new() { AspectRatio = Flux11ProAspectRatio.Ratio9x16, OutputFormat = Flux11ProOutputFormat.Png, Seed = 7, OutputQuality = 55 },
        };

        // The prompt and options beside it are the typed request's to say: they are not applied over it.
        var response = await generator.GenerateImagesAsync("ignored", new ImageGenerationOptions
        {
            ModelId = "imagen-4",
            RawRepresentationFactory = _ => typed,
        });

        var job = Assert.IsType<ApiframeJob>(response.RawRepresentation);
        Assert.Equal("flux-1.1-pro", job.Model);
        Assert.Equal(typed.ToJson(), Input(fixture, job.Id).RootElement.GetRawText());
    }

    [Fact]
    public async Task An_invalid_typed_request_is_refused_before_any_http_call()
    {
        await using var fixture = await ClientFixture.StartAsync();
        using var generator = fixture.Client.AsIImageGenerator().AsBuilder().UseOpenTelemetry().Build();
        var quality = int.Parse("101", System.Globalization.CultureInfo.InvariantCulture);
        var invalid = new Flux11ProRequest("too good") { FluxParams = new() { OutputQuality = quality } };

        var error = await Assert.ThrowsAsync<ApiframeValidationException>(
            () => generator.GenerateImagesAsync("ignored", new ImageGenerationOptions { RawRepresentationFactory = _ => invalid }));

        Assert.Contains(error.Errors, e => e.Path == "fluxParams.output_quality" && e.Constraint == "maximum");
        Assert.Empty(fixture.Emulator.Requests);
    }

    [Fact]
    public async Task A_typed_request_with_images_or_a_count_beside_it_is_NotSupportedException_before_any_http_call()
    {
        await using var fixture = await ClientFixture.StartAsync();
        using var generator = fixture.Client.AsIImageGenerator();
        var typed = new ImageGenerationOptions { RawRepresentationFactory = _ => new Flux11ProRequest("typed") };
        var image = new UriContent(new Uri("https://images.example.test/a.png"), "image/png");

        await Assert.ThrowsAsync<NotSupportedException>(() => generator.EditImagesAsync([image], "x", typed));
        typed.Count = 2;
        await Assert.ThrowsAsync<NotSupportedException>(() => generator.GenerateImagesAsync("x", typed));
        Assert.Empty(fixture.Emulator.Requests);
    }

    [Fact]
    public async Task Options_a_model_cannot_honour_are_refused_before_any_http_call()
    {
        await using var fixture = await ClientFixture.StartAsync();
        using var generator = fixture.Client.AsIImageGenerator();

        await Assert.ThrowsAsync<NotSupportedException>(() => generator.GenerateImagesAsync("x", new ImageGenerationOptions { ModelId = "no-such-model" }));
        await Assert.ThrowsAsync<NotSupportedException>(() => generator.GenerateImagesAsync("x", new ImageGenerationOptions { ModelId = "imagen-4", MediaType = "image/webp" }));
        await Assert.ThrowsAsync<NotSupportedException>(() => generator.GenerateImagesAsync("x", new ImageGenerationOptions { ModelId = "flux-lora" }));
        await Assert.ThrowsAsync<ApiframeValidationException>(() => generator.GenerateImagesAsync(string.Empty));
        Assert.Empty(fixture.Emulator.Requests);
    }

    [Fact]
    public async Task Metadata_names_the_provider_base_address_and_default_model_through_the_pipeline()
    {
        await using var fixture = await ClientFixture.StartAsync();
        using var generator = fixture.Client.AsIImageGenerator().AsBuilder().UseOpenTelemetry().Build();

        var metadata = generator.GetService<ImageGeneratorMetadata>();

        Assert.NotNull(metadata);
        Assert.Equal("apiframe", metadata.ProviderName);
        Assert.Equal(fixture.Emulator.BaseAddress, metadata.ProviderUri);
        Assert.Equal("flux-1.1-pro", metadata.DefaultModelId);
        Assert.Same(fixture.Client, generator.GetService<ApiframeClient>());
        Assert.Equal("imagen-4", fixture.Client.AsIImageGenerator("imagen-4").GetService<ImageGeneratorMetadata>()?.DefaultModelId);
    }

    [Fact]
    public async Task Works_from_DI_with_AddImageGenerator_over_AddApiframeClient()
    {
        await using var fixture = await ClientFixture.StartAsync();
        var logs = new Hosting.CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddApiframeClient(o =>
        {
            o.ApiKey = ClientFixture.Key;
            o.BaseAddress = fixture.Emulator.BaseAddress;
            o.TimeProvider = fixture.Options.TimeProvider;
        });
        services.AddImageGenerator(sp => sp.GetRequiredService<ApiframeClient>().AsIImageGenerator("imagen-4")).UseLogging();
        await using var provider = services.BuildServiceProvider();

        var generator = provider.GetRequiredService<IImageGenerator>();
        var response = await generator.GenerateImagesAsync("a paper boat");

        Assert.Equal("imagen-4", Assert.IsType<ApiframeJob>(response.RawRepresentation).Model);
        Assert.Single(response.Contents);
        Assert.Contains(logs.Entries, e => e.Category.Contains("LoggingImageGenerator", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.EventId.Id == ApiframeLog.SubmittedEvent.Id);
    }

    private static JsonDocument Input(ClientFixture fixture, string jobId) =>
        JsonDocument.Parse(fixture.Emulator.Jobs.Single(j => j.Id == jobId).InputJson);
}
