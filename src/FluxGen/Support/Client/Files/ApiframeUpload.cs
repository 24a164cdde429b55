using System;
using System.Globalization;

namespace Apiframe;

/// <summary>
/// A file stored by <c>POST /v2/uploads</c> on Apiframe's short-lived CDN storage. Its <see cref="Url"/> goes into
/// any request member that takes an image, video or audio URL.
/// </summary>
public sealed class ApiframeUpload
{
    /// <summary>The upload's id.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>Where the file can be read; drop it into a request member (an <c>image</c>, <c>start_image</c>, <c>video</c> ...).</summary>
    public string Url { get; init; } = string.Empty;

    /// <summary>What the server took the file for: <c>image</c>, <c>video</c> or <c>audio</c>.</summary>
    public string Kind { get; init; } = string.Empty;

    /// <summary>The media type the server found (it looks at the bytes, not at the declared type).</summary>
    public string ContentType { get; init; } = string.Empty;

    /// <summary>The file's size in bytes.</summary>
    public long ByteSize { get; init; }

    /// <summary>When the server deletes the file (an hour or two after the upload).</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The id, kind and size, for logs.</summary>
    public override string ToString() =>
        $"Upload {Id} ({Kind}, {ContentType}, {ByteSize.ToString(CultureInfo.InvariantCulture)} bytes)";
}
