using System;
using System.Text;
using Apiframe;
using Xunit;

namespace FluxGen.Support.Tests.Client;

public sealed class JobParsingTests
{
    private static ApiframeJob Read(string json) => ApiframeJobReader.ReadJob(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Every_documented_field_is_read()
    {
        var job = Read("""
            {"id":"j1","status":"COMPLETED","model":"flux-1.1-pro","progress":100,"result":"https://cdn.test/1.jpg",
             "error":null,"creditCost":4,"webhookStatus":"delivered","createdAt":"2026-01-01T12:00:00Z",
             "completedAt":"2026-01-01T12:00:10.5Z","expired":true,"input":{"prompt":"x"}}
            """);

        Assert.Equal("j1", job.Id);
        Assert.Equal(ApiframeJobStatus.Completed, job.Status);
        Assert.Equal("flux-1.1-pro", job.Model);
        Assert.Equal(100, job.Progress);
        Assert.Null(job.Error);
        Assert.Equal(4, job.CreditCost);
        Assert.Equal("delivered", job.WebhookStatus);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero), job.CreatedAt);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 12, 0, 10, 500, TimeSpan.Zero), job.CompletedAt);
        Assert.True(job.Expired);
        Assert.Equal(new[] { "https://cdn.test/1.jpg" }, job.Images);
    }

    [Fact]
    public void Result_as_an_object_with_images_and_a_grid()
    {
        var job = Read("""{"id":"j1","status":"COMPLETED","result":{"images":["https://cdn.test/1.png","https://cdn.test/2.png"],"gridUrl":"https://cdn.test/grid.png","seed":7}}""");

        Assert.Equal(new[] { "https://cdn.test/1.png", "https://cdn.test/2.png" }, job.Images);
        Assert.Equal("https://cdn.test/grid.png", job.GridUrl);
    }

    [Fact]
    public void Video_and_music_results_are_read_into_their_own_lists_and_the_raw_result_is_kept()
    {
        var video = Read("""{"id":"j1","status":"COMPLETED","result":{"videos":["https://cdn.test/0.mp4"]}}""");
        var music = Read("""{"id":"j2","status":"COMPLETED","result":{"audio":[{"url":"https://cdn.test/0.wav","title":"Rain"},"https://cdn.test/1.wav"]}}""");
        var single = Read("""{"id":"j3","status":"COMPLETED","result":{"audio":"https://cdn.test/only.mp3"}}""");

        Assert.Equal(new[] { "https://cdn.test/0.mp4" }, video.Videos);
        Assert.Empty(video.Images);
        Assert.Empty(video.Audio);
        Assert.Equal(new[] { "https://cdn.test/0.wav", "https://cdn.test/1.wav" }, music.Audio);
        Assert.Empty(music.Images);
        Assert.Equal(new[] { "https://cdn.test/only.mp3" }, single.Audio);

        // What the client does not model (a Suno track's title) is still there, and outlives the parsed reply.
        GC.Collect();
        Assert.Equal("Rain", music.Result!.Value.GetProperty("audio")[0].GetProperty("title").GetString());
        Assert.Null(Read("""{"id":"j","status":"PROCESSING","result":null}""").Result);
        Assert.Null(Read("""{"id":"j","status":"PROCESSING"}""").Result);
    }

    [Fact]
    public void A_webhook_event_carries_the_same_results_as_the_job()
    {
        var body = Encoding.UTF8.GetBytes("""{"event":"completed","jobId":"j1","status":"COMPLETED","result":{"videos":["https://cdn.test/0.mp4"],"gridUrl":"https://cdn.test/g.png","extra":1}}""");

        var e = Apiframe.Webhooks.ApiframeWebhookEvent.Parse(body);

        Assert.Equal(new[] { "https://cdn.test/0.mp4" }, e.Videos);
        Assert.Empty(e.Audio);
        Assert.Equal("https://cdn.test/g.png", e.GridUrl);
        Assert.Equal(1, e.Result!.Value.GetProperty("extra").GetInt32());
    }

    [Theory]
    [InlineData("""{"id":"j","status":"PROCESSING","result":null}""", 0)]
    [InlineData("""{"id":"j","status":"PROCESSING"}""", 0)]
    [InlineData("""{"id":"j","status":"COMPLETED","result":["https://a.test/1","https://a.test/2"]}""", 2)]
    [InlineData("""{"id":"j","status":"COMPLETED","result":{"url":"https://a.test/1"}}""", 1)]
    [InlineData("""{"id":"j","status":"COMPLETED","result":{"images":[{"url":"https://a.test/1"}]}}""", 1)]
    [InlineData("""{"id":"j","status":"COMPLETED","result":42}""", 0)]
    public void Odd_result_shapes_are_tolerated(string json, int images)
    {
        Assert.Equal(images, Read(json).Images.Count);
    }

    [Fact]
    public void Unknown_fields_and_wrongly_typed_fields_are_ignored()
    {
        var job = Read("""{"id":"j1","status":"QUEUED","progress":"n/a","creditCost":1.5,"createdAt":12,"newThing":{"deep":[1,2,3]}}""");

        Assert.Equal("j1", job.Id);
        Assert.Null(job.Progress);
        Assert.Null(job.CreditCost);
        Assert.Null(job.CreatedAt);
    }

    [Fact]
    public void An_unknown_status_is_kept_and_is_not_terminal()
    {
        var job = Read("""{"id":"j1","status":"PAUSED_FOR_REVIEW"}""");

        Assert.Equal("PAUSED_FOR_REVIEW", job.Status.Value);
        Assert.Equal(new ApiframeJobStatus("PAUSED_FOR_REVIEW"), job.Status);
        Assert.NotEqual(ApiframeJobStatus.Processing, job.Status);
        Assert.False(job.Status.IsKnown);
        Assert.False(job.Status.IsTerminal);
    }

    [Fact]
    public void Status_equality_and_terminal_states()
    {
        Assert.True(ApiframeJobStatus.Completed.IsTerminal);
        Assert.True(ApiframeJobStatus.Failed.IsTerminal);
        Assert.True(ApiframeJobStatus.Cancelled.IsTerminal);
        Assert.False(ApiframeJobStatus.Queued.IsTerminal);
        Assert.False(ApiframeJobStatus.Processing.IsTerminal);
        Assert.True(new ApiframeJobStatus("completed") == ApiframeJobStatus.Completed);
        Assert.Equal(ApiframeJobStatus.Completed.GetHashCode(), new ApiframeJobStatus("Completed").GetHashCode());
        Assert.Equal(string.Empty, default(ApiframeJobStatus).Value);
        Assert.False(default(ApiframeJobStatus).IsTerminal);
    }

    [Fact]
    public void Submission_reply_is_read()
    {
        var submission = ApiframeJobReader.ReadSubmission(Encoding.UTF8.GetBytes("""{"jobId":"j9","status":"COMPLETED","extra":1}"""), "key");

        Assert.Equal(new ApiframeSubmission("j9", ApiframeJobStatus.Completed, "key"), submission);
    }
}
