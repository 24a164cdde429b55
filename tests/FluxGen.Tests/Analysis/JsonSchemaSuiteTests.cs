using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Abstractions;

namespace FluxGen.Tests.Analysis;

/// <summary>
/// The analyzer agrees with the official JSON Schema test suite: every case whose schema uses only keywords the
/// analyzer checks and whose data fits a C# member (a number, a string, an array) becomes one constrained field
/// and one constant assigned to it; the analyzer must flag exactly the cases the suite calls invalid.
/// </summary>
public class JsonSchemaSuiteTests(ITestOutputHelper output)
{
    private static readonly string[] Files =
    [
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "enum", "minLength", "maxLength", "minItems", "maxItems",
    ];

    // The suite lives in the repository (tests/json-schema-test-suite) and the csproj copies it next to the tests,
    // so a clone with nothing beside it passes.
    private static readonly Lazy<string> SuiteFolder = new(() =>
    {
        var copied = Path.Combine(AppContext.BaseDirectory, "json-schema-test-suite");
        return Directory.Exists(copied)
            ? copied
            : throw new DirectoryNotFoundException("json-schema-test-suite was not copied to the test output.");
    });

    // Keywords that say nothing about a value's constraints here.
    private static readonly HashSet<string> Ignored = ["$schema", "description", "type"];

    [Fact]
    public async Task Analyzer_flags_exactly_the_invalid_cases()
    {
        var cases = Files.SelectMany(LoadCases).ToList();
        var source = new StringBuilder("using Apiframe.Constraints;\n\npublic class SuiteCases\n{\n");
        foreach (var (c, i) in cases.Select((c, i) => (c, i)))
        {
            source.Append("    ").Append(c.Attributes).Append(" public ").Append(c.MemberType).Append(" M").Append(i).Append(";\n");
        }

        source.Append("    public void Assign()\n    {\n");
        var firstLine = 4 + cases.Count + 2;
        foreach (var (c, i) in cases.Select((c, i) => (c, i)))
        {
            source.Append("        M").Append(i).Append(" = ").Append(c.Constant).Append(";\n");
        }

        source.Append("    }\n}\n");
        var compilation = CompilationRunner.Compile("Suite", Fixtures.ConstraintSources.Select(s => s.Source).Append(source.ToString()));

        var diagnostics = await CompilationRunner.AnalyzeAsync(compilation);

        var flagged = diagnostics.Select(d => d.Location.GetLineSpan().StartLinePosition.Line - firstLine).ToHashSet();
        var disagreements = cases.Select((c, i) => (c, i))
            .Where(x => flagged.Contains(x.i) == x.c.Valid)
            .Select(x => $"{x.c.File}: {x.c.Description} (data {x.c.Data}, valid {x.c.Valid})")
            .ToList();
        output.WriteLine($"{cases.Count} suite cases ran ({cases.Count(c => !c.Valid)} invalid) from {Files.Length} files; per file: "
            + string.Join(", ", cases.GroupBy(c => c.File).Select(g => $"{g.Key} {g.Count()}")));
        Assert.Empty(disagreements);
        Assert.Equal(cases.Count(c => !c.Valid), flagged.Count);

        // Every file contributes, and the whole applicable part of the suite runs (counted on commit 44401e0).
        Assert.Equal(Files.Length, cases.Select(c => c.File).Distinct().Count());
        Assert.True(cases.Count >= 60, $"only {cases.Count} cases ran");
    }

    private sealed record SuiteCase(string File, string Description, string Data, bool Valid, string Attributes, string MemberType, string Constant);

