using System;

namespace Apiframe.Validation;

/// <summary>The string rules of the schema as FluxGen applies them, shared by runtime validation and the analyzers.</summary>
public static class SchemaText
{
    /// <summary>Whether a string is an absolute http or https URI with a host and no white space: the server fetches
    /// these URLs, so other schemes that JSON Schema's <c>uri</c> would admit are refused.</summary>
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
