using System;

namespace Apiframe.Serialization;

/// <summary>
/// The lookups every generated enum's <c>ToWireValue</c> and <c>TryParseWireValue</c> share: each enum keeps only the
/// table of its wire strings, indexed by member value, so a model's enums cost the compiler a field each rather than
/// two switches each (see README, Benchmarks).
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class ApiframeWireValues
{
    /// <summary>The index of <paramref name="text"/> in <paramref name="table"/> (ordinal), or -1.</summary>
    /// <param name="table">An enum's wire strings, by member value.</param>
    /// <param name="text">The string from the wire.</param>
    /// <returns>The member value, or -1 when no member has that string.</returns>
    public static int IndexOf(string[] table, string? text)
    {
        if (text is null)
        {
            return -1;
        }

        // A linear scan: the tables are short (the longest has a few dozen entries), and this runs on replies, not in
        // the request path.
        for (var i = 0; i < table.Length; i++)
        {
            if (string.Equals(table[i], text, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The exception for a value no member defines (a cast can make any number an enum value).</summary>
    /// <param name="parameterName">The name of the parameter that held it.</param>
    /// <param name="value">The value.</param>
    /// <param name="typeName">The enum's name.</param>
    /// <returns>The exception to throw.</returns>
    public static ArgumentOutOfRangeException NotDefined(string parameterName, object value, string typeName) =>
        new(parameterName, value, "Not a defined " + typeName + " value.");
}
