using System.Text.Json;
using FluxGen.Emulator.Schemas;
using FluxGen.Tests.Dependencies;
using Xunit;

namespace FluxGen.IntegrationTests.Emulator;

/// <summary>The emulator's validator agrees with every <c>dependentRequired</c> case of the JSON-Schema-Test-Suite
/// (non-object instances included), and a violation names the missing member and the one that needs it.</summary>
public sealed class DependentRequiredSuiteTests
{
    [Fact]
    public void Validator_agrees_with_every_suite_case()
    {
        using var suite = JsonDocument.Parse(DependentRequiredSuite.Json);
        var ran = 0;
        var disagreements = new List<string>();
        foreach (var group in suite.RootElement.EnumerateArray())
        {
            foreach (var test in group.GetProperty("tests").EnumerateArray())
            {
                ran++;
                var errors = SchemaValidator.Validate(group.GetProperty("schema"), test.GetProperty("data"));
                if ((errors.Count == 0) != test.GetProperty("valid").GetBoolean())
                {
                    disagreements.Add($"{group.GetProperty("description").GetString()} / {test.GetProperty("description").GetString()}");
                }
            }
        }

        Assert.Equal(20, ran);
        Assert.Empty(disagreements);
    }

    [Fact]
    public void A_missing_dependency_is_keyed_by_the_missing_member()
    {
        using var schema = JsonDocument.Parse("""{"dependentRequired": {"quux": ["foo", "bar"]}}""");
        using var data = JsonDocument.Parse("""{"bar": 1, "quux": 2}""");

        var errors = SchemaValidator.Validate(schema.RootElement, data.RootElement);

        var (path, messages) = Assert.Single(errors);
        Assert.Equal("foo", path);
        Assert.Equal(["Required when quux is present."], messages);
    }
}
