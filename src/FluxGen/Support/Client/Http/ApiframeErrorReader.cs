using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Apiframe;

// Turns an error response into an ApiframeException, whatever its body holds: the documented JSON envelope,
// HTML from a proxy, or nothing at all.
internal static class ApiframeErrorReader
{
    // Error bodies are small; a proxy's error page might not be, and only the start of it is of any use.
    private const int MaxBodyBytes = 64 * 1024;

    internal static async Task<ApiframeException> ReadAsync(HttpResponseMessage response, string? apiKey, DateTimeOffset now, CancellationToken cancellationToken, string? note = null)
    {
        var status = (int)response.StatusCode;
        var body = await ReadCappedAsync(response.Content, cancellationToken).ConfigureAwait(false);
        body = Redact(body, apiKey);
        var requestId = response.Headers.TryGetValues("x-request-id", out var ids) ? string.Join(",", ids) : null;

        string? error = null;
        int? creditsRequired = null;
        int? creditsAvailable = null;
        var details = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (body.Length > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                error = ApiframeJson.String(root, "error") ?? ApiframeJson.String(root, "message");
                if (error is null && ApiframeJson.TryMember(root, "error", out var nested))
                {
                    error = ApiframeJson.String(nested, "message");
                }

                creditsRequired = ApiframeJson.Int(root, "creditsRequired");
                creditsAvailable = ApiframeJson.Int(root, "creditsAvailable");
                if (ApiframeJson.TryMember(root, "details", out var detailObject) && detailObject.ValueKind == JsonValueKind.Object)
                {
                    foreach (var member in detailObject.EnumerateObject())
                    {
                        details[member.Name] = Messages(member.Value);
                    }
                }
            }
            catch (JsonException)
            {
                // Not JSON: the status and the raw body still say what happened.
            }
        }

        var message = new StringBuilder();
        message.Append(CultureInfo.InvariantCulture, $"Apiframe answered {status} ({response.ReasonPhrase ?? response.StatusCode.ToString()})");
        message.Append(": ").Append(error ?? (body.Length == 0 ? "(empty body)" : Shorten(body)));
        if (creditsRequired is not null || creditsAvailable is not null)
        {
            message.Append(CultureInfo.InvariantCulture, $" ({creditsRequired?.ToString(CultureInfo.InvariantCulture) ?? "?"} credits required, {creditsAvailable?.ToString(CultureInfo.InvariantCulture) ?? "?"} available)");
        }

        foreach (var pair in details)
        {
            message.Append(' ').Append(pair.Key).Append(": ").Append(string.Join("; ", pair.Value)).Append('.');
        }

        if (requestId is not null)
        {
            message.Append(" Request id: ").Append(requestId).Append('.');
        }

        message.Append(note);

        return new ApiframeException(message.ToString())
        {
            StatusCode = status,
            Error = error,
            Details = details.Count == 0 ? ApiframeException.NoDetails : new ReadOnlyDictionary<string, IReadOnlyList<string>>(details),
            CreditsRequired = creditsRequired,
            CreditsAvailable = creditsAvailable,
            RequestId = requestId,
            ResponseBody = body,
            RetryAfter = ApiframeRetryPolicy.RetryAfter(response, now),
            Transient = status is 408 or 429 || status >= 500,
        };
    }

    // A server that echoes the key back (in "invalid key ..." text, say) must not get it into logs through us.
    internal static string Redact(string text, string? apiKey) =>
        apiKey is not { Length: > 0 } || text.Length == 0 ? text : text.Replace(apiKey, "[redacted]", StringComparison.Ordinal);

    private static IReadOnlyList<string> Messages(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            var messages = new List<string>();
            foreach (var item in value.EnumerateArray())
            {
                messages.Add(item.ValueKind == JsonValueKind.String ? item.GetString() ?? string.Empty : item.GetRawText());
            }

            return messages;
        }

        return new[] { value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : value.GetRawText() };
    }

    private static async Task<string> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[MaxBodyBytes];
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return Encoding.UTF8.GetString(buffer, 0, total);
    }

    private static string Shorten(string body) => body.Length <= 300 ? body : body.Substring(0, 300) + "...";
}
