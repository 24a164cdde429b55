using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Http.Resilience;

namespace Apiframe;

// The outermost handler of the client AddApiframeClient registers. When a resilience pipeline
// (AddStandardResilienceHandler, AddResilienceHandler, a hedging handler) sits anywhere below it, it tells each
// call so (ApiframeHttpCall), and the client leaves the retrying to the pipeline: attempts are the pipeline's, not
// the client's times the pipeline's. It looks below itself rather than at the registrations, so the order in
// which the app added handlers does not matter.
internal sealed class ApiframePipelineMarkerHandler : DelegatingHandler
{
    private const int Unknown = 0;
    private const int Absent = 1;
    private const int Present = 2;

    // A handler chain is fixed once the factory has built it, so it is looked at once.
    private int _pipeline;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (ApiframeHttpCall.Of(request) is { } call && HasPipelineBelow())
        {
            call.RetriedByPipeline = true;
        }

        return base.SendAsync(request, cancellationToken);
    }

    private bool HasPipelineBelow()
    {
        var known = Volatile.Read(ref _pipeline);
        if (known == Unknown)
        {
            known = Absent;
            for (var handler = InnerHandler; handler is DelegatingHandler delegating; handler = delegating.InnerHandler)
            {
                // ResilienceHandler is marked experimental (EXTEXP0001) in the 8.x packages, an error by default;
                // only its type is looked at here, which no later version changes.
#pragma warning disable EXTEXP0001
                if (delegating is ResilienceHandler)
#pragma warning restore EXTEXP0001
                {
                    known = Present;
                    break;
                }
            }

            Volatile.Write(ref _pipeline, known);
        }

        return known == Present;
    }
}
