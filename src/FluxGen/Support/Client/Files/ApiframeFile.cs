using System;
using System.Globalization;
using System.IO;
using System.Threading;

namespace Apiframe;

/// <summary>
/// A local file to send to Apiframe (<see cref="ApiframeClient.UploadAsync"/>, LoRA training images): a path, a
/// stream or bytes, with its name and content type. Its type and size are checked when it is made, so a file the API
/// would refuse fails before any request.
/// </summary>
public sealed class ApiframeFile
{
    private readonly string? _path;
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly Stream? _stream;
    private readonly long _streamStart;
    private int _streamTaken;

    private ApiframeFile(string fileName, string? contentType, string? path, ReadOnlyMemory<byte> bytes, Stream? stream, long? length)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            throw new ArgumentException("A file needs a name (its extension tells its type when no content type is given).", nameof(fileName));
        }

        (ContentType, Kind) = ApiframeFileTypes.Resolve(fileName, contentType);
        FileName = Path.GetFileName(fileName);
        _path = path;
        _bytes = bytes;
        _stream = stream;
        _streamStart = stream is { CanSeek: true } ? stream.Position : 0;
        Length = length;
        MaxLength = ApiframeFileTypes.LimitFor(Kind);
        if (length > MaxLength)
        {
            throw new ArgumentException(
                $"'{FileName}' has {length.Value.ToString(CultureInfo.InvariantCulture)} bytes; Apiframe takes a {Kind} file of at most {MaxLength.ToString(CultureInfo.InvariantCulture)} bytes.",
                nameof(fileName));
        }
    }

    /// <summary>The file's name as sent (without any folder).</summary>
    public string FileName { get; }

    /// <summary>The media type sent with the file, such as <c>image/png</c>.</summary>
    public string ContentType { get; }

    /// <summary>What the API will call the file: <c>image</c>, <c>video</c> or <c>audio</c>.</summary>
    public string Kind { get; }

    /// <summary>The size in bytes, or <see langword="null"/> for a stream that cannot tell it before it is read.</summary>
    public long? Length { get; }

    /// <summary>The most the API takes of a file of this <see cref="Kind"/>.</summary>
    public long MaxLength { get; }

    // A path or bytes can be sent again as they were; a seekable stream is rewound; any other stream only once.
    internal bool CanResend => _stream is null || _stream.CanSeek;

    /// <summary>A file on disk, read as it is sent (never held whole in memory).</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="contentType">The media type; from the file's extension when <see langword="null"/>.</param>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="ArgumentException">The path names a directory, or the type is not one Apiframe accepts, or the
    /// file is larger than the API takes.</exception>
    public static ApiframeFile FromPath(string path, string? contentType = null)
    {
        ApiframeArgument.NotNullOrWhiteSpace(path, nameof(path));
        if (Directory.Exists(path))
        {
            throw new ArgumentException($"'{path}' is a directory; FromPath takes a file.", nameof(path));
        }

        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"There is no file at '{path}'.", path);
        }

        return new ApiframeFile(info.Name, contentType, info.FullName, default, null, info.Length);
    }

    /// <summary>
    /// A stream, read as it is sent. A seekable stream is sent from its current position (and again from there on a
    /// retry); any other stream is read once, so a failed upload of it is not retried. The stream is not disposed.
    /// </summary>
    /// <param name="stream">A readable stream.</param>
    /// <param name="fileName">The name to send; its extension tells the type when <paramref name="contentType"/> is not given.</param>
    /// <param name="contentType">The media type, such as <c>image/png</c>.</param>
    public static ApiframeFile FromStream(Stream stream, string fileName, string? contentType = null)
    {
        ApiframeArgument.NotNull(stream, nameof(stream));
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream cannot be read.", nameof(stream));
        }

        long? length = stream.CanSeek ? Math.Max(0, stream.Length - stream.Position) : null;
        return new ApiframeFile(fileName, contentType, null, default, stream, length);
    }

    /// <summary>Bytes already in memory (the array is not copied: do not change it until the upload is done).</summary>
    /// <param name="bytes">The file's content.</param>
    /// <param name="fileName">The name to send; its extension tells the type when <paramref name="contentType"/> is not given.</param>
    /// <param name="contentType">The media type, such as <c>image/png</c>.</param>
    public static ApiframeFile FromBytes(ReadOnlyMemory<byte> bytes, string fileName, string? contentType = null) =>
        new(fileName, contentType, null, bytes, null, bytes.Length);

    /// <summary>The name, type and size, for logs.</summary>
    public override string ToString() =>
        Length is { } length
            ? $"{FileName} ({ContentType}, {length.ToString(CultureInfo.InvariantCulture)} bytes)"
            : $"{FileName} ({ContentType})";

    // Where each attempt reads from. A stream that cannot seek is handed out once: a second attempt would send what
    // is left of it as if it were the whole file.
    internal Stream? OpenSource(out bool ownsStream)
    {
        if (_path is not null)
        {
            ownsStream = true;

            // bufferSize 1: the copy loop has its own buffer, so FileStream keeps none of its own.
            return new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }

        ownsStream = false;
        if (_stream is null)
        {
            return null;
        }

        if (_stream.CanSeek)
        {
            _stream.Position = _streamStart;
        }
        else if (Interlocked.Exchange(ref _streamTaken, 1) != 0)
        {
            throw new InvalidOperationException($"'{FileName}' comes from a stream that cannot seek and has already been read; make a new ApiframeFile to send it again.");
        }

        return _stream;
    }

    internal ReadOnlyMemory<byte> Bytes => _bytes;

    // The length each attempt announces: a file's size now (it may have changed since FromPath), else what was known.
    internal long? CurrentLength
    {
        get
        {
            if (_path is null)
            {
                return Length;
            }

            var info = new FileInfo(_path);
            return info.Exists ? info.Length : null;
        }
    }
}