    private static IEnumerable<SuiteCase> LoadCases(string file)
    {
        var path = Path.Combine(SuiteFolder.Value, file + ".json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var result = new List<SuiteCase>();
        foreach (var group in document.RootElement.EnumerateArray())
        {
            var schema = group.GetProperty("schema");
            if (schema.ValueKind != JsonValueKind.Object || schema.EnumerateObject().Any(p => !Ignored.Contains(p.Name) && !IsChecked(p)))
            {
                continue;
            }

            var type = schema.TryGetProperty("type", out var t) ? t.GetString() : null;
            foreach (var test in group.GetProperty("tests").EnumerateArray())
            {
                var data = test.GetProperty("data");
                if (ToCase(file, group, schema, type, test, data) is { } suiteCase)
                {
                    result.Add(suiteCase);
                }
            }
        }

        return result;
    }

    private static bool IsChecked(JsonProperty keyword) => keyword.Name switch
    {
        "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum" or "multipleOf" => keyword.Value.ValueKind == JsonValueKind.Number,
        "minLength" or "maxLength" or "minItems" or "maxItems" => keyword.Value.ValueKind == JsonValueKind.Number,
        // Only string enums: the analyzer's allowed values are wire strings.
        "enum" => keyword.Value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String),
        _ => false,
    };

    private static SuiteCase? ToCase(string file, JsonElement group, JsonElement schema, string? type, JsonElement test, JsonElement data)
    {
        var description = group.GetProperty("description").GetString() + " / " + test.GetProperty("description").GetString();
        var valid = test.GetProperty("valid").GetBoolean();
        var attributes = new StringBuilder();
        string memberType;
        string constant;
        var numeric = schema.EnumerateObject().Any(p => p.Name is "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum" or "multipleOf");
        var text = schema.EnumerateObject().Any(p => p.Name is "enum" or "minLength" or "maxLength");
        var items = schema.EnumerateObject().Any(p => p.Name is "minItems" or "maxItems");
        if (numeric && data.ValueKind == JsonValueKind.Number)
        {
            var raw = data.GetRawText();
            var integral = raw.IndexOfAny(['.', 'e', 'E']) < 0;
            if (type == "integer" && !IsMathematicalInteger(raw))
            {
                return null;
            }

            memberType = integral && long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? "long" : "double";
            constant = raw;
            var range = schema.EnumerateObject()
                .Where(p => p.Name is "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum")
                .Select(p => $"{char.ToUpperInvariant(p.Name[0])}{p.Name[1..]} = \"{p.Value.GetRawText()}\"")
                .ToList();
            if (range.Count > 0)
            {
                attributes.Append("[SchemaRange(").Append(string.Join(", ", range)).Append(")]");
            }

            if (schema.TryGetProperty("multipleOf", out var step))
            {
                attributes.Append("[SchemaMultipleOf(\"").Append(step.GetRawText()).Append("\")]");
            }
        }
        else if (text && data.ValueKind == JsonValueKind.String)
        {
            memberType = "string";
            constant = SymbolDisplay.FormatLiteral(data.GetString()!, quote: true);
            if (schema.TryGetProperty("enum", out var values))
            {
                attributes.Append("[SchemaAllowedValues(").Append(string.Join(", ", values.EnumerateArray().Select(v => SymbolDisplay.FormatLiteral(v.GetString()!, quote: true)))).Append(")]");
            }

            var length = new List<string>();
            if (schema.TryGetProperty("minLength", out var min))
            {
                length.Add($"MinLength = {(int)min.GetDouble()}");
            }

            if (schema.TryGetProperty("maxLength", out var max))
            {
                length.Add($"MaxLength = {(int)max.GetDouble()}");
            }

            if (length.Count > 0)
            {
                attributes.Append("[SchemaLength(").Append(string.Join(", ", length)).Append(")]");
            }
        }
        else if (items && data.ValueKind == JsonValueKind.Array)
        {
            memberType = "int[]";
            constant = "[" + string.Join(", ", Enumerable.Repeat("0", data.GetArrayLength())) + "]";
            var bounds = new List<string>();
            if (schema.TryGetProperty("minItems", out var min))
            {
                bounds.Add($"MinItems = {(int)min.GetDouble()}");
            }

            if (schema.TryGetProperty("maxItems", out var max))
            {
                bounds.Add($"MaxItems = {(int)max.GetDouble()}");
            }

            attributes.Append("[SchemaItems(").Append(string.Join(", ", bounds)).Append(")]");
        }
        else
        {
            return null;
        }

        return new SuiteCase(file, description, data.GetRawText(), valid, attributes.ToString(), memberType, constant);
    }

    private static bool IsMathematicalInteger(string raw) =>
        Apiframe.Validation.SchemaNumber.TryParse(raw, out var number) && number.IsInteger;
}
