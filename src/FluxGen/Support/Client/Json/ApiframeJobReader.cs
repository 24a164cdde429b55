using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Apiframe;

// Reads jobs, submissions and job pages by hand so that no reflection-based serializer is needed (AOT, trimming).
internal static class ApiframeJobReader
{
    internal static ApiframeJob ReadJob(JsonElement job)
    {
        var images = new List<string>();
        string? gridUrl = null;
        if (ApiframeJson.TryMember(job, "result", out var result))
        {
            ReadResult(result, images, ref gridUrl);
        }

        var status = ApiframeJson.String(job, "status");
        return new ApiframeJob
        {
            Id = ApiframeJson.String(job, "id") ?? ApiframeJson.String(job, "jobId") ?? string.Empty,
            Status = status is null ? default : new ApiframeJobStatus(status),
            Model = ApiframeJson.String(job, "model"),
            Progress = ApiframeJson.Int(job, "progress"),
            Error = ApiframeJson.String(job, "error"),
            CreditCost = ApiframeJson.Int(job, "creditCost"),
            WebhookStatus = ApiframeJson.String(job, "webhookStatus"),
            CreatedAt = ApiframeJson.Date(job, "createdAt"),
            CompletedAt = ApiframeJson.Date(job, "completedAt"),
            Expired = ApiframeJson.Bool(job, "expired") ?? false,
            Images = images.ToArray(),
            GridUrl = gridUrl,
        };
    }

    internal static ApiframeJob ReadJob(ReadOnlyMemory<byte> body)
    {
        using var document = ApiframeJson.Parse(body);
        return ReadJob(document.RootElement);
    }

    internal static ApiframeSubmission ReadSubmission(ReadOnlyMemory<byte> body, string idempotencyKey)
    {
        using var document = ApiframeJson.Parse(body);
        var root = document.RootElement;
        var jobId = ApiframeJson.String(root, "jobId") ?? ApiframeJson.String(root, "id");
        if (string.IsNullOrEmpty(jobId))
        {
            throw new JsonException("The submission response has no jobId.");
        }

        var status = ApiframeJson.String(root, "status");
        return new ApiframeSubmission(jobId, status is null ? ApiframeJobStatus.Queued : new ApiframeJobStatus(status), idempotencyKey);
    }

    internal static (List<ApiframeJob> Jobs, string? NextCursor, bool HasMore) ReadPage(ReadOnlyMemory<byte> body)
    {
        using var document = ApiframeJson.Parse(body);
        var root = document.RootElement;
        var jobs = new List<ApiframeJob>();
        if (ApiframeJson.TryMember(root, "jobs", out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object)
                {
                    jobs.Add(ReadJob(item));
                }
            }
        }

        return (jobs, ApiframeJson.String(root, "nextCursor"), ApiframeJson.Bool(root, "hasMore") ?? false);
    }

    // Older documents give result as one URL; newer ones as {"images": [...]} (Midjourney adds gridUrl). Arrays and
    // {"url": ...} items are accepted too, since the spec leaves result untyped.
    private static void ReadResult(JsonElement result, List<string> images, ref string? gridUrl)
    {
        switch (result.ValueKind)
        {
            case JsonValueKind.String:
                AddUrl(result, images);
                break;
            case JsonValueKind.Array:
                foreach (var item in result.EnumerateArray())
                {
                    AddUrl(item, images);
                }

                break;
            case JsonValueKind.Object:
                gridUrl = ApiframeJson.String(result, "gridUrl");
                if (ApiframeJson.TryMember(result, "images", out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in list.EnumerateArray())
                    {
                        AddUrl(item, images);
                    }
                }
                else if (ApiframeJson.String(result, "url") is { Length: > 0 } url)
                {
                    images.Add(url);
                }

                break;
        }
    }

    private static void AddUrl(JsonElement item, List<string> images)
    {
        var url = item.ValueKind == JsonValueKind.String ? item.GetString() : ApiframeJson.String(item, "url");
        if (!string.IsNullOrEmpty(url))
        {
            images.Add(url);
        }
    }
}
