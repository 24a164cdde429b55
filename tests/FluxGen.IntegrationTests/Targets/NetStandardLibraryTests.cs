using System.Reflection;
using System.Runtime.Versioning;
using FluxGen.IntegrationTests.Client;
using FluxGen.IntegrationTests.Emulator;
using FluxGen.PortableLibrary;
using SkiaSharp;
using Xunit;

namespace FluxGen.IntegrationTests.Targets;

/// <summary>
/// tests/FluxGen.PortableLibrary is a library built for netstandard2.0 and net48 with FluxGen's output inside; this
/// .NET 10 project references its netstandard2.0 build, so the runtime sources' older-framework branches (the
/// FLUXGEN_DOWNLEVEL ones, the polyfills, the shims) run here for real, against the emulator.
/// </summary>
public class NetStandardLibraryTests
{
    private static readonly Assembly Library = typeof(PortableImages).Assembly;

    [Fact]
    public void TheReferencedBuildIsTheNetStandardOneWithTheOlderFrameworksBranches()
    {
        Assert.Equal(".NETStandard,Version=v2.0", Library.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName);

        // Written only for targets before net8.0, and internal to the library: its own copies, not the framework's.
        Assert.NotNull(Library.GetType("Apiframe.Serialization.ApiframeByteBuffer"));
        Assert.NotNull(Library.GetType("Apiframe.ApiframeDownLevelShims"));
        Assert.NotNull(Library.GetType("System.Runtime.CompilerServices.IsExternalInit"));
        Assert.DoesNotContain(Library.GetExportedTypes(), t => t.Namespace?.StartsWith("Apiframe", StringComparison.Ordinal) == true || t.Namespace?.StartsWith("System", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task GeneratesDownloadsUploadsAndVerifiesWebhooksOnTheEmulator()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var emulator = await global::FluxGen.Emulator.ApiframeEmulator.StartAsync(new global::FluxGen.Emulator.EmulatorOptions { TimeScale = 1 / ClientFixture.Speedup });
        using var http = new HttpClient();
        using var images = new PortableImages(http, emulator.BaseAddress, ClientFixture.Key, new ScaledTimeProvider(ClientFixture.Speedup));

        var image = await images.GenerateAsync("a lighthouse at dusk", receiver.Url.ToString());

        Assert.Equal("COMPLETED", image.Status);
        using (var codec = SKCodec.Create(new MemoryStream(image.Bytes)))
        {
            Assert.Equal(SKEncodedImageFormat.Png, codec.EncodedFormat);
            Assert.Equal(codec.Info.Width * 3, codec.Info.Height * 4, tolerance: 4);
        }

        // The delivery verifies over its raw bytes with the library's HMAC and constant-time compare; a changed byte
        // or another signature does not.
        var calls = await Eventually.WaitAsync(() => receiver.Received.ToArray(), r => r.Any(c => c.Event == "completed"), "the completed webhook");
        var completed = calls.Last(c => c.Event == "completed");
        Assert.Equal(image.JobId, images.VerifyWebhook(completed.Body, completed.Signature));
        var altered = (byte[])completed.Body.Clone();
        altered[^2] ^= 0x01;
        Assert.Null(images.VerifyWebhook(altered, completed.Signature));
        Assert.Null(images.VerifyWebhook(completed.Body, "sha256=" + new string('0', 64)));

        // An upload goes through the library's multipart content (its older-framework serialize path).
        var url = await images.UploadAsync(image.Bytes, "lighthouse.png");
        var uploaded = await http.GetByteArrayAsync(url);
        Assert.Equal(image.Bytes, uploaded);
    }

    [Fact]
    public void ADocumentModelSerializesThroughTheLibrarysBuffer()
    {
        using var body = System.Text.Json.JsonDocument.Parse(PortableImages.MidjourneyBody("a fox"));
        Assert.Equal("midjourney", body.RootElement.GetProperty("model").GetString());
        Assert.Equal("a fox", body.RootElement.GetProperty("prompt").GetString());
        Assert.Equal("16:9", body.RootElement.GetProperty("midjourneyParams").GetProperty("aspect_ratio").GetString());
    }
}
