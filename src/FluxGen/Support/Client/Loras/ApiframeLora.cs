using System;

namespace Apiframe;

/// <summary>
/// A LoRA trained on your images, as the API's <c>Lora</c> describes it. Members the server leaves out read as
/// <see langword="null"/>: the answer to <c>CreateLoraAsync</c> carries only the id, status, image count and training job.
/// </summary>
public sealed record ApiframeLora
{
    /// <summary>The LoRA's id: pass it as <c>loraId</c> to <c>flux-lora</c>.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>Where training stands; unknown values are kept.</summary>
    public ApiframeLoraStatus Status { get; init; }

    /// <summary>Whether the LoRA can be used: the server's <c>isReady</c>, else whether <see cref="Status"/> is READY.</summary>
    public bool IsReady { get; init; }

    /// <summary>The name it was created with.</summary>
    public string? Name { get; init; }

    /// <summary><c>person</c>, <c>style</c> or <c>object</c>.</summary>
    public string? SubjectKind { get; init; }

    /// <summary>The subject's gender, for a person.</summary>
    public string? Gender { get; init; }

    /// <summary>The subject's ethnicity, for a person.</summary>
    public string? Ethnicity { get; init; }

    /// <summary>The subject's age, when given.</summary>
    public string? Age { get; init; }

    /// <summary>How many training images it was given.</summary>
    public int? ImageCount { get; init; }

    /// <summary>Training steps.</summary>
    public int? Steps { get; init; }

    /// <summary>The LoRA's rank.</summary>
    public int? LoraRank { get; init; }

    /// <summary>Why training failed, when it did.</summary>
    public string? Error { get; init; }

    /// <summary>The word that calls the subject up in a prompt, once trained.</summary>
    public string? TriggerWord { get; init; }

    /// <summary>Whether trained weights exist.</summary>
    public bool? HasWeights { get; init; }

    /// <summary>The owning user.</summary>
    public string? UserId { get; init; }

    /// <summary>The owning team.</summary>
    public string? TeamId { get; init; }

    /// <summary>The training job, from the answer to <c>CreateLoraAsync</c>; <c>GetJobAsync</c> follows it.</summary>
    public string? JobId { get; init; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When training started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When training ended.</summary>
    public DateTimeOffset? CompletedAt { get; init; }
}
