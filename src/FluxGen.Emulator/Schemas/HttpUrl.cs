namespace FluxGen.Emulator.Schemas;

/// <summary>
/// The emulator's reading of <c>format: "uri"</c>: an absolute http or https URL that is well formed by RFC 3986.
/// <see cref="Uri.TryCreate(string, UriKind, out Uri)"/> alone is too forgiving (it escapes spaces, accepts
/// backslashes and stray brackets), and a server must turn away what a conforming one would.
/// </summary>
internal static class HttpUrl
{
    private const string Allowed = "-._~:/?#[]@!$&'()*+,;=";

    public static bool IsValid(string text)
    {
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return false;
        }

        var scheme = text[..schemeEnd];
        if (!scheme.Equals("http", StringComparison.OrdinalIgnoreCase) && !scheme.Equals("https", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%')
            {
                if (i + 2 >= text.Length || !char.IsAsciiHexDigit(text[i + 1]) || !char.IsAsciiHexDigit(text[i + 2]))
                {
                    return false;
                }
            }
            else if (!char.IsAsciiLetterOrDigit(c) && !Allowed.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        var rest = text[(schemeEnd + 3)..];
        var authorityEnd = rest.IndexOfAny(['/', '?', '#']);
        var authority = authorityEnd < 0 ? rest : rest[..authorityEnd];
        var tail = authorityEnd < 0 ? string.Empty : rest[authorityEnd..];
        if (tail.AsSpan().IndexOfAny('[', ']') >= 0)
        {
            return false;
        }

        var at = authority.LastIndexOf('@');
        var userInfo = at < 0 ? string.Empty : authority[..at];
        var hostPort = authority[(at + 1)..];
        if (userInfo.AsSpan().IndexOfAny('[', ']') >= 0 || hostPort.Length == 0 || !HostAndPortValid(hostPort))
        {
            return false;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Host.Length > 0;
    }

    private static bool HostAndPortValid(string hostPort)
    {
        string host;
        string port;
        if (hostPort.StartsWith('['))
        {
            var close = hostPort.IndexOf(']');
            if (close < 0)
            {
                return false;
            }

            host = hostPort[1..close];
            var after = hostPort[(close + 1)..];
            if (after.Length > 0 && after[0] != ':')
            {
                return false;
            }

            port = after.Length > 0 ? after[1..] : string.Empty;
            if (host.Contains('.', StringComparison.Ordinal) && !EmbeddedIPv4Valid(host[(host.LastIndexOf(':') + 1)..]))
            {
                return false;
            }
        }
        else
        {
            if (hostPort.AsSpan().IndexOfAny('[', ']') >= 0)
            {
                return false;
            }

            var colon = hostPort.IndexOf(':');
            host = colon < 0 ? hostPort : hostPort[..colon];
            port = colon < 0 ? string.Empty : hostPort[(colon + 1)..];
        }

        return host.Length > 0 && port.All(char.IsAsciiDigit);
    }

    // Inside an IPv6 literal the trailing IPv4 part is strict: four decimal octets, no leading zeros.
    private static bool EmbeddedIPv4Valid(string text)
    {
        var parts = text.Split('.');
        return parts.Length == 4 && parts.All(p =>
            p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit) && (p.Length == 1 || p[0] != '0') && int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) <= 255);
    }
}
