using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FluxGen.Emulator.Schemas;

/// <summary>
/// Checks a request body against a model schema, the way the real server's validation answers: every violation,
/// keyed by the JSON path of the offending value (<c>fluxParams.output_quality</c>, <c>webhookEvents[0]</c>).
/// </summary>
/// <remarks>
/// Covers the keywords the model schemas use: type, properties, required, additionalProperties, items, enum, const,
/// minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf, minLength, maxLength, pattern, minItems,
/// maxItems, uniqueItems, format "uri" and local <c>$ref</c>. Other keywords are ignored, as the spec allows.
/// </remarks>
internal static partial class SchemaValidator
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(200);

    public static IReadOnlyDictionary<string, List<string>> Validate(JsonElement schemaRoot, JsonElement body) =>
        Validate(schemaRoot, schemaRoot, body);

    /// <summary>Checks against <paramref name="schema"/>, resolving <c>$ref</c>s in <paramref name="root"/> (an OpenAPI
    /// document whose branch <paramref name="schema"/> is).</summary>
    public static IReadOnlyDictionary<string, List<string>> Validate(JsonElement root, JsonElement schema, JsonElement body)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        Check(root, schema, body, string.Empty, errors);
        return errors;
    }

    private static void Check(JsonElement root, JsonElement schema, JsonElement value, string path, Dictionary<string, List<string>> errors)
    {
        if (schema.ValueKind == JsonValueKind.False)
        {
            Add(errors, path, "No value is allowed here.");
            return;
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (schema.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String
            && TryResolve(root, reference.GetString()!, out var target))
        {
            Check(root, target, value, path, errors);
        }

        if (value.ValueKind == JsonValueKind.Number && !JsonDecimal.TryParse(value.GetRawText(), out _))
        {
            Add(errors, path, "Number has more significant digits than this server reads exactly (10000).");
            return;
        }

        if (schema.TryGetProperty("type", out var type) && !MatchesType(type, value))
        {
            Add(errors, path, $"Expected {DescribeType(type)}, got {DescribeValue(value)}.");
            return;
        }

        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
        {
            Add(errors, path, $"Must be {constant.GetRawText()}.");
        }

        if (schema.TryGetProperty("enum", out var allowed) && allowed.ValueKind == JsonValueKind.Array
            && !allowed.EnumerateArray().Any(a => JsonElement.DeepEquals(a, value)))
        {
            Add(errors, path, $"Must be one of: {string.Join(", ", allowed.EnumerateArray().Select(Plain))}; got {value.GetRawText()}.");
        }

        CheckAlternatives(root, schema, value, path, errors);
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                CheckNumber(schema, value, path, errors);
                break;
            case JsonValueKind.String:
                CheckString(schema, value.GetString()!, path, errors);
                break;
            case JsonValueKind.Array:
                CheckArray(root, schema, value, path, errors);
                break;
            case JsonValueKind.Object:
                CheckObject(root, schema, value, path, errors);
                break;
        }
    }

    private static void CheckNumber(JsonElement schema, JsonElement value, string path, Dictionary<string, List<string>> errors)
    {
        if (!JsonDecimal.TryParse(value.GetRawText(), out var number))
        {
            Add(errors, path, "Number has more significant digits than this server reads exactly (10000).");
            return;
        }

        var text = value.GetRawText();
        if (Bound(schema, "minimum", out var minimum) && number.CompareTo(minimum) < 0)
        {
            Add(errors, path, $"Must be at least {minimum}; got {text}.");
        }

        if (Bound(schema, "maximum", out var maximum) && number.CompareTo(maximum) > 0)
        {
            Add(errors, path, $"Must be at most {maximum}; got {text}.");
        }

        if (Bound(schema, "exclusiveMinimum", out var exclusiveMinimum) && number.CompareTo(exclusiveMinimum) <= 0)
        {
            Add(errors, path, $"Must be greater than {exclusiveMinimum}; got {text}.");
        }

        if (Bound(schema, "exclusiveMaximum", out var exclusiveMaximum) && number.CompareTo(exclusiveMaximum) >= 0)
        {
            Add(errors, path, $"Must be less than {exclusiveMaximum}; got {text}.");
        }

        if (Bound(schema, "multipleOf", out var step) && step.Digits.Sign > 0 && !number.IsMultipleOf(step))
        {
            Add(errors, path, $"Must be a multiple of {step}; got {text}.");
        }
    }

    private static void CheckString(JsonElement schema, string text, string path, Dictionary<string, List<string>> errors)
    {
        // Lengths count Unicode code points, as JSON Schema defines them, not UTF-16 units.
        var length = CodePoints(text);
        if (Count(schema, "minLength", out var minLength) && length < minLength)
        {
            Add(errors, path, $"Must be at least {minLength} characters long; got {length}.");
        }

        if (Count(schema, "maxLength", out var maxLength) && length > maxLength)
        {
            Add(errors, path, $"Must be at most {maxLength} characters long; got {length}.");
        }

        if (schema.TryGetProperty("pattern", out var pattern) && pattern.ValueKind == JsonValueKind.String
            && PatternFor(pattern.GetString()!) is { } regex && !Matches(regex, text))
        {
            Add(errors, path, $"Must match the pattern {pattern.GetString()}.");
        }

        if (schema.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.String
            && format.GetString() is "uri" or "url" && !HttpUrl.IsValid(text))
        {
            Add(errors, path, "Must be an absolute http or https URL.");
        }
    }

    private static void CheckArray(JsonElement root, JsonElement schema, JsonElement array, string path, Dictionary<string, List<string>> errors)
    {
        var length = array.GetArrayLength();
        if (Count(schema, "minItems", out var minItems) && length < minItems)
        {
            Add(errors, path, $"Must have at least {minItems} item(s); got {length}.");
        }

        if (Count(schema, "maxItems", out var maxItems) && length > maxItems)
        {
            Add(errors, path, $"Must have at most {maxItems} item(s); got {length}.");
        }

        if (schema.TryGetProperty("uniqueItems", out var unique) && unique.ValueKind == JsonValueKind.True)
        {
            var items = array.EnumerateArray().ToList();
            for (var i = 1; i < items.Count; i++)
            {
                if (items.Take(i).Any(earlier => JsonElement.DeepEquals(earlier, items[i])))
                {
                    Add(errors, $"{path}[{i}]", "Repeats an earlier item; items must be unique.");
                }
            }
        }

        if (schema.TryGetProperty("items", out var itemSchema))
        {
            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                Check(root, itemSchema, item, $"{path}[{index}]", errors);
                index++;
            }
        }
    }

    private static void CheckObject(JsonElement root, JsonElement schema, JsonElement obj, string path, Dictionary<string, List<string>> errors)
    {
        var hasProperties = schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object;
        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in required.EnumerateArray().Where(n => n.ValueKind == JsonValueKind.String).Select(n => n.GetString()!))
            {
                if (!obj.TryGetProperty(name, out _))
                {
                    Add(errors, Join(path, name), "Required.");
                }
            }
        }

        CheckDependentRequired(schema, obj, path, errors);
        schema.TryGetProperty("additionalProperties", out var additional);
        foreach (var property in obj.EnumerateObject())
        {
            var childPath = Join(path, property.Name);
            if (hasProperties && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Check(root, propertySchema, property.Value, childPath, errors);
            }
            else if (additional.ValueKind == JsonValueKind.False)
            {
                Add(errors, childPath, "Unknown property; this model does not accept it.");
            }
            else if (additional.ValueKind == JsonValueKind.Object)
            {
                Check(root, additional, property.Value, childPath, errors);
            }
        }
    }

    // Schema patterns are ECMA-262; .NET knows Unicode categories only by their short names.
    private static Regex? PatternFor(string pattern)
    {
        var translated = pattern;
        foreach (var (name, code) in UnicodeCategoryNames)
        {
            translated = translated.Replace("{" + name + "}", "{" + code + "}", StringComparison.Ordinal);
        }

        try
        {
            return new Regex(translated, RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (ArgumentException)
        {
            // A pattern .NET cannot read is a schema problem, not the client's; it must not turn requests away.
            return null;
        }
    }

    private static bool Matches(Regex regex, string text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static readonly (string Name, string Code)[] UnicodeCategoryNames =
    [
        ("Letter", "L"), ("Lowercase_Letter", "Ll"), ("Uppercase_Letter", "Lu"), ("Titlecase_Letter", "Lt"),
        ("Modifier_Letter", "Lm"), ("Other_Letter", "Lo"), ("Mark", "M"), ("Number", "N"), ("Decimal_Number", "Nd"),
        ("Digit", "Nd"), ("Letter_Number", "Nl"), ("Other_Number", "No"), ("Punctuation", "P"), ("Symbol", "S"),
        ("Separator", "Z"), ("Space_Separator", "Zs"), ("Other", "C"), ("Control", "Cc"),
    ];

    private static bool MatchesType(JsonElement type, JsonElement value) => type.ValueKind switch
    {
        JsonValueKind.String => MatchesType(type.GetString()!, value),
        JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && MatchesType(t.GetString()!, value)),
        _ => true,
    };

    private static bool MatchesType(string type, JsonElement value) => type switch
    {
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && JsonDecimal.TryParse(value.GetRawText(), out var n) && n.IsInteger,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => true,
    };

    private static string DescribeType(JsonElement type) => type.ValueKind == JsonValueKind.Array
        ? string.Join(" or ", type.EnumerateArray().Select(Plain))
        : Plain(type);

    private static string DescribeValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => JsonDecimal.TryParse(value.GetRawText(), out var n) && n.IsInteger ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        _ => "null",
    };

    private static string Plain(JsonElement element) => element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();

    private static bool Bound(JsonElement schema, string keyword, out JsonDecimal bound)
    {
        bound = default;
        return schema.TryGetProperty(keyword, out var element) && element.ValueKind == JsonValueKind.Number
            && JsonDecimal.TryParse(element.GetRawText(), out bound);
    }

    // Counts may be written as 2.0; any number with no fraction is a count.
    private static bool Count(JsonElement schema, string keyword, out long count)
    {
        count = 0;
        if (!schema.TryGetProperty(keyword, out var element) || element.ValueKind != JsonValueKind.Number
            || !element.TryGetDouble(out var value) || value < 0 || value != Math.Floor(value))
        {
            return false;
        }

        count = value >= long.MaxValue ? long.MaxValue : (long)value;
        return true;
    }

    private static int CodePoints(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }

            count++;
        }

        return count;
    }

    internal static bool TryResolve(JsonElement root, string reference, out JsonElement target)
    {
        target = root;
        if (!reference.StartsWith('#'))
        {
            return false;
        }

        foreach (var rawSegment in reference[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = Uri.UnescapeDataString(rawSegment).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (target.ValueKind == JsonValueKind.Object && target.TryGetProperty(segment, out var next))
            {
                target = next;
            }
            else if (target.ValueKind == JsonValueKind.Array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < target.GetArrayLength())
            {
                target = target[index];
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    private static void Add(Dictionary<string, List<string>> errors, string path, string message)
    {
        var key = path.Length == 0 ? "$" : path;
        if (!errors.TryGetValue(key, out var list))
        {
            errors[key] = list = new List<string>();
        }

        list.Add(message);
    }
}
