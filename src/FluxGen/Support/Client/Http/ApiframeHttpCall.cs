using System.Net.Http;

namespace Apiframe;

// What one client call shares with the handlers of the HttpClient it sends through. The client puts it in every
// request's options; the Resilience light-up's marker handler, outermost in a chain that holds a resilience
// pipeline, says so here, and the client then leaves retrying to that pipeline: one retry policy per call, never
// the client's attempts multiplied by the pipeline's.
internal sealed class ApiframeHttpCall
{
    // Set by a handler while the request is in flight; read by the client after the attempt.
    internal bool RetriedByPipeline { get; set; }

#if FLUXGEN_DOWNLEVEL
    // netstandard2.0 and .NET Framework have only the untyped property bag that Options replaced (and that .NET 5 to 7,
    // which also take this branch, mark obsolete).
    private const string Key = "Apiframe.Call";

#pragma warning disable CS0618
    internal HttpRequestMessage Attach(HttpRequestMessage request)
    {
        request.Properties[Key] = this;
        return request;
    }

    internal static ApiframeHttpCall? Of(HttpRequestMessage request) =>
        request.Properties.TryGetValue(Key, out var call) ? call as ApiframeHttpCall : null;
#pragma warning restore CS0618
#else
    internal static readonly HttpRequestOptionsKey<ApiframeHttpCall> Key = new("Apiframe.Call");

    internal HttpRequestMessage Attach(HttpRequestMessage request)
    {
        request.Options.Set(Key, this);
        return request;
    }

    internal static ApiframeHttpCall? Of(HttpRequestMessage request) =>
        request.Options.TryGetValue(Key, out var call) ? call : null;
#endif
}
