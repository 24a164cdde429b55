// The Microsoft.Extensions.AI image abstractions are [Experimental("MEAI001")]; these tests use them on purpose.
#pragma warning disable MEAI001

using System.Collections.Concurrent;
using System.Diagnostics;
using Apiframe;
using FluxGen.IntegrationTests.Client;
using Microsoft.Extensions.AI;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Xunit;

namespace FluxGen.IntegrationTests.AI;

/// <summary>The client's own spans, exported by the OpenTelemetry SDK, carry the GenAI semantic conventions and
/// sit under the span of MEAI's OpenTelemetry middleware.</summary>
public sealed class OpenTelemetryTests
{
    private const string PipelineSource = "FluxGen.IntegrationTests.AI";

    [Fact]
    public async Task Submit_and_wait_spans_are_exported_with_GenAI_attributes_under_the_pipelines_span()
    {
        await using var fixture = await ClientFixture.StartAsync();
        var ended = new EndedSpans();
        using var tracing = Tracing(ended);
        using var generator = fixture.Client.AsIImageGenerator().AsBuilder().UseOpenTelemetry(sourceName: PipelineSource).Build();

        await generator.GenerateImagesAsync("a traced umbrella", new ImageGenerationOptions { ModelId = "imagen-4" });
        var exported = ended.Snapshot();

        // Other tests run at the same time and use the client too: only this call's trace counts.
        var pipeline = Assert.Single(exported, a => a.Source.Name == PipelineSource);
        var ours = exported.Where(a => a.TraceId == pipeline.TraceId && a.Source.Name == ApiframeDiagnostics.Name).ToList();
        var submit = Assert.Single(ours, a => a.OperationName == "Apiframe.Submit");
        Assert.Equal(pipeline.SpanId, submit.ParentSpanId);
        Assert.Equal("generate_content", submit.GetTagItem("gen_ai.operation.name"));
        Assert.Equal("apiframe", submit.GetTagItem("gen_ai.provider.name"));
        Assert.Equal("imagen-4", submit.GetTagItem("gen_ai.request.model"));
        Assert.Equal("image", submit.GetTagItem("gen_ai.output.type"));
        Assert.Equal(ActivityKind.Client, submit.Kind);

        var wait = Assert.Single(ours, a => a.OperationName == "Apiframe.Wait");
        Assert.Equal("imagen-4", wait.GetTagItem("gen_ai.response.model"));
        Assert.Equal(submit.GetTagItem(ApiframeTelemetryTags.JobId), wait.GetTagItem("gen_ai.response.id"));

        // MEAI's own span learns the provider from the generator's metadata.
        Assert.Equal("apiframe", pipeline.GetTagItem("gen_ai.provider.name"));
        Assert.Equal("imagen-4", pipeline.GetTagItem("gen_ai.request.model"));
        Assert.DoesNotContain(exported.SelectMany(a => a.Tags), t => t.Value?.Contains(ClientFixture.Key, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task An_edit_of_two_images_traces_its_upload_and_both_jobs_under_the_pipelines_span()
    {
        await using var fixture = await ClientFixture.StartAsync();
        var ended = new EndedSpans();
        using var tracing = Tracing(ended);
        using var generator = fixture.Client.AsIImageGenerator().AsBuilder().UseOpenTelemetry(sourceName: PipelineSource).Build();
        var png = new DataContent(SamplePng.Draw(SkiaSharp.SKColors.Gold), "image/png");

        await generator.EditImagesAsync([png], "two traced variations", new ImageGenerationOptions { Count = 2 });
        var exported = ended.Snapshot();

        var pipeline = Assert.Single(exported, a => a.Source.Name == PipelineSource);
        var ours = exported.Where(a => a.TraceId == pipeline.TraceId && a.Source.Name == ApiframeDiagnostics.Name).ToList();
        Assert.Equal(pipeline.SpanId, Assert.Single(ours, a => a.OperationName == "Apiframe.Upload").ParentSpanId);
        var submits = ours.Where(a => a.OperationName == "Apiframe.Submit").ToList();
        Assert.Equal(2, submits.Count);
        Assert.All(submits, s => Assert.Equal(pipeline.SpanId, s.ParentSpanId));
        Assert.Equal(2, ours.Count(a => a.OperationName == "Apiframe.Wait"));
        Assert.Equal(2, ours.Count(a => a.OperationName == "Apiframe.Download"));
    }

    private static TracerProvider Tracing(EndedSpans ended) =>
        Sdk.CreateTracerProviderBuilder().AddSource(ApiframeDiagnostics.Name, PipelineSource).AddProcessor(ended).Build();

    /// <summary>Keeps every ended span. Tests running alongside end their own client spans on other threads while this
    /// one reads, so the store must take concurrent writes (the SDK's in-memory exporter appends to a plain list).</summary>
    private sealed class EndedSpans : BaseProcessor<Activity>
    {
        private readonly ConcurrentQueue<Activity> _ended = new();

        public IReadOnlyList<Activity> Snapshot() => _ended.ToArray();

        public override void OnEnd(Activity data) => _ended.Enqueue(data);
    }

    private static class ApiframeTelemetryTags
    {
        public const string JobId = "apiframe.job.id";
    }
}
