using System.Buffers;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Apiframe;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace FluxGen.Benchmarks;

/// <summary>
/// What a request costs before it is sent, against the usual way of doing the same in one run: System.Text.Json's
/// source generator over equivalent POCOs for <c>ToJson()</c> and <c>WriteTo</c>, DataAnnotations' <c>Validator</c>
/// over the same POCOs (with the same rules as attributes) for <c>Validate()</c>. Each category has its own
/// baseline, so the Ratio and Alloc Ratio columns read FluxGen against it.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class RequestPathBenchmarks
{
    private readonly Flux11ProRequest _request = new("a red umbrella on a rainy Tokyo street, neon reflections, 35 mm")
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

    private readonly StjFluxRequest _poco = StjFluxRequest.Sample();
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private Utf8JsonWriter _writer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _writer = new Utf8JsonWriter(_buffer);

        // Equivalent means the same bytes on the wire.
        var ours = _request.ToJson();
        var theirs = JsonSerializer.Serialize(_poco, StjContext.Default.StjFluxRequest);
        if (ours != theirs)
        {
            throw new InvalidOperationException($"The baseline writes other JSON:\n{ours}\n{theirs}");
        }

        if (!DataAnnotationsValid(_poco))
        {
            throw new InvalidOperationException("The baseline POCO does not validate.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _writer.Dispose();

    [BenchmarkCategory("ToJson"), Benchmark(Baseline = true)]
    public string Stj_Serialize_to_string() => JsonSerializer.Serialize(_poco, StjContext.Default.StjFluxRequest);

    [BenchmarkCategory("ToJson"), Benchmark]
    public string FluxGen_ToJson() => _request.ToJson();

    [BenchmarkCategory("WriteTo"), Benchmark(Baseline = true)]
    public int Stj_Serialize_to_writer()
    {
        JsonSerializer.Serialize(_writer, _poco, StjContext.Default.StjFluxRequest);
        return Done();
    }

    [BenchmarkCategory("WriteTo"), Benchmark]
    public int FluxGen_WriteTo()
    {
        _request.WriteTo(_writer);
        return Done();
    }

    [BenchmarkCategory("Validate"), Benchmark(Baseline = true)]
    public bool DataAnnotations_Validator() => DataAnnotationsValid(_poco);

    [BenchmarkCategory("Validate"), Benchmark]
    public bool FluxGen_Validate()
    {
        _request.Validate();
        return true;
    }

    // DataAnnotations does not descend into members, so the nested params are validated as a second object.
    private static bool DataAnnotationsValid(StjFluxRequest poco) =>
        Validator.TryValidateObject(poco, new ValidationContext(poco), null, validateAllProperties: true)
        && (poco.FluxParams is null || Validator.TryValidateObject(poco.FluxParams, new ValidationContext(poco.FluxParams), null, validateAllProperties: true));

    private int Done()
    {
        _writer.Flush();
        var written = _buffer.WrittenCount;
        _writer.Reset();
        _buffer.ResetWrittenCount();
        return written;
    }
}
