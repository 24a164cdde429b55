using System;
using System.Globalization;
using System.Text;

namespace FluxGen;

/// <summary>
/// "at least 0 and at most 100" (日本語: "0 以上、100 以下") as a message argument. The compiler formats a diagnostic
/// with <c>string.Format(culture, ...)</c>, which hands this object the reader's culture, so the words around the
/// numbers come from the same resources as the message itself.
/// </summary>
internal sealed class BoundsText : IFormattable
{
    private readonly (string Key, string Value)[] _parts;

    private BoundsText((string Key, string Value)[] parts) => _parts = parts;

    /// <summary>From optional bounds, in the order minimum, exclusive minimum, maximum, exclusive maximum.</summary>
    public static BoundsText Range(string? minimum, string? exclusiveMinimum, string? maximum, string? exclusiveMaximum)
    {
        var parts = new System.Collections.Generic.List<(string, string)>(2);
        Add(parts, "Bound_AtLeast", minimum);
        Add(parts, "Bound_GreaterThan", exclusiveMinimum);
        Add(parts, "Bound_AtMost", maximum);
        Add(parts, "Bound_LessThan", exclusiveMaximum);
        return new BoundsText(parts.ToArray());
    }

    /// <summary>From two counts where -1 means no bound.</summary>
    public static BoundsText Count(int min, int max) =>
        Range(min >= 0 ? min.ToString(CultureInfo.InvariantCulture) : null, null, max >= 0 ? max.ToString(CultureInfo.InvariantCulture) : null, null);

    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        // Without a culture the resource manager takes the thread's UI culture, as LocalizableResourceString does.
        var culture = formatProvider as CultureInfo;
        var text = new StringBuilder();
        foreach (var (key, value) in _parts)
        {
            if (text.Length > 0)
            {
                text.Append(Descriptors.Messages.GetString("Bound_And", culture));
            }

            text.Append(Descriptors.Messages.GetString(key, culture)!.Replace("{0}", value));
        }

        return text.ToString();
    }

    public override string ToString() => ToString(null, null);

    private static void Add(System.Collections.Generic.List<(string, string)> parts, string key, string? value)
    {
        if (value is not null)
        {
            parts.Add((key, value));
        }
    }
}
