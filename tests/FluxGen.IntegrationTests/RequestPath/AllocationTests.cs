using System.Buffers;
using System.Text.Json;
using Apiframe;
using Xunit;

namespace FluxGen.IntegrationTests.RequestPath;

/// <summary>
/// The request path costs nothing it need not: after warm-up, <c>WriteTo</c> and <c>Validate()</c> on a valid request
/// allocate no byte, and <c>ToJson()</c> allocates only the string it returns. Bytes are counted on this thread.
/// </summary>
public class AllocationTests
{
    private const int Rounds = 1000;

    public static Flux11ProRequest FullRequest() => new("a red umbrella on a rainy Tokyo street, neon reflections, 35 mm")
    {
        WebhookUrl = "https://example.com/hooks/apiframe?source=fluxgen",
        WebhookEvents = [WebhookEvent.Progress, WebhookEvent.Completed, WebhookEvent.Failed],
        FluxParams = new Flux11ProParams
        {
            ImagePrompt = "https://cdn.example.com/reference/umbrella.png",
            ImagePromptStrength = 0.35,
            OutputFormat = Flux11ProOutputFormat.Webp,
            OutputQuality = 90,
            Raw = false,
            Seed = 42,
            AspectRatio = Flux11ProAspectRatio.Ratio16x9,
        },
    };

    [Fact]
    public void WriteTo_allocates_nothing()
    {
        var request = FullRequest();
        var buffer = new ArrayBufferWriter<byte>(4096);
        using var writer = new Utf8JsonWriter(buffer);
        void Write()
        {
            request.WriteTo(writer);
            writer.Flush();
            writer.Reset();
            buffer.ResetWrittenCount();
        }

        Assert.Equal(0, AllocatedPerRound(Write));
    }

    [Fact]
    public void Validate_on_a_valid_request_allocates_nothing() =>
        Assert.Equal(0, AllocatedPerRound(FullRequest().Validate));

    [Fact]
    public void Validate_allocates_nothing_at_the_bounds_either()
    {
        var request = FullRequest() with
        {
            FluxParams = new Flux11ProParams { ImagePromptStrength = 1, OutputQuality = 100, Seed = long.MinValue, ImagePrompt = "http://[::ffff:192.168.0.1]:99999/#x" },
        };
        Assert.Equal(0, AllocatedPerRound(request.Validate));
        Assert.Equal(0, AllocatedPerRound((request with { FluxParams = new Flux11ProParams { ImagePrompt = "https://example.com/a.png", ImagePromptStrength = 0 } }).Validate));
    }

    [Fact]
    public void ToJson_allocates_only_its_result()
    {
        var request = FullRequest();
        var json = request.ToJson();

        // A string is its header (the method table, the length, the terminator: 22 bytes, padded to 8) and its
        // UTF-16 text; nothing else may be left behind per call.
        var stringBytes = (22 + (2 * json.Length) + 7) / 8 * 8;
        Assert.Equal(stringBytes, AllocatedPerRound(() => request.ToJson()));
    }

    private static long AllocatedPerRound(Action action)
    {
        // Warm-up: thread-static caches filled, every method past its first call.
        for (var i = 0; i < 2000; i++)
        {
            action();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Rounds; i++)
        {
            action();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / Rounds;
    }
}
