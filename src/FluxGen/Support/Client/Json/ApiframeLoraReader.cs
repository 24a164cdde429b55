using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Apiframe;

// Reads LoRAs and LoRA pages by hand, as jobs are read: no reflection-based serializer (AOT, trimming).
internal static class ApiframeLoraReader
{
    internal static ApiframeLora ReadLora(JsonElement lora)
    {
        var id = ApiframeJson.String(lora, "id");
        if (id is not { Length: > 0 })
        {
            throw new JsonException("The LoRA has no id.");
        }

        var status = ApiframeJson.String(lora, "status");
        var parsed = status is null ? default : new ApiframeLoraStatus(status);
        return new ApiframeLora
        {
            Id = id,
            Status = parsed,
            IsReady = ApiframeJson.Bool(lora, "isReady") ?? parsed == ApiframeLoraStatus.Ready,
            Name = ApiframeJson.String(lora, "name"),
            SubjectKind = ApiframeJson.String(lora, "subjectKind"),
            Gender = ApiframeJson.String(lora, "gender"),
            Ethnicity = ApiframeJson.String(lora, "ethnicity"),
            Age = ApiframeJson.String(lora, "age"),
            ImageCount = ApiframeJson.Int(lora, "imageCount"),
            Steps = ApiframeJson.Int(lora, "steps"),
            LoraRank = ApiframeJson.Int(lora, "loraRank"),
            Error = ApiframeJson.String(lora, "error"),
            TriggerWord = ApiframeJson.String(lora, "triggerWord"),
            HasWeights = ApiframeJson.Bool(lora, "hasWeights"),
            UserId = ApiframeJson.String(lora, "userId"),
            TeamId = ApiframeJson.String(lora, "teamId"),
            JobId = ApiframeJson.String(lora, "jobId"),
            CreatedAt = ApiframeJson.Date(lora, "createdAt"),
            StartedAt = ApiframeJson.Date(lora, "startedAt"),
            CompletedAt = ApiframeJson.Date(lora, "completedAt"),
        };
    }

    internal static ApiframeLora ReadLora(ReadOnlyMemory<byte> body)
    {
        using var document = ApiframeJson.Parse(body);
        return ReadLora(document.RootElement);
    }

    internal static (List<ApiframeLora> Items, string? NextCursor, bool HasMore) ReadPage(ReadOnlyMemory<byte> body)
    {
        using var document = ApiframeJson.Parse(body);
        var root = document.RootElement;
        if (!ApiframeJson.TryMember(root, "items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("The LoRA list has no items array.");
        }

        var loras = new List<ApiframeLora>(items.GetArrayLength());
        foreach (var item in items.EnumerateArray())
        {
            loras.Add(ReadLora(item));
        }

        // The document's LoraList has no hasMore: a cursor means there is more.
        var next = ApiframeJson.String(root, "nextCursor");
        return (loras, next, !string.IsNullOrEmpty(next));
    }
}
