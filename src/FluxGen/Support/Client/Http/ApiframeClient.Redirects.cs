using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Apiframe;

// Redirects, followed by the client itself so that X-API-Key goes only to the base address's origin.
// HttpClient's own redirect handling keeps custom headers on every hop, whatever the origin.
public sealed partial class ApiframeClient
{
    /// <summary>The most redirects one call follows before it fails.</summary>
    internal const int MaxRedirects = 5;

    private async Task<HttpResponseMessage> SendFollowingRedirectsAsync(
        Func<HttpRequestMessage> createRequest,
        string? apiKey,
        CancellationToken cancellationToken)
    {
        var request = createRequest();
        var asGet = false;
        for (var hop = 0; ; hop++)
        {
            var target = request.RequestUri!;
            var withKey = apiKey is not null && SameOrigin(target, BaseAddress);
            if (withKey)
            {
                request.Headers.TryAddWithoutValidation(ApiKeyHeader, apiKey);
            }

            HttpResponseMessage response;
            ApiframeTelemetry.Requests.Add(1);
            try
            {
                response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                request.Dispose();
            }

            // A caller's HttpClient that redirects by itself has already sent the key wherever it was told to: the
            // least the client can do is stop using the answer and say how to make the set-up safe.
            var final = response.RequestMessage?.RequestUri;
            if (withKey && final is not null && !SameOrigin(final, target))
            {
                response.Dispose();
                throw Failed(new ApiframeException(
                    $"The HttpClient given to ApiframeClient followed a redirect from {Origin(target)} to {Origin(final)} by itself, " +
                    "taking the X-API-Key header along. Use new ApiframeClient(options) or services.AddApiframeClient(), or give " +
                    "ApiframeClient an HttpClient whose handler has AllowAutoRedirect = false: the client then follows redirects " +
                    $"itself and sends the key only to {Origin(BaseAddress)}. Consider rotating the key."));
            }

            if (!IsRedirect(response.StatusCode) || response.Headers.Location is not { } location)
            {
                return response;
            }

            var next = location.IsAbsoluteUri ? location : new Uri(target, location);
            response.Dispose();
            if (hop >= MaxRedirects)
            {
                throw Failed(new ApiframeException($"{target.AbsolutePath} was redirected more than {MaxRedirects} times; giving up."));
            }

            if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
            {
                throw Failed(new ApiframeException($"{target.AbsolutePath} was redirected to a {next.Scheme}: URI; only http and https are followed."));
            }

            if (target.Scheme == Uri.UriSchemeHttps && next.Scheme == Uri.UriSchemeHttp)
            {
                throw Failed(new ApiframeException($"{target.AbsolutePath} was redirected from https to http ({Origin(next)}); the client never downgrades a connection."));
            }

            // 303, and 301/302 after a POST, turn into a GET without a body, as browsers and HttpClient do.
            var status = (int)response.StatusCode;
            asGet |= status == 303 || ((status == 301 || status == 302) && request.Method == HttpMethod.Post);
            request = createRequest();
            request.RequestUri = next;
            if (asGet)
            {
                request.Method = HttpMethod.Get;
                request.Content = null;
            }
        }
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or (HttpStatusCode)308; // PermanentRedirect, which netstandard2.0 and .NET Framework do not name

    // Scheme, host and port: what a browser calls an origin. Default ports compare equal to explicit ones.
    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    private static string Origin(Uri uri) => uri.GetLeftPart(UriPartial.Authority);
}
