using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Apiframe;

// Reads jobs, submissions and job pages by hand so that no reflection-based serializer is needed (AOT, trimming).
internal static class ApiframeJobReader
{
    internal static ApiframeJob ReadJob(JsonElement job)
    {
        var files = new ResultFiles();
        JsonElement? raw = null;
        if (ApiframeJson.TryMember(job, "result", out var result) && result.ValueKind != JsonValueKind.Null)
        {
            ReadResult(result, files);

            // Cloned: the element must outlive the document it was read from.
            raw = result.Clone();
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
            Images = files.Images.ToArray(),
            Videos = files.Videos.ToArray(),
            Audio = files.Audio.ToArray(),
            Result = raw,
            GridUrl = files.GridUrl,
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
        if (jobId is not { Length: > 0 })
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

    // Older documents give result as one URL; newer ones as {"images": [...]} (Midjourney adds gridUrl), and the
    // video and music models as {"videos": [...]} and {"audio": [...]}. Arrays, single strings and {"url": ...}
    // items are accepted too, since the spec leaves result untyped.
    private static void ReadResult(JsonElement result, ResultFiles files)
    {
        switch (result.ValueKind)
        {
            case JsonValueKind.String:
                AddUrl(result, files.Images);
                break;
            case JsonValueKind.Array:
                AddUrls(result, files.Images);
                break;
            case JsonValueKind.Object:
                files.GridUrl = ApiframeJson.String(result, "gridUrl");
                var named = AddMember(result, "images", files.Images);
                named |= AddMember(result, "videos", files.Videos);
                named |= AddMember(result, "audio", files.Audio);
                if (!named && ApiframeJson.String(result, "url") is { Length: > 0 } url)
                {
                    files.Images.Add(url);
                }

                break;
        }
    }

    private static bool AddMember(JsonElement result, string name, List<string> urls)
    {
        if (!ApiframeJson.TryMember(result, name, out var member))
        {
            return false;
        }

        if (member.ValueKind == JsonValueKind.Array)
        {
            AddUrls(member, urls);
        }
        else
        {
            AddUrl(member, urls);
        }

        return true;
    }

    private static void AddUrls(JsonElement array, List<string> urls)
    {
        foreach (var item in array.EnumerateArray())
        {
            AddUrl(item, urls);
        }
    }

    private static void AddUrl(JsonElement item, List<string> urls)
    {
        var url = item.ValueKind switch
        {
            JsonValueKind.String => item.GetString(),
            JsonValueKind.Object => ApiframeJson.String(item, "url"),
            _ => null,
        };
        if (url is { Length: > 0 })
        {
            urls.Add(url);
        }
    }

    private sealed class ResultFiles
    {
        public List<string> Images { get; } = new();

        public List<string> Videos { get; } = new();

        public List<string> Audio { get; } = new();

        public string? GridUrl { get; set; }
    }
}
