using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Apiframe.Validation;
using FluxGen.Schema.Model;

namespace FluxGen.Schema.Drift;

/// <summary>What the document's branch of a model says that the schema file replacing it (FLUXGEN041) does not.</summary>
/// <param name="Missing">JSON paths of the document's members the file lacks (a missing object is named once).</param>
/// <param name="Bounds">Each keyword the document states and the file states otherwise or drops,
/// <c>path: keyword document → file</c>.</param>
internal sealed record OverrideDifferences(IReadOnlyList<string> Missing, IReadOnlyList<string> Bounds)
{
    public bool Any => Missing.Count > 0 || Bounds.Count > 0;
}

/// <summary>
/// Compares a hand-written schema file with the document branch it overrides, keyword by keyword, in the text of
/// <see cref="ModelDiff"/>. The document is the API's contract and the file the model page's reading of it, so:
/// a member only the document has is listed; a keyword both state is listed when the values differ (narrower or
/// wider); a keyword only the document states is listed when the file drops it, unless every value the file allows
/// meets it anyway (an enum of ratios under a ratio pattern). A keyword only the file states (a step, a default, an
/// enum over a plain string) is a rule the page adds, never a difference; nor is a default, which changes no check.
/// </summary>
internal static class OverrideDiff
{
    private const string Absent = "—";


    public static OverrideDifferences Compare(ModelSpec file, ModelSpec document)
    {
        var own = ModelDiff.Members(file);
        var documented = ModelDiff.Members(document);
        var missing = new List<string>();
        var bounds = new List<string>();
        foreach (var path in documented.Keys.OrderBy(p => p, StringComparer.Ordinal))
        {
            if (!own.TryGetValue(path, out var mine))
            {
                // Paths sort parent first, so a member inside one already listed is covered by it.
                if (!missing.Any(parent => IsInside(path, parent)))
                {
                    missing.Add(path);
                }

                continue;
            }

            var theirs = documented[path];
            var fileWords = Words(mine.Property, mine.Model);
            foreach (var pair in Words(theirs.Property, theirs.Model).OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (fileWords.TryGetValue(pair.Key, out var stated))
                {
                    if (!Same(pair.Key, pair.Value, stated))
                    {
                        bounds.Add($"{path}: {pair.Key} {pair.Value} → {stated}");
                    }
                }
                else if (!MetByEveryValue(pair.Key, pair.Value, mine.Property.Value, mine.Model))
                {
                    bounds.Add($"{path}: {pair.Key} {pair.Value} → {Absent}");
                }
            }
        }

        return new OverrideDifferences(missing, bounds);
    }

    private static bool IsInside(string path, string parent) =>
        path.Length > parent.Length
        && path.StartsWith(parent, StringComparison.Ordinal)
        && (path[parent.Length] == '.' || path[parent.Length] == '[');

    /// <summary>The member's keywords as <see cref="ModelDiff"/> writes them, without defaults, and with a string
    /// enum's type read as the JSON type it is (<c>string</c>), so the page's enum over the document's string is
    /// compared by its values, not its C# shape.</summary>
    private static Dictionary<string, string> Words(PropertySpec property, ModelSpec model)
    {
        var words = ModelDiff.Constraints(property.IsRequired, property.Value, model);
        foreach (var key in words.Keys.ToList())
        {
            if (key == "default" || key.EndsWith(".default", StringComparison.Ordinal))
            {
                words.Remove(key);
            }
            else if ((key == "type" || key.EndsWith(".type", StringComparison.Ordinal)) && words[key] == "enum")
            {
                words[key] = "string";
            }
        }

        return words;
    }

    // Bounds arrive as the reader's canonical decimal text (10.0 and 1e1 are both "10"), so text compares them; an
    // enum's order is not a rule, so the same values listed otherwise accept the same requests.
    private static bool Same(string keyword, string documented, string stated) =>
        Word(keyword) == "enum"
            ? new HashSet<string>(documented.Split('|'), StringComparer.Ordinal).SetEquals(stated.Split('|'))
            : string.Equals(documented, stated, StringComparison.Ordinal);

    /// <summary>Whether a document keyword the file leaves out holds for every value the file allows anyway: the
    /// file lists its values (an enum, a const, numeric allowed values) and each of them meets it.</summary>
    private static bool MetByEveryValue(string keyword, string documented, ValueSpec value, ModelSpec model)
    {
        // items.items.pattern: the keyword of the item of the item.
        var scoped = value;
        var word = keyword;
        while (word.StartsWith("items.", StringComparison.Ordinal))
        {
            if (scoped.Items is not { } items)
            {
                return false;
            }

            scoped = items;
            word = word.Substring("items.".Length);
        }

        var values = Values(scoped, model);
        return values.Count > 0 && values.All(v => Meets(word, documented, v));
    }

    private static IReadOnlyList<string> Values(ValueSpec value, ModelSpec model) =>
        value.Kind == ValueKind.Enum ? ModelDiff.EnumValues(model, value.TypeName).ToList()
        : value.Const is { } constant ? new[] { constant }
        : value.AllowedValues.ToList();

    private static bool Meets(string keyword, string documented, string value)
    {
        switch (keyword)
        {
            case "pattern":
                return Matches(documented, value);
            case "minLength":
                return int.TryParse(documented, out var min) && SchemaText.CodePoints(value) >= min;
            case "maxLength":
                return int.TryParse(documented, out var max) && SchemaText.CodePoints(value) <= max;
            case "format":
                return documented == "uri" && SchemaText.IsHttpUri(value);
        }

        if (!SchemaNumber.TryParse(documented, out var bound) || !SchemaNumber.TryParse(value, out var number))
        {
            return false;
        }

        return keyword switch
        {
            "minimum" => number >= bound,
            "maximum" => number <= bound,
            "exclusiveMinimum" => number > bound,
            "exclusiveMaximum" => number < bound,
            "multipleOf" => number.IsMultipleOf(bound),
            _ => false,
        };
    }

    private static bool Matches(string pattern, string value)
    {
        try
        {
            return Analysis.ValueChecks.PatternRegex(pattern) is { } regex && regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            // Not decided (a pattern .NET cannot run, or a match that ran out of time): listed, never guessed away.
            return false;
        }
    }

    private static string Word(string keyword)
    {
        var dot = keyword.LastIndexOf('.');
        return dot < 0 ? keyword : keyword.Substring(dot + 1);
    }
}
