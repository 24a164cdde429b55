using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace FluxGen.Support.Tests.Infrastructure;

/// <summary>One request as the handler saw it; the body is copied because the client disposes the message.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, byte[] Body, DateTimeOffset At)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>An in-memory server: no sockets. Answers synchronously unless a responder chooses otherwise.</summary>
public sealed class FakeHttpHandler : HttpMessageHandler
{
    private readonly Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> _respond;
    private readonly TimeProvider _clock;
    private readonly List<RecordedRequest> _requests = new();
    private int _parked;

    public FakeHttpHandler(TimeProvider clock, Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> respond)
    {
        _clock = clock;
        _respond = respond;
    }

    /// <summary>How many requests a responder has left hanging on purpose.</summary>
    public int Parked => Volatile.Read(ref _parked);

    /// <summary>A response that never comes, unless the request is cancelled; tells the clock the code now waits.</summary>
    public Task<HttpResponseMessage> Hang(CancellationToken cancellationToken)
    {
        var hang = new TaskCompletionSource<HttpResponseMessage>();
        cancellationToken.Register(() => hang.TrySetCanceled(cancellationToken));
        Interlocked.Increment(ref _parked);
        (_clock as ManualTimeProvider)?.Poke();
        return hang.Task;
    }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToArray();
            }
        }
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json, Action<HttpResponseMessage>? configure = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        configure?.Invoke(response);
        return response;
    }

    public static HttpResponseMessage Text(HttpStatusCode status, string text, string mediaType = "text/html")
    {
        return new HttpResponseMessage(status) { Content = new StringContent(text, Encoding.UTF8, mediaType) };
    }

    /// <summary>Answers the requests with the given responses, in order.</summary>
    public static FakeHttpHandler Sequence(TimeProvider clock, params Func<HttpResponseMessage>[] responses)
    {
        var next = 0;
        return new FakeHttpHandler(clock, (_, _) =>
        {
            var index = Interlocked.Increment(ref next) - 1;
            if (index >= responses.Length)
            {
                throw new InvalidOperationException($"Request {index + 1} was not expected.");
            }

            return Task.FromResult(responses[index]());
        });
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key] = string.Join(",", header.Value);
        }

        byte[] body = Array.Empty<byte>();
        if (request.Content is { } content)
        {
            foreach (var header in content.Headers)
            {
                headers[header.Key] = string.Join(",", header.Value);
            }

            using var stream = content.ReadAsStream(cancellationToken);
            using var copy = new System.IO.MemoryStream();
            stream.CopyTo(copy);
            body = copy.ToArray();
        }

        var recorded = new RecordedRequest(request.Method, request.RequestUri!, headers, body, _clock.GetUtcNow());
        lock (_requests)
        {
            _requests.Add(recorded);
        }

        return _respond(recorded, cancellationToken);
    }
}
