// The Microsoft.Extensions.AI image abstractions are [Experimental("MEAI001")]; these tests use them on purpose.
#pragma warning disable MEAI001

using System.Text.Json;
using Apiframe;
using FluxGen.IntegrationTests.Client;
using Microsoft.Extensions.AI;
using SkiaSharp;
using Xunit;

namespace FluxGen.IntegrationTests.AI;

/// <summary>
/// The three checks Microsoft.Extensions.AI's own integration tests make of any image generator (one image; two
/// images, each bytes of an image type; an edit of a PNG given as bytes), made of
/// <see cref="ApiframeClient.AsIImageGenerator"/> with its defaults against the emulator.
/// </summary>
public sealed class MeaiIntegrationChecksTests
{
    [Fact]
    public async Task One_image()
    {
        await using var fixture = await ClientFixture.StartAsync();
        using var generator = fixture.Client.AsIImageGenerator();

        var response = await generator.GenerateImagesAsync("A simple drawing of a house", new ImageGenerationOptions { Count = 1 });

        var image = Assert.Single(response.Contents);
        switch (image)
        {
            case UriContent uri:
                Assert.StartsWith("http", uri.Uri.Scheme, StringComparison.Ordinal);
                break;
            case DataContent data:
                Assert.StartsWith("image/", data.MediaType, StringComparison.Ordinal);
                using (var decoded = SKBitmap.Decode(data.Data.ToArray()))
                {
                    Assert.NotNull(decoded);
                }

                break;
            default:
                Assert.Fail("Unexpected content: " + image.GetType().Name);
                break;
        }
    }

    [Fact]
    public async Task Two_images_each_bytes_of_an_image_type()
    {
        await using var fixture = await ClientFixture.StartAsync();
        using var generator = fixture.Client.AsIImageGenerator();

        var response = await generator.GenerateImagesAsync("A cat sitting on a table", new ImageGenerationOptions { Count = 2 });

        Assert.Equal(2, response.Contents.Count);
        foreach (var content in response.Contents)
        {
            var data = Assert.IsType<DataContent>(content);
            Assert.StartsWith("image/", data.MediaType, StringComparison.Ordinal);
            using var decoded = SKBitmap.Decode(data.Data.ToArray());
            Assert.NotNull(decoded);
        }
    }

    [Fact]
    public async Task An_edit_of_a_png_given_as_bytes()
    {
        await using var fixture = await ClientFixture.StartAsync();
        using var generator = fixture.Client.AsIImageGenerator();
        var png = SamplePng.Draw(SKColors.SteelBlue);

        var response = await generator.EditImagesAsync(
            [new DataContent(png, "image/png") { Name = "house.png" }],
            "Add a red border and make the background tie-dye",
            new ImageGenerationOptions { Count = 1 });

        var data = Assert.IsType<DataContent>(Assert.Single(response.Contents));
        Assert.StartsWith("image/", data.MediaType, StringComparison.Ordinal);
        Assert.False(data.Data.IsEmpty);

        // The job started from those bytes: they were uploaded, and the upload's URL is the model's input image.
        var job = Assert.Single(fixture.Emulator.Jobs);
        using var input = JsonDocument.Parse(job.InputJson);
        var url = Assert.Single(input.RootElement.GetProperty("fluxParams").GetProperty("input_images").EnumerateArray()).GetString();
        Assert.Equal(png, await fixture.Http.GetByteArrayAsync(url));
    }
}
