using System;

namespace Apiframe.Validation;

/// <summary>The string rules of the schema as FluxGen applies them, shared by runtime validation and the analyzers.</summary>
public static class SchemaText
{
    /// <summary>Whether a string is an absolute http or https URI by RFC 3986 (ASCII only, every character in its
    /// place, percent signs followed by two hex digits, a non-empty host). The server fetches these URLs, so other
    /// schemes that JSON Schema's <c>uri</c> would admit are refused.</summary>
    public static bool IsHttpUri(string value)
    {
        int rest;
        if (value.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            rest = 7;
        }
        else if (value.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            rest = 8;
        }
        else
        {
            return false;
        }

        var authorityEnd = value.IndexOfAny(AuthorityEnd, rest);
        if (authorityEnd < 0)
        {
            authorityEnd = value.Length;
        }

        return IsAuthority(value, rest, authorityEnd) && IsPathQueryFragment(value, authorityEnd);
    }

    private static readonly char[] AuthorityEnd = { '/', '?', '#' };

    private static bool IsAuthority(string value, int start, int end)
    {
        var at = value.LastIndexOf('@', end - 1, end - start);
        if (at >= start)
        {
            for (var i = start; i < at; i++)
            {
                if (!IsChar(value, ref i, Plain | Colon))
                {
                    return false;
                }
            }

            start = at + 1;
        }

        int hostEnd;
        if (start < end && value[start] == '[')
        {
            var close = value.IndexOf(']', start);
            if (close < 0 || close >= end || !IsIpLiteral(value, start + 1, close))
            {
                return false;
            }

            hostEnd = close + 1;
        }
        else
        {
            hostEnd = value.IndexOf(':', start, end - start);
            if (hostEnd < 0)
            {
                hostEnd = end;
            }

            if (hostEnd == start)
            {
                return false;
            }

            for (var i = start; i < hostEnd; i++)
            {
                if (!IsChar(value, ref i, Plain))
                {
                    return false;
                }
            }
        }

        if (hostEnd == end)
        {
            return true;
        }

        if (value[hostEnd] != ':')
        {
            return false;
        }

        for (var i = hostEnd + 1; i < end; i++)
        {
            if (value[i] < '0' || value[i] > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIpLiteral(string value, int start, int end)
    {
        if (start >= end)
        {
            return false;
        }

        var lastColon = value.LastIndexOf(':', end - 1, end - start);
        for (var i = start; i < end; i++)
        {
            var c = value[i];
            var hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex && c != ':' && c != '.')
            {
                return false;
            }
        }

        // An embedded IPv4 tail must be four decimal octets with no leading zeros.
        var tail = value.Substring(lastColon + 1, end - lastColon - 1);
        if (tail.IndexOf('.') < 0)
        {
            return lastColon >= start;
        }

        var octets = tail.Split('.');
        if (octets.Length != 4)
        {
            return false;
        }

        foreach (var octet in octets)
        {
            if (octet.Length == 0 || octet.Length > 3 || (octet.Length > 1 && octet[0] == '0') || !int.TryParse(octet, out var number) || number > 255)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPathQueryFragment(string value, int start)
    {
        var inFragment = false;
        for (var i = start; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '#')
            {
                if (inFragment)
                {
                    return false;
                }

                inFragment = true;
                continue;
            }

            if (!IsChar(value, ref i, Plain | Colon | At | Slash))
            {
                return false;
            }
        }

        return true;
    }

    // RFC 3986 character classes for ASCII, looked up by code: the check runs for every URI constant the analyzers
    // see, so it must not cost a string search per character.
    private const byte Plain = 1;   // unreserved and sub-delims
    private const byte Colon = 2;
    private const byte At = 4;
    private const byte Slash = 8;   // '/' and '?'

    private static readonly byte[] Classes = BuildClasses();

    /// <summary>A character of one of the <paramref name="allowed"/> classes, or a valid percent-encoded triplet
    /// (advancing past it).</summary>
    private static bool IsChar(string value, ref int i, byte allowed)
    {
        var c = value[i];
        if (c < 128 && (Classes[c] & allowed) != 0)
        {
            return true;
        }

        if (c == '%' && i + 2 < value.Length && IsHex(value[i + 1]) && IsHex(value[i + 2]))
        {
            i += 2;
            return true;
        }

        return false;
    }

    private static byte[] BuildClasses()
    {
        var classes = new byte[128];
        for (var c = 'a'; c <= 'z'; c++)
        {
            classes[c] = Plain;
            classes[char.ToUpperInvariant(c)] = Plain;
        }

        for (var c = '0'; c <= '9'; c++)
        {
            classes[c] = Plain;
        }

        foreach (var c in "-._~!$&'()*+,;=")
        {
            classes[c] = Plain;
        }

        classes[':'] = Colon;
        classes['@'] = At;
        classes['/'] = Slash;
        classes['?'] = Slash;
        return classes;
    }

    private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

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
}
