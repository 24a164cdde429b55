using System.Text.Json;
using FluxGen.Emulator.Images;
using FluxGen.Emulator.Schemas;

namespace FluxGen.Emulator.Jobs;

/// <summary>
/// One job's plan and mutable state. Its state is a function of the clock: <see cref="JobRunner"/> moves it along
/// whenever anything looks at it, so a poll always sees the state its moment calls for.
/// </summary>
internal sealed class EmulatedJob
{
    public EmulatedJob(
        string id,
        long sequence,
        string apiKey,
        ModelSchema schema,
        string inputJson,
        JsonElement input,
        string? idempotencyKey,
        DateTimeOffset createdAt,
        TimeSpan duration,
        bool willFail,
        ImageSpec images,
        int cost,
        Uri? webhookUrl,
        IReadOnlySet<string> webhookEvents,
        Uri filesBase)
    {
        Id = id;
        Sequence = sequence;
        ApiKey = apiKey;
        Schema = schema;
        InputJson = inputJson;
        Input = input;
        IdempotencyKey = idempotencyKey;
        CreatedAt = createdAt;
        Duration = duration;
        WillFail = willFail;
        Images = images;
        Cost = cost;
        WebhookUrl = webhookUrl;
        WebhookEvents = webhookEvents;
        FilesBase = filesBase;
        WebhookStatus = webhookUrl is null ? null : "pending";
    }

    public object Gate { get; } = new();

    public string Id { get; }

    public long Sequence { get; }

    public string ApiKey { get; }

    public ModelSchema Schema { get; }

    public string InputJson { get; }

    public JsonElement Input { get; }

    public string? IdempotencyKey { get; }

    public DateTimeOffset CreatedAt { get; }

    public TimeSpan Duration { get; }

    public bool WillFail { get; }

    public ImageSpec Images { get; }

    public int Cost { get; }

    public Uri? WebhookUrl { get; }

    public IReadOnlySet<string> WebhookEvents { get; }

    public Uri FilesBase { get; }

    // Queued for the first tenth of the run, then processing; a doomed job gives up halfway through processing.
    public DateTimeOffset ProcessingAt => CreatedAt + Duration * 0.1;

    public DateTimeOffset EndsAt => WillFail ? ProcessingAt + (Duration * 0.9 * 0.5) : CreatedAt + Duration;

    public string Status { get; set; } = JobStatus.Queued;

    public int? Progress { get; set; }

    public int LastProgressEvent { get; set; } = -1;

    public string? Error { get; set; }

    public int? CreditCost { get; set; }

    public string? WebhookStatus { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public IReadOnlyList<string> ImageUrls { get; set; } = [];

    public IReadOnlyList<byte[]> Files { get; set; } = [];

    public bool IsTerminal => Status is JobStatus.Completed or JobStatus.Failed;

    public JobSnapshot Snapshot()
    {
        lock (Gate)
        {
            return new JobSnapshot(
                Id, Status, Schema.Model, Progress, ImageUrls, Error, CreditCost, WebhookStatus, CreatedAt, CompletedAt,
                InputJson, ApiKey, IdempotencyKey, WillFail, EndsAt - CreatedAt)
            {
                ResultKey = Media.MediaSpec.ResultKey(Images),
            };
        }
    }
}
