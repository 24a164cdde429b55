using System.Globalization;
using FluxGen.Emulator.Hosting;
using FluxGen.Emulator.Jobs;
using Microsoft.AspNetCore.Http;

namespace FluxGen.Emulator.Endpoints;

/// <summary><c>GET /v2/jobs/{id}</c> and <c>GET /v2/jobs</c>. A key sees only its own jobs, as on the real API.</summary>
internal static class JobEndpoints
{
    private const int DefaultLimit = 20;
    private const int MaxLimit = 100;

    public static Task GetAsync(HttpContext context, EmulatorState state)
    {
        var apiKey = (string)context.Items[EmulatorPipeline.ApiKeyItem]!;
        var id = (string?)context.Request.RouteValues["id"] ?? string.Empty;
        var job = state.Jobs.Find(id);
        if (job is null || job.ApiKey != apiKey)
        {
            return Replies.Error(context, StatusCodes.Status404NotFound, "Job not found.");
        }

        state.Runner.Advance(job);
        var snapshot = job.Snapshot();
        return Replies.Json(context, StatusCodes.Status200OK, w => JobJson.WriteJob(w, snapshot, job.Input));
    }

    public static Task ListAsync(HttpContext context, EmulatorState state)
    {
        var apiKey = (string)context.Items[EmulatorPipeline.ApiKeyItem]!;
        var query = context.Request.Query;
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);

        var status = query["status"].FirstOrDefault();
        if (status is not null && !JobStatus.All.Contains(status, StringComparer.Ordinal))
        {
            errors["status"] = [$"Must be one of: {string.Join(", ", JobStatus.All)}."];
        }

        var limit = DefaultLimit;
        var limitText = query["limit"].FirstOrDefault();
        if (limitText is not null
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > MaxLimit))
        {
            errors["limit"] = [$"Must be an integer from 1 to {MaxLimit}."];
        }

        long? after = null;
        var cursor = query["cursor"].FirstOrDefault();
        if (!string.IsNullOrEmpty(cursor))
        {
            if (JobCursor.TryDecode(cursor, out var sequence))
            {
                after = sequence;
            }
            else
            {
                errors["cursor"] = ["Not a cursor this server issued."];
            }
        }

        if (errors.Count > 0)
        {
            return Replies.ValidationFailed(context, errors, "Invalid query parameters");
        }

        var model = query["model"].FirstOrDefault();
        state.AdvanceAll();
        var matching = state.Jobs.NewestFirst()
            .Where(j => j.ApiKey == apiKey)
            .Where(j => after is null || j.Sequence < after)
            .Select(j => (Job: j, Snapshot: j.Snapshot()))
            .Where(j => status is null || j.Snapshot.Status == status)
            .Where(j => string.IsNullOrEmpty(model) || j.Snapshot.Model == model)
            .Take(limit + 1)
            .ToList();
        var hasMore = matching.Count > limit;
        var page = matching.Take(limit).ToList();

        return Replies.Json(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("jobs");
            foreach (var (job, snapshot) in page)
            {
                JobJson.WriteJob(w, snapshot, job.Input);
            }

            w.WriteEndArray();
            if (hasMore)
            {
                w.WriteString("nextCursor", JobCursor.Encode(page[^1].Job.Sequence));
            }
            else
            {
                w.WriteNull("nextCursor");
            }

            w.WriteBoolean("hasMore", hasMore);
            w.WriteEndObject();
        });
    }
}
