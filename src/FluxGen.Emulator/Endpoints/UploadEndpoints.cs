using FluxGen.Emulator.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FluxGen.Emulator.Endpoints;

/// <summary>A file posted to <c>/v2/uploads</c>: kept in memory for as long as the document says the CDN keeps it.</summary>
internal sealed record StoredUpload(string Id, string ApiKey, string ContentType, string Kind, byte[] Bytes, DateTimeOffset ExpiresAt);

/// <summary>
/// <c>POST /v2/uploads</c> (multipart/form-data with one <c>file</c>, as the official Node SDK sends it) answers 201
/// with the document's <c>Upload</c>; <c>GET /uploads/{id}</c> serves the bytes back from the emulator's own origin,
/// without a key, like a CDN link whose unguessable id is the secret.
/// </summary>
internal static class UploadEndpoints
{
    /// <summary>Largest file accepted: the document's "max 25 MB image / audio, 50 MB video" (MB read as MiB).</summary>
    public const int MaxFileBytes = 50 * 1024 * 1024;

    /// <summary>Largest image or audio file accepted.</summary>
    public const int MaxImageOrAudioBytes = 25 * 1024 * 1024;

    /// <summary>How long an upload is served, as the Node SDK's README says the CDN keeps it ("~1-2 hours").</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    // The types the document lists for the file: PNG, JPEG, WebP, GIF, MP4, WebM, MOV, MP3, WAV, OGG, M4A.
    private static readonly Dictionary<string, string> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/png"] = "image",
        ["image/jpeg"] = "image",
        ["image/webp"] = "image",
        ["image/gif"] = "image",
        ["video/mp4"] = "video",
        ["video/webm"] = "video",
        ["video/quicktime"] = "video",
        ["audio/mpeg"] = "audio",
        ["audio/wav"] = "audio",
        ["audio/x-wav"] = "audio",
        ["audio/wave"] = "audio",
        ["audio/ogg"] = "audio",
        ["audio/mp4"] = "audio",
        ["audio/x-m4a"] = "audio",
    };

    public static async Task CreateAsync(HttpContext context, EmulatorState state)
    {
        var apiKey = (string)context.Items[EmulatorPipeline.ApiKeyItem]!;
        if (!context.Request.HasFormContentType || context.Request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) != true)
        {
            await Replies.Error(context, StatusCodes.Status415UnsupportedMediaType, $"Content-Type must be multipart/form-data with a 'file' part, not '{context.Request.ContentType}'.").ConfigureAwait(false);
            return;
        }

        if (context.Request.ContentLength > MaxFileBytes + (64 * 1024))
        {
            await Replies.Error(context, StatusCodes.Status413PayloadTooLarge, $"Uploads are limited to {MaxFileBytes} bytes.").ConfigureAwait(false);
            return;
        }

        IFormCollection form;
        try
        {
            // The limit is enforced while reading, so a body without a Content-Length cannot grow past it either.
            context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions { MultipartBodyLengthLimit = MaxFileBytes + (64 * 1024) }));
            form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (InvalidDataException exception) when (exception.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            await Replies.Error(context, StatusCodes.Status413PayloadTooLarge, $"Uploads are limited to {MaxFileBytes} bytes.").ConfigureAwait(false);
            return;
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or BadHttpRequestException)
        {
            await Replies.ValidationFailed(context, "file", "The multipart body could not be read: " + exception.Message, "Invalid multipart body").ConfigureAwait(false);
            return;
        }

        var file = form.Files.GetFile("file");
        if (file is null)
        {
            await Replies.ValidationFailed(context, "file", "Required: a multipart part named 'file'.").ConfigureAwait(false);
            return;
        }

        if (file.Length > MaxFileBytes)
        {
            await Replies.Error(context, StatusCodes.Status413PayloadTooLarge, $"Uploads are limited to {MaxFileBytes} bytes.").ConfigureAwait(false);
            return;
        }

        var contentType = file.ContentType ?? string.Empty;
        if (!Kinds.TryGetValue(contentType, out var kind))
        {
            await Replies.Error(context, StatusCodes.Status415UnsupportedMediaType, $"File type '{contentType}' is not accepted (PNG, JPEG, WebP, GIF, MP4, WebM, MOV, MP3, WAV, OGG, M4A).").ConfigureAwait(false);
            return;
        }

        if (kind != "video" && file.Length > MaxImageOrAudioBytes)
        {
            await Replies.Error(context, StatusCodes.Status413PayloadTooLarge, $"Image and audio uploads are limited to {MaxImageOrAudioBytes} bytes.").ConfigureAwait(false);
            return;
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        var upload = new StoredUpload(Guid.NewGuid().ToString(), apiKey, contentType.ToLowerInvariant(), kind, buffer.ToArray(), state.Clock.UtcNow + Lifetime);
        state.Uploads[upload.Id] = upload;
        var url = new Uri(SubmitEndpoint.FilesBase(context, state.Options), "uploads/" + upload.Id).AbsoluteUri;
        await Replies.Json(context, StatusCodes.Status201Created, w =>
        {
            w.WriteStartObject();
            w.WriteString("id", upload.Id);
            w.WriteString("url", url);
            w.WriteString("kind", upload.Kind);
            w.WriteString("contentType", upload.ContentType);
            w.WriteNumber("byteSize", upload.Bytes.Length);
            w.WriteString("expiresAt", Jobs.JobJson.Timestamp(upload.ExpiresAt));
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    public static async Task ServeAsync(HttpContext context, EmulatorState state)
    {
        var id = (string?)context.Request.RouteValues["id"] ?? string.Empty;
        if (!state.Uploads.TryGetValue(id, out var upload) || upload.ExpiresAt <= state.Clock.UtcNow)
        {
            await Replies.Error(context, StatusCodes.Status404NotFound, "File not found.").ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = upload.ContentType;
        context.Response.ContentLength = upload.Bytes.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(upload.Bytes, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
