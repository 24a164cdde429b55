using System;

namespace FluxGen.Analysis;

/// <summary>String checks shared with the runtime validator, so a constant the analyzer lets through passes
/// <c>Validate()</c> too.</summary>
internal static class TextRules
{
    /// <summary>The length JSON Schema sees, counted exactly as the generated <c>Validate()</c> counts it.</summary>
    public static int CodePoints(string value) => Apiframe.Validation.SchemaText.CodePoints(value);

    /// <summary>The runtime's own URI rule (RFC 3986, http or https only), so a constant the analyzer lets through
    /// always passes <c>Validate()</c> and the other way round.</summary>
    public static bool IsHttpUri(string value) => Apiframe.Validation.SchemaText.IsHttpUri(value);

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
