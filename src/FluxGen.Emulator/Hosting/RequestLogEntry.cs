namespace FluxGen.Emulator.Hosting;

/// <summary>A request in the log while it is being handled; read out as an immutable <see cref="RecordedRequest"/>.</summary>
internal sealed class RequestLogEntry
{
    private readonly object _gate = new();
    private int _statusCode;
    private EmulatorFault? _fault;
    private string? _jobId;

    public RequestLogEntry(string method, string path, string query, string? apiKey, string? idempotencyKey, string requestId)
    {
        Method = method;
        Path = path;
        Query = query;
        ApiKey = apiKey;
        IdempotencyKey = idempotencyKey;
        RequestId = requestId;
    }

    public string Method { get; }

    public string Path { get; }

    public string Query { get; }

    public string? ApiKey { get; }

    public string? IdempotencyKey { get; }

    public string RequestId { get; }

    /// <summary>Notes the status being sent; a dropped connection sends none, whatever the server finishes with.</summary>
    public void Answered(int statusCode)
    {
        lock (_gate)
        {
            if (_fault is not (EmulatorFault.DropConnection or EmulatorFault.DropAfterCreate))
            {
                _statusCode = statusCode;
            }
        }
    }

    public EmulatorFault? Fault
    {
        set
        {
            lock (_gate)
            {
                _fault = value;
            }
        }
    }

    public string? JobId
    {
        set
        {
            lock (_gate)
            {
                _jobId = value;
            }
        }
    }

    public RecordedRequest ToRecord()
    {
        lock (_gate)
        {
            return new RecordedRequest(Method, Path, Query, _statusCode, ApiKey, IdempotencyKey, RequestId, _fault, _jobId);
        }
    }
}
