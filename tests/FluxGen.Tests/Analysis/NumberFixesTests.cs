using Apiframe.Validation;
using FluxGen.Analysis;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FluxGen.Tests.Analysis;

/// <summary>The numbers the fixes offer: always allowed, always the nearest allowed one.</summary>
public class NumberFixesTests
{
    [Theory]
    // integral, minimum, exclusiveMinimum, maximum, exclusiveMaximum, step, value, nearest allowed, literal
    [InlineData(false, null, "0", null, null, "0.05", "-3", "0.05", "0.05")]
    [InlineData(false, "0", null, null, "1", "0.3", "5", "0.9", "0.9")]
    [InlineData(false, "0.01", null, "1", null, "0.05", "0", "0.05", "0.05")]
    [InlineData(false, "-1", null, "1", null, "0.25", "-7", "-1", "-1.0")]
    [InlineData(true, null, "0", "10", null, null, "-4", "1", "1")]
    [InlineData(true, null, null, null, "10", null, "10", "9", "9")]
    [InlineData(true, "0", null, "100", null, "7", "120", "98", "98")]
    public void Clamp_lands_on_the_nearest_allowed_number(
        bool integral, string? min, string? exMin, string? max, string? exMax, string? step, string value, string expected, string literal)
    {
        var rules = Rules(integral ? ValueKind.Integer : ValueKind.Real, min, max, exMin, exMax, step);

        var fixedValue = NumberFixes.Clamp(SchemaNumber.Parse(value), rules);

        Assert.Equal(SchemaNumber.Parse(expected), fixedValue);
        Assert.Equal(literal, NumberFixes.Literal(fixedValue!.Value, rules));
    }

    [Fact]
    public void No_clamp_is_offered_for_a_double_with_an_exclusive_bound_and_no_step() =>
        Assert.Null(NumberFixes.Clamp(SchemaNumber.Parse("0"), Rules(ValueKind.Real, exclusiveMinimum: "0", exclusiveMaximum: "1")));

    [Theory]
    [InlineData("0.33", "0.35")]
    [InlineData("0.325", "0.35")]
    [InlineData("-0.325", "0")]
    [InlineData("1.04", "1")]
    public void Snap_rounds_half_away_from_zero_and_stays_in_range(string value, string expected) =>
        Assert.Equal(SchemaNumber.Parse(expected), NumberFixes.Snap(SchemaNumber.Parse(value), Rules(ValueKind.Real, min: "0", maximum: "1", step: "0.05")));

    [Fact]
    public void Integer_literal_must_fit_the_member_type()
    {
        var rules = Rules(ValueKind.Integer, maximum: "1e12", numericType: SpecialType.System_Int32);

        Assert.Null(NumberFixes.Literal(SchemaNumber.Parse("1e12"), rules));
        Assert.Equal("2147483647", NumberFixes.Literal(SchemaNumber.Parse("2147483647"), rules));
    }

    private static MemberConstraints Rules(
        ValueKind kind, string? min = null, string? maximum = null, string? exclusiveMinimum = null, string? exclusiveMaximum = null, string? step = null,
        SpecialType numericType = SpecialType.None) =>
        new("test", kind, numericType != SpecialType.None ? numericType : kind == ValueKind.Integer ? SpecialType.System_Int32 : SpecialType.System_Double)
        {
            Minimum = Bound.TryParse(min),
            Maximum = Bound.TryParse(maximum),
            ExclusiveMinimum = Bound.TryParse(exclusiveMinimum),
            ExclusiveMaximum = Bound.TryParse(exclusiveMaximum),
            Step = Bound.TryParse(step),
        };
}
