using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Apiframe.Validation;

/// <summary>
/// The checks for the keywords Apiframe's OpenAPI document brought (<c>pattern</c>, <c>format: uuid</c>, <c>enum</c>s
/// of numbers); generated <c>CollectErrors</c> methods call them with the collector. Each is a no-op for an unset
/// member.
/// </summary>
public static class SchemaChecks
{
    /// <summary>
    /// Creates the regex for a schema <c>pattern</c>. <see cref="RegexOptions.ECMAScript"/> gives JSON Schema's
    /// dialect (<c>\d</c> is only 0-9); the interpreter (no <c>Compiled</c>, no Regex source generator, which cannot
    /// see another generator's output) keeps this AOT- and trim-safe. Generated records hold one per pattern.
    /// </summary>
    /// <param name="pattern">The regular expression, exactly as the schema writes it.</param>
    /// <returns>The regex, created once per generated record type.</returns>
    public static Regex Pattern(string pattern) => new(pattern, RegexOptions.ECMAScript);

    /// <summary>The string must contain a match of the schema's <c>pattern</c> (JSON Schema does not anchor it).</summary>
    /// <param name="errors">The collector.</param>
    /// <param name="path">The member's JSON path.</param>
    /// <param name="value">The value, or null when unset.</param>
    /// <param name="regex">The compiled pattern.</param>
    public static void Matches(ValidationErrors errors, string path, string? value, Regex regex)
    {
        if (errors is null)
        {
            throw new ArgumentNullException(nameof(errors));
        }

        if (value is not null && !regex.IsMatch(value))
        {
            var quoted = "\"" + value + "\"";
            errors.Add(path, "pattern", regex.ToString(), quoted, $"{path} is {quoted}, which does not match the pattern {regex}.");
        }
    }

    /// <summary>The string must be a UUID in its hyphenated form (8-4-4-4-12 hex digits), as <c>format: uuid</c> says.</summary>
    /// <param name="errors">The collector.</param>
    /// <param name="path">The member's JSON path.</param>
    /// <param name="value">The value, or null when unset.</param>
    public static void Uuid(ValidationErrors errors, string path, string? value)
    {
        if (errors is null)
        {
            throw new ArgumentNullException(nameof(errors));
        }

        if (value is not null && !Guid.TryParseExact(value, "D", out _))
        {
            var quoted = "\"" + value + "\"";
            errors.Add(path, "format", "a UUID", quoted, $"{path} is {quoted}, which is not a UUID (8-4-4-4-12 hexadecimal digits).");
        }
    }

    /// <summary>The number must be one of the schema's <c>enum</c> values.</summary>
    /// <param name="errors">The collector.</param>
    /// <param name="path">The member's JSON path.</param>
    /// <param name="value">The value, or null when unset.</param>
    /// <param name="allowed">The allowed values, as the schema lists them.</param>
    public static void OneOf(ValidationErrors errors, string path, double? value, params double[] allowed)
    {
        if (errors is null)
        {
            throw new ArgumentNullException(nameof(errors));
        }

        if (value is not { } v || Array.IndexOf(allowed, v) >= 0)
        {
            return;
        }

        var expected = string.Join(", ", Array.ConvertAll(allowed, a => a.ToString("R", CultureInfo.InvariantCulture)));
        var actual = v.ToString("R", CultureInfo.InvariantCulture);
        errors.Add(path, "enum", expected, actual, $"{path} is {actual}; allowed values are {expected}.");
    }
}
