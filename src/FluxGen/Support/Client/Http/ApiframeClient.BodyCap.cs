using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Apiframe;

// JSON replies are buffered, but never past MaxResponseBodyBytes: a hostile or broken server cannot make the
// client hold (or download again and again) more than that.
public sealed partial class ApiframeClient
{
    private async Task BufferCappedAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var cap = _options.MaxResponseBodyBytes;
        var content = response.Content;
        if (content.Headers.ContentLength is { } length && length > cap)
        {
            response.Dispose();
            throw TooLarge(what, response, cap, "says it is " + length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes");
        }

        var buffer = new byte[(int)Math.Min(cap + 1L, 16 * 1024)];
        var total = 0;
        using (var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))
        {
            while (true)
            {
                if (total == buffer.Length)
                {
                    // Grow by doubling, but never past one byte over the cap (that byte proves the reply too long).
                    Array.Resize(ref buffer, (int)Math.Min(buffer.Length * 2L, cap + 1L));
                }

                var read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                total += read;
                if (total > cap)
                {
                    response.Dispose();
                    throw TooLarge(what, response, cap, "went on past it");
                }
            }
        }

        var buffered = new ByteArrayContent(buffer, 0, total);
        foreach (var header in content.Headers)
        {
            buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = buffered;
        content.Dispose();
    }

    private ApiframeException TooLarge(string what, HttpResponseMessage response, int cap, string how) =>
        Failed(new ApiframeException(
            $"The reply to {what} is larger than MaxResponseBodyBytes ({cap} bytes): it {how}. The client stopped reading and did not retry.")
        {
            StatusCode = (int)response.StatusCode,
        });
}
