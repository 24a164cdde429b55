using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Apiframe.Webhooks;

/// <summary>The JSON body Apiframe posts to your <c>webhookUrl</c>. Verify the signature before trusting it.</summary>
public sealed class ApiframeWebhookEvent
{
    /// <summary>What happened (from <c>event</c>).</summary>
    public ApiframeWebhookEventKind Event { get; init; }

    /// <summary>The job it is about.</summary>
    public string JobId { get; init; } = string.Empty;

    /// <summary>The job's status at the time.</summary>
    public ApiframeJobStatus Status { get; init; }

    /// <summary>How far along the job is, 0 to 100.</summary>
    public int? Progress { get; init; }

    /// <summary>The result's image URLs (completed events), whether <c>result</c> is one URL or <c>{"images": [...]}</c>.</summary>
    public IReadOnlyList<string> Images { get; init; } = Array.Empty<string>();

    /// <summary>The result's video URLs (completed events of the video models).</summary>
    public IReadOnlyList<string> Videos { get; init; } = Array.Empty<string>();

    /// <summary>The result's audio URLs (completed events of the music models).</summary>
    public IReadOnlyList<string> Audio { get; init; } = Array.Empty<string>();

    /// <summary>The <c>result</c> member exactly as sent (see <see cref="ApiframeJob.Result"/>); it owns its memory.</summary>
    public JsonElement? Result { get; init; }

    /// <summary>A grid image of all results, for the models that make one (Midjourney).</summary>
    public string? GridUrl { get; init; }

    /// <summary>Why the job failed (failed events).</summary>
    public string? Error { get; init; }

    /// <summary>The model id.</summary>
    public string? Model { get; init; }

    /// <summary>Credits charged.</summary>
    public int? CreditCost { get; init; }

    /// <summary>When the job finished.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Reads a webhook body; unknown members are ignored.</summary>
    /// <param name="body">The raw body bytes.</param>
    /// <exception cref="FormatException">The body is not a JSON object.</exception>
    public static ApiframeWebhookEvent Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("A webhook body must be a JSON object.");
            }

            // The job reader already knows every shape of result; the event's own members are read on top.
            var job = ApiframeJobReader.ReadJob(root);
            var kind = ApiframeJson.String(root, "event");
            return new ApiframeWebhookEvent
            {
                Event = kind is null ? default : new ApiframeWebhookEventKind(kind),
                JobId = ApiframeJson.String(root, "jobId") ?? job.Id,
                Status = job.Status,
                Progress = job.Progress,
                Images = job.Images,
                Videos = job.Videos,
                Audio = job.Audio,
                Result = job.Result,
                GridUrl = job.GridUrl,
                Error = job.Error,
                Model = job.Model,
                CreditCost = job.CreditCost,
                CompletedAt = job.CompletedAt,
            };
        }
        catch (JsonException ex)
        {
            throw new FormatException("A webhook body must be a JSON object: " + ex.Message, ex);
        }
    }

    /// <summary>The event and job, for logs.</summary>
    public override string ToString() => $"Webhook {Event} for job {JobId} ({Status})";
}
