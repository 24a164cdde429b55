using System;
using System.Collections.Generic;

namespace Apiframe;

// The file types POST /v2/uploads accepts and their size limits, as the vendor's document states them
// ("PNG, JPEG, WebP, GIF, MP4, WebM, MOV, MP3, WAV, OGG, M4A"; "max 25 MB image / audio, 50 MB video"). MB is read as
// MiB, the larger reading, so the client never refuses a file the server would take.
internal static class ApiframeFileTypes
{
    internal const long ImageOrAudioLimit = 25L * 1024 * 1024;
    internal const long VideoLimit = 50L * 1024 * 1024;

    internal const string Accepted = "image/png, image/jpeg, image/webp, image/gif, video/mp4, video/webm, video/quicktime, audio/mpeg, audio/wav, audio/ogg, audio/mp4";

    private static readonly Dictionary<string, string> KindByType = new(StringComparer.OrdinalIgnoreCase)
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

    private static readonly Dictionary<string, string> TypeByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".jfif"] = "image/jpeg",
        [".webp"] = "image/webp",
        [".gif"] = "image/gif",
        [".mp4"] = "video/mp4",
        [".m4v"] = "video/mp4",
        [".webm"] = "video/webm",
        [".mov"] = "video/quicktime",
        [".mp3"] = "audio/mpeg",
        [".wav"] = "audio/wav",
        [".ogg"] = "audio/ogg",
        [".oga"] = "audio/ogg",
        [".m4a"] = "audio/mp4",
    };

    // The type named by the caller (parameters such as "; charset=" dropped), or else the one the name's extension
    // implies; an error that lists what is accepted when neither gives a known type.
    internal static (string ContentType, string Kind) Resolve(string fileName, string? contentType)
    {
        if (contentType is not null)
        {
            var semicolon = contentType.IndexOf(';');
            var bare = (semicolon < 0 ? contentType : contentType.Substring(0, semicolon)).Trim();
            if (!KindByType.TryGetValue(bare, out var kind))
            {
                throw new ArgumentException($"'{contentType}' is not a file type Apiframe accepts ({Accepted}).", nameof(contentType));
            }

            return (bare.ToLowerInvariant(), kind);
        }

        var extension = System.IO.Path.GetExtension(fileName);
        if (!TypeByExtension.TryGetValue(extension, out var implied))
        {
            throw new ArgumentException(
                $"The type of '{fileName}' cannot be told from its name: pass contentType, one of {Accepted}.", nameof(fileName));
        }

        return (implied, KindByType[implied]);
    }

    internal static long LimitFor(string kind) => kind == "video" ? VideoLimit : ImageOrAudioLimit;
}
