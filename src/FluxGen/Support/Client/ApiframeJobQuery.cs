namespace Apiframe;

/// <summary>Filters for <see cref="ApiframeClient.ListJobsAsync"/>; every member is optional.</summary>
public sealed class ApiframeJobQuery
{
    /// <summary>Only jobs with this status.</summary>
    public ApiframeJobStatus? Status { get; init; }

    /// <summary>Only jobs of this model id.</summary>
    public string? Model { get; init; }

    /// <summary>Jobs per page (the server allows 1 to 100, default 20); paging continues until the last page.</summary>
    public int? Limit { get; init; }

    /// <summary>Where to start, from an earlier page's <c>nextCursor</c>.</summary>
    public string? Cursor { get; init; }
}
