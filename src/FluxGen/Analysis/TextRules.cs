using System;

namespace FluxGen.Analysis;

/// <summary>String checks shared with the runtime validator, so a constant the analyzer lets through passes
/// <c>Validate()</c> too.</summary>
internal static class TextRules
{
    /// <summary>The length JSON Schema sees: Unicode code points, so a surrogate pair counts once.</summary>
    public static int CodePoints(string value)
    {
        var count = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (!char.IsLowSurrogate(value[i]) || i == 0 || !char.IsHighSurrogate(value[i - 1]))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>An absolute http or https URI with a host and no white space or control characters.</summary>
    public static bool IsHttpUri(string value)
    {
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return false;
            }
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && (uri.Scheme == "http" || uri.Scheme == "https")
            && uri.Host.Length > 0;
    }

    /// <summary>The allowed value closest to <paramref name="value"/> by edit distance, ignoring case first and
    /// breaking ties by exact-case distance, then by schema order.</summary>
    public static string Closest(string value, System.Collections.Immutable.ImmutableArray<string> allowed)
    {
        var best = allowed[0];
        var bestFolded = int.MaxValue;
        var bestExact = int.MaxValue;
        foreach (var candidate in allowed)
        {
            var folded = Distance(value.ToLowerInvariant(), candidate.ToLowerInvariant());
            var exact = Distance(value, candidate);
            if (folded < bestFolded || (folded == bestFolded && exact < bestExact))
            {
                best = candidate;
                bestFolded = folded;
                bestExact = exact;
            }
        }

        return best;
    }

    /// <summary>Levenshtein distance.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
