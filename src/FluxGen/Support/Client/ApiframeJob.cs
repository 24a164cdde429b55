using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Apiframe;

/// <summary>A generation job as <c>GET /v2/jobs/{id}</c> and <c>GET /v2/jobs</c> return it.</summary>
public sealed class ApiframeJob
{
    /// <summary>The job id.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>Where the job is in its life; unknown values are kept.</summary>
    public ApiframeJobStatus Status { get; init; }

    /// <summary>The model id, for example <c>flux-1.1-pro</c>.</summary>
    public string? Model { get; init; }

    /// <summary>How far along the job is, 0 to 100, when the server says.</summary>
    public int? Progress { get; init; }

    /// <summary>The server's reason for a failed job.</summary>
    public string? Error { get; init; }

    /// <summary>Credits charged; 0 for a failed (refunded) job, <see langword="null"/> until known.</summary>
    public int? CreditCost { get; init; }

    /// <summary>Webhook delivery state: <c>pending</c>, <c>delivered</c>, <c>failed</c>, or <see langword="null"/>.</summary>
    public string? WebhookStatus { get; init; }

    /// <summary>When the job was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the job finished.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Whether the result files have been purged (by default 24 hours after completion); the URLs may 404.</summary>
    public bool Expired { get; init; }

    /// <summary>The result's image URLs, whether the server sent <c>result</c> as one URL or as <c>{"images": [...]}</c>.</summary>
    public IReadOnlyList<string> Images { get; init; } = Array.Empty<string>();

    /// <summary>The result's video URLs (<c>{"videos": [...]}</c>), for the video models.</summary>
    public IReadOnlyList<string> Videos { get; init; } = Array.Empty<string>();

    /// <summary>The result's audio URLs (<c>{"audio": [...]}</c>), for the music models.</summary>
    public IReadOnlyList<string> Audio { get; init; } = Array.Empty<string>();

    /// <summary>
    /// The <c>result</c> member exactly as the server sent it, for what the client does not model (Suno track titles,
    /// a provider's extra fields); <see langword="null"/> when the job has no result yet. It owns its memory, so it
    /// stays valid after the reply is gone.
    /// </summary>
    public JsonElement? Result { get; init; }

    /// <summary>A grid image of all results, for the models that make one (Midjourney).</summary>
    public string? GridUrl { get; init; }

    /// <summary>The id and status, for logs.</summary>
    public override string ToString() =>
        Progress is { } progress ? $"Job {Id} {Status} {progress}%" : $"Job {Id} {Status}";
}
