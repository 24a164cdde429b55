using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;

namespace Apiframe;

// Listing jobs, one page at a time under the hood.
public sealed partial class ApiframeClient
{
    /// <summary>
    /// Lists your jobs, newest first, fetching the next page (<c>nextCursor</c>) only when the previous one has
    /// been consumed and the server says there is more.
    /// </summary>
    /// <param name="query">Filters and page size; all jobs when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the listing.</param>
    public IAsyncEnumerable<ApiframeJob> ListJobsAsync(ApiframeJobQuery? query = null, CancellationToken cancellationToken = default) =>
        PagesAsync("job-list", query?.Cursor, cursor => ListPath(query, cursor), ApiframeJobReader.ReadPage, cancellationToken);

    /// <summary>A cursor-paged listing: each page fetched when the previous one has been consumed and the server
    /// says there is more.</summary>
    private async IAsyncEnumerable<T> PagesAsync<T>(
        string what,
        string? cursor,
        Func<string?, string> path,
        Func<ReadOnlyMemory<byte>, (List<T> Items, string? NextCursor, bool HasMore)> read,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var uri = Resolve(path(cursor));
            List<T> items;
            string? next;
            bool hasMore;
            using (var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, uri), idempotent: true, HttpCompletionOption.ResponseContentRead, sendApiKey: true, idempotencyKey: null, cancellationToken).ConfigureAwait(false))
            {
                (items, next, hasMore) = await ReadBodyAsync(response, read, cancellationToken).ConfigureAwait(false);
            }

            foreach (var item in items)
            {
                yield return item;
            }

            if (!hasMore || string.IsNullOrEmpty(next))
            {
                yield break;
            }

            // A server that hands back a cursor it already gave would otherwise keep this loop going for ever.
            if (!seen.Add(next))
            {
                throw new ApiframeException($"Apiframe returned the {what} cursor '{next}' twice; stopping instead of looping.");
            }

            cursor = next;
        }
    }

    private static string ListPath(ApiframeJobQuery? query, string? cursor)
    {
        var path = new StringBuilder("/v2/jobs");
        var separator = '?';
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                path.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
                separator = '&';
            }
        }

        Add("status", query?.Status?.Value);
        Add("model", query?.Model);
        Add("limit", query?.Limit?.ToString(CultureInfo.InvariantCulture));
        Add("cursor", cursor);
        return path.ToString();
    }
}
