using System;
using System.Text;
using System.Text.Json;
using Apiframe;
using Xunit;

namespace FluxGen.Support.Tests.Client;

public sealed class LoraParsingTests
{
    private static ApiframeLora Read(string json) => ApiframeLoraReader.ReadLora(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Every_member_of_the_documents_lora_is_read()
    {
        var lora = Read("""
            {"id":"l1","userId":"u1","teamId":"t1","name":"me","subjectKind":"person","gender":"female","ethnicity":"asian",
             "age":"30","status":"READY","imageCount":15,"steps":1000,"loraRank":32,"isReady":true,"error":null,
             "createdAt":"2026-01-01T12:00:00Z","startedAt":"2026-01-01T12:00:01Z","completedAt":"2026-01-01T12:10:00Z",
             "hasWeights":true,"triggerWord":"TOK_l1"}
            """);

        Assert.Equal(("l1", "u1", "t1", "me"), (lora.Id, lora.UserId, lora.TeamId, lora.Name));
        Assert.Equal(("person", "female", "asian", "30"), (lora.SubjectKind, lora.Gender, lora.Ethnicity, lora.Age));
        Assert.Equal((15, 1000, 32), (lora.ImageCount!.Value, lora.Steps!.Value, lora.LoraRank!.Value));
        Assert.Equal(ApiframeLoraStatus.Ready, lora.Status);
        Assert.True(lora.IsReady);
        Assert.True(lora.HasWeights);
        Assert.Equal("TOK_l1", lora.TriggerWord);
        Assert.Null(lora.Error);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 12, 10, 0, TimeSpan.Zero), lora.CompletedAt);
    }

    [Fact]
    public void An_unknown_status_is_kept_and_printed_as_it_came()
    {
        var lora = Read("""{"id":"l1","status":"QUEUED_FOR_GPU"}""");

        Assert.Equal("QUEUED_FOR_GPU", lora.Status.Value);
        Assert.Equal("QUEUED_FOR_GPU", lora.Status.ToString());
        Assert.False(lora.Status.IsKnown);
        Assert.False(lora.Status.IsTerminal);
        Assert.False(lora.IsReady);
        Assert.Equal(ApiframeLoraStatus.Archived, new ApiframeLoraStatus("archived"));
    }

    [Fact]
    public void The_answer_to_a_create_gives_the_id_status_count_and_training_job()
    {
        var lora = Read("""{"id":"l1","status":"PENDING","imageCount":15,"jobId":"j9"}""");

        Assert.Equal(("l1", "PENDING", 15, "j9"), (lora.Id, lora.Status.Value, lora.ImageCount!.Value, lora.JobId));
        Assert.Null(lora.Name);
    }

    [Fact]
    public void A_lora_without_an_id_or_a_page_without_items_is_unreadable()
    {
        Assert.Throws<JsonException>(() => Read("""{"status":"READY"}"""));
        Assert.Throws<JsonException>(() => ApiframeLoraReader.ReadPage(Encoding.UTF8.GetBytes("""{"nextCursor":null}""")));
    }

    [Fact]
    public void A_page_has_more_while_it_gives_a_cursor()
    {
        var (items, next, more) = ApiframeLoraReader.ReadPage(Encoding.UTF8.GetBytes("""{"items":[{"id":"a"},{"id":"b"}],"nextCursor":"b"}"""));
        Assert.Equal(2, items.Count);
        Assert.Equal(("b", true), (next, more));

        var (_, last, done) = ApiframeLoraReader.ReadPage(Encoding.UTF8.GetBytes("""{"items":[],"nextCursor":null}"""));
        Assert.Equal((null, false), (last, done));
    }
}
