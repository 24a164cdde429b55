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

    /// <summary>RFC 3986's <c>IP-literal</c> between the brackets: an IPv6 address or an IPvFuture. A zone id
    /// (<c>%25eth0</c>) is not part of RFC 3986's grammar, so it is refused.</summary>
    private static bool IsIpLiteral(string value, int start, int end)
    {
        if (start >= end)
        {
            return false;
        }

        return value[start] == 'v' || value[start] == 'V' ? IsIpvFuture(value, start + 1, end) : IsIpv6(value, start, end);
    }

    // IPvFuture = "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )
    private static bool IsIpvFuture(string value, int start, int end)
    {
        var i = start;
        while (i < end && IsHex(value[i]))
        {
            i++;
        }

        if (i == start || i >= end || value[i] != '.' || i + 1 == end)
        {
            return false;
        }

        for (i++; i < end; i++)
        {
            var c = value[i];
            if (c >= 128 || (Classes[c] & (Plain | Colon)) == 0)
            {
                return false;
            }
        }

        return true;
    }

    // RFC 3986 section 3.2.2: eight 16-bit pieces of 1 to 4 hex digits, the last two of which may be written as an
    // IPv4 address; one "::" may stand for one or more zero pieces, so with it at most seven pieces are written.
    // Written as a scanner rather than the RFC's nine alternatives: the counts below say the same thing.
    private static bool IsIpv6(string value, int start, int end)
    {
        var pieces = 0;
        var elided = false;
        var i = start;
        if (end - start >= 2 && value[start] == ':' && value[start + 1] == ':')
        {
            elided = true;
            i += 2;
            if (i == end)
            {
                return true;
            }
        }

        while (true)
        {
            var pieceStart = i;
            while (i < end && i - pieceStart < 5 && IsHex(value[i]))
            {
                i++;
            }

            if (i < end && value[i] == '.')
            {
                // The IPv4 tail ends the address and counts as two pieces.
                return IsIpv4(value, pieceStart, end) && (elided ? pieces + 2 <= 7 : pieces + 2 == 8);
            }

            var length = i - pieceStart;
            if (length == 0 || length > 4)
            {
                return false;
            }

            pieces++;
            if (i == end)
            {
                return elided ? pieces <= 7 : pieces == 8;
            }

            if (value[i] != ':')
            {
                return false;
            }

            i++;
            if (i < end && value[i] == ':')
            {
                if (elided)
                {
                    return false;
                }

                elided = true;
                i++;
                if (i == end)
                {
                    return pieces <= 7;
                }
            }
            else if (i == end)
            {
                return false;
            }
        }
    }

    // IPv4address = dec-octet "." dec-octet "." dec-octet "." dec-octet; a dec-octet is 0-255 with no leading zero.
    private static bool IsIpv4(string value, int start, int end)
    {
        var octets = 0;
        var i = start;
        while (true)
        {
            var octetStart = i;
            var number = 0;
            while (i < end && i - octetStart < 4 && value[i] >= '0' && value[i] <= '9')
            {
                number = (number * 10) + (value[i] - '0');
                i++;
            }

            var length = i - octetStart;
            if (length == 0 || length > 3 || number > 255 || (length > 1 && value[octetStart] == '0'))
            {
                return false;
            }

            octets++;
            if (i == end)
            {
                return octets == 4;
            }

            if (value[i] != '.' || octets == 4)
            {
                return false;
            }

            i++;
        }
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

    /// <summary>Whether every <see langword="char"/> belongs to a Unicode scalar value: no high surrogate without a
    /// low one after it, no low surrogate without a high one before it. JSON text is Unicode, so a lone surrogate
    /// has no faithful form on the wire; it is invalid everywhere rather than rewritten.</summary>
    public static bool IsScalarValues(string value) => IndexOfLoneSurrogate(value) < 0;

    /// <summary>The index of the first lone surrogate in <paramref name="value"/>, or -1 when there is none.</summary>
    public static int IndexOfLoneSurrogate(string value)
    {
        // Most text has no surrogate at all; the vectorized search keeps that case cheap.
        var first = IndexOfSurrogate(value);
        if (first < 0)
        {
            return -1;
        }

        for (var i = first; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return i;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Returns <paramref name="value"/> when it is made of Unicode scalar values, else throws: the JSON
    /// writer would otherwise put U+FFFD on the wire, another string than the one validated.</summary>
    /// <param name="value">The string about to be written.</param>
    /// <param name="path">The JSON path of the member, for the message.</param>
    /// <exception cref="ArgumentException">The string holds a lone surrogate.</exception>
    public static string RequireScalarValues(string value, string path) =>
        IsScalarValues(value) ? value : throw new ArgumentException($"{path} holds a lone UTF-16 surrogate, which JSON cannot carry.", nameof(value));

#if NET8_0_OR_GREATER
    // A vectorized range search; MemoryExtensions.IndexOfAnyInRange allocates on each call where SearchValues does not.
    private static readonly global::System.Buffers.SearchValues<char> Surrogates = CreateSurrogates();

    private static global::System.Buffers.SearchValues<char> CreateSurrogates()
    {
        var all = new char[0x800];
        for (var i = 0; i < all.Length; i++)
        {
            all[i] = (char)(0xD800 + i);
        }

        return global::System.Buffers.SearchValues.Create(all);
    }
#endif

    private static int IndexOfSurrogate(string value)
    {
#if NET8_0_OR_GREATER
        return global::System.MemoryExtensions.IndexOfAny(global::System.MemoryExtensions.AsSpan(value), Surrogates);
#else
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsSurrogate(value[i]))
            {
                return i;
            }
        }

        return -1;
#endif
    }

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
