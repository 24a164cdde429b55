using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Apiframe;

// The runtime's argument checks, spelled once for every target: ArgumentNullException.ThrowIfNull and
// ArgumentException.ThrowIfNullOrEmpty/ThrowIfNullOrWhiteSpace are .NET 6 and 8 APIs that netstandard2.0 and .NET
// Framework lack. The throws live apart so the checks stay small enough to inline.
internal static class ApiframeArgument
{
    internal static void NotNull([NotNull] object? value, string name)
    {
        if (value is null)
        {
            ThrowNull(name);
        }
    }

    internal static void NotNullOrEmpty([NotNull] string? value, string name)
    {
        if (value is null)
        {
            ThrowNull(name);
        }

        if (value.Length == 0)
        {
            ThrowBlank(name, "cannot be empty");
        }
    }

    internal static void NotNullOrWhiteSpace([NotNull] string? value, string name)
    {
        if (value is null)
        {
            ThrowNull(name);
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            ThrowBlank(name, "cannot be empty or only white space");
        }
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNull(string name) => throw new ArgumentNullException(name);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowBlank(string name, string problem) => throw new ArgumentException($"'{name}' {problem}.", name);
}
