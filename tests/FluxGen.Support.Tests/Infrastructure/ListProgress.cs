using System;
using System.Collections.Generic;

namespace FluxGen.Support.Tests.Infrastructure;

/// <summary>An <see cref="IProgress{T}"/> that records synchronously (Progress&lt;T&gt; would post to a context).</summary>
public sealed class ListProgress<T> : IProgress<T>
{
    private readonly Action<T>? _onReport;

    public ListProgress(Action<T>? onReport = null) => _onReport = onReport;

    public List<T> Reports { get; } = new();

    public void Report(T value)
    {
        Reports.Add(value);
        _onReport?.Invoke(value);
    }
}
