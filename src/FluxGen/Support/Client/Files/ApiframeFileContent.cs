using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Apiframe;

// One file as a multipart part, copied from its source to the connection through one pooled buffer. Hand-written
// rather than StreamContent because it must (1) never dispose the caller's stream, (2) rewind a seekable stream for a
// retry and refuse to resend a spent one, (3) stop a stream of unknown length at the API's size limit, and
// (4) tell a failure of the caller's source apart from a failure of the network (see SourceFailure).
internal sealed class ApiframeFileContent : HttpContent
{
    // Large enough for few system calls, below the large-object heap's threshold.
    internal const int BufferSize = 64 * 1024;

    private readonly ApiframeFile _file;

    internal ApiframeFileContent(ApiframeFile file)
    {
        _file = file;
        Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
    }

    // What the caller's source threw (or the size limit), which the upload reports as it is instead of as a network
    // failure. Set at most once per attempt.
    internal Exception? SourceFailure { get; private set; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        WriteFileAsync(stream, CancellationToken.None);

#if !FLUXGEN_DOWNLEVEL
    // The synchronous and the cancellable overloads came with .NET 5; older targets serialize through the one above.
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        WriteFileAsync(stream, cancellationToken);

    // HttpClient.Send (the synchronous path) serializes through here.
    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var source = Open(out var ownsSource);
        if (source is null)
        {
            stream.Write(_file.Bytes.Span);
            return;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            long total = 0;
            while (true)
            {
                int read;
                try
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    read = source.Read(buffer, 0, BufferSize);
                }
                catch (Exception ex)
                {
                    RecordSourceFailure(ex, cancellationToken);
                    throw;
                }

                if (read == 0)
                {
                    break;
                }

                total = Count(total, read);
                stream.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (ownsSource)
            {
                source.Dispose();
            }
        }
    }

#endif

    private async Task WriteFileAsync(Stream stream, CancellationToken cancellationToken)
    {
        var source = Open(out var ownsSource);
        if (source is null)
        {
            // Below net8.0 the memory overloads come from ApiframeDownLevelShims, which pass the array behind them.
            await stream.WriteAsync(_file.Bytes, cancellationToken).ConfigureAwait(false);
            return;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            long total = 0;
            while (true)
            {
                int read;
                try
                {
                    read = await source.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    RecordSourceFailure(ex, cancellationToken);
                    throw;
                }

                if (read == 0)
                {
                    break;
                }

                total = Count(total, read);
                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (ownsSource)
            {
                await source.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private Stream? Open(out bool ownsSource)
    {
        try
        {
            return _file.OpenSource(out ownsSource);
        }
        catch (Exception ex)
        {
            RecordSourceFailure(ex, CancellationToken.None);
            throw;
        }
    }

    // The caller's own cancellation is not the source's failure.
    private void RecordSourceFailure(Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            SourceFailure = exception;
        }
    }

    // A stream of unknown length is stopped at the API's limit rather than sent whole for the server to refuse.
    private long Count(long total, int read)
    {
        total += read;
        if (total > _file.MaxLength)
        {
            var tooLong = new InvalidOperationException(
                $"'{_file.FileName}' went on past {_file.MaxLength.ToString(CultureInfo.InvariantCulture)} bytes, the most Apiframe takes of a {_file.Kind} file; the upload was stopped.");
            SourceFailure = tooLong;
            throw tooLong;
        }

        return total;
    }

    protected override bool TryComputeLength(out long length)
    {
        if (_file.CanResend && _file.CurrentLength is { } known)
        {
            length = known;
            return true;
        }

        length = 0;
        return false;
    }
}
