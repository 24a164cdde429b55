using System.Globalization;
using Apiframe.Validation;
using FluxGen.Analysis;
using Xunit;

namespace FluxGen.Tests.Analysis;

/// <summary>The machine-number fast paths give exactly the answers of the exact decimal comparison.</summary>
public class ConstantNumberTests
{
    private static readonly string[] Steps = ["0.05", "0.1", "0.001", "1.5", "0.0001", "1e-8", "2", "1", "0.123456789", "0.3", "7", "0.25"];
    private static readonly string[] Bounds = ["0", "1", "100", "-2", "1.1", "3.0", "0.1", "1e-300", "0.30000000000000004", "1e400", "9007199254740993"];

    [Fact]
    public void Step_and_bound_checks_agree_with_exact_decimals_for_written_and_random_doubles()
    {
        var random = new Random(20261124);
        var values = new List<double>();
        for (var i = 0; i < 8_000; i++)
        {
            // Decimals as people write them: up to 4 places, on and off every step.
            values.Add(double.Parse((random.Next(-200_000, 200_000) / 10_000m).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
            // Arbitrary doubles of every magnitude.
            values.Add(BitConverter.Int64BitsToDouble(random.NextInt64()) is var d && double.IsFinite(d) ? d : 0.5);
            // Results of arithmetic, like folded constants.
            values.Add(random.Next(0, 100) * 0.05);
        }

        var checks = 0;
        foreach (var value in values)
        {
            var fast = ConstantNumber.FromDouble(value);
            var exact = SchemaNumber.FromDouble(value);
            foreach (var stepText in Steps)
            {
                var step = Bound.TryParse(stepText)!;
                Assert.True(exact.IsMultipleOf(step.Exact) == fast.IsMultipleOf(step), $"{value:R} multiple of {stepText}");
                checks++;
            }

            foreach (var boundText in Bounds)
            {
                var bound = Bound.TryParse(boundText)!;
                Assert.True(Math.Sign(exact.CompareTo(bound.Exact)) == Math.Sign(fast.CompareTo(bound)), $"{value:R} vs {boundText}");
                checks++;
            }
        }

        Assert.True(checks > 500_000);
    }

    [Fact]
    public void Integer_checks_agree_with_exact_decimals()
    {
        foreach (var value in new long[] { 0, 1, -1, 7, 35, 100, 101, -2, 12391239123, long.MaxValue, long.MinValue })
        {
            var fast = ConstantNumber.FromInt64(value);
            var exact = SchemaNumber.FromInt64(value);
            foreach (var stepText in Steps)
            {
                var step = Bound.TryParse(stepText)!;
                Assert.Equal(exact.IsMultipleOf(step.Exact), fast.IsMultipleOf(step));
            }

            foreach (var boundText in Bounds)
            {
                var bound = Bound.TryParse(boundText)!;
                Assert.Equal(Math.Sign(exact.CompareTo(bound.Exact)), Math.Sign(fast.CompareTo(bound)));
            }
        }
    }
}
