using System.Globalization;
using FluxGen.Emulator.Hosting;
using Microsoft.AspNetCore.Http;

namespace FluxGen.Emulator.Endpoints;

/// <summary>
/// <c>GET /files/{jobId}/{n}.{ext}</c>: a completed job's images. Like a CDN link these need no API key; the
/// unguessable job id is the secret.
/// </summary>
internal static class FileEndpoint
{
    public static async Task HandleAsync(HttpContext context, EmulatorState state)
    {
        var jobId = (string?)context.Request.RouteValues["jobId"] ?? string.Empty;
        var file = (string?)context.Request.RouteValues["file"] ?? string.Empty;
        var job = state.Jobs.Find(jobId);
        var dot = file.IndexOf('.', StringComparison.Ordinal);
        if (job is null
            || dot <= 0
            || !int.TryParse(file.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !string.Equals(file[(dot + 1)..], job.Images.Extension, StringComparison.OrdinalIgnoreCase))
        {
            await Replies.Error(context, StatusCodes.Status404NotFound, "File not found.").ConfigureAwait(false);
            return;
        }

        var files = job.Snapshot().Status == JobStatus.Completed ? job.Files : [];
        if (index >= files.Count)
        {
            await Replies.Error(context, StatusCodes.Status404NotFound, "File not found.").ConfigureAwait(false);
            return;
        }

        var bytes = files[index];
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = job.Images.ContentType;
        context.Response.ContentLength = bytes.Length;
        context.Response.Headers.CacheControl = "public, max-age=86400, immutable";
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
