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
    public static bool IsHttpUri(string value) => IsPlainHttpUri(value) || IsHttpUriBySystemUri(value);

    /// <summary>The check the generated <c>Validate()</c> makes, through <see cref="Uri"/> (which allocates).</summary>
    public static bool IsHttpUriBySystemUri(string value)
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

    /// <summary>
    /// An allocation-free test for the URIs people write: <c>http(s)://</c>, a host of DNS labels, an optional
    /// port, then only RFC 3986 characters. Every string it accepts, <see cref="Uri"/> accepts too; anything else
    /// (IP literals, user info, non-ASCII) takes the slow path, so the answer never differs from
    /// <see cref="IsHttpUriBySystemUri"/>.
    /// </summary>
    public static bool IsPlainHttpUri(string value)
    {
        int i;
        if (StartsWith(value, "https://"))
        {
            i = 8;
        }
        else if (StartsWith(value, "http://"))
        {
            i = 7;
        }
        else
        {
            return false;
        }

        // Host: dot-separated labels of letters, digits and inner hyphens, at most 63 characters each.
        var hostStart = i;
        var labelStart = i;
        var sawLetter = false;
        for (; i < value.Length && value[i] != ':' && value[i] != '/' && value[i] != '?' && value[i] != '#'; i++)
        {
            var c = value[i];
            if (c == '.')
            {
                if (!IsLabel(value, labelStart, i))
                {
                    return false;
                }

                labelStart = i + 1;
            }
            else if (IsAsciiLetter(c))
            {
                sawLetter = true;
            }
            else if (!IsAsciiDigit(c) && c != '-')
            {
                return false;
            }
        }

        // All-digit hosts are IPv4 forms with rules of their own; leave them to Uri.
        if (!IsLabel(value, labelStart, i) || i - hostStart > 253 || !sawLetter)
        {
            return false;
        }

        if (i < value.Length && value[i] == ':')
        {
            var portStart = ++i;
            var port = 0;
            for (; i < value.Length && IsAsciiDigit(value[i]); i++)
            {
                port = port * 10 + (value[i] - '0');
                if (port > 65535)
                {
                    return false;
                }
            }

            if (i == portStart)
            {
                return false;
            }
        }

        if (i < value.Length && value[i] != '/' && value[i] != '?' && value[i] != '#')
        {
            return false;
        }

        var sawFragment = false;
        for (; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%')
            {
                if (i + 2 >= value.Length || !IsHex(value[i + 1]) || !IsHex(value[i + 2]))
                {
                    return false;
                }

                i += 2;
            }
            else if (c == '#')
            {
                if (sawFragment)
                {
                    return false;
                }

                sawFragment = true;
            }
            else if (!IsAsciiLetter(c) && !IsAsciiDigit(c) && "-._~!$&'()*+,;=:@/?".IndexOf(c) < 0)
            {
                return false;
            }
        }

        return true;
    }

    private static bool StartsWith(string value, string prefix) =>
        value.Length > prefix.Length && string.Compare(value, 0, prefix, 0, prefix.Length, StringComparison.OrdinalIgnoreCase) == 0;

    private static bool IsLabel(string value, int start, int end)
    {
        var length = end - start;
        return length is > 0 and <= 63 && value[start] != '-' && value[end - 1] != '-';
    }

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    private static bool IsAsciiDigit(char c) => c >= '0' && c <= '9';

    private static bool IsHex(char c) => IsAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

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
