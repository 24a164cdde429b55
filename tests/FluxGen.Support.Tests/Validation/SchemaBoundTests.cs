using System;
using System.Globalization;
using Apiframe.Validation;
using Xunit;

namespace FluxGen.Support.Tests.Validation;

/// <summary>The allocation-free bound and step checks give exactly the exact-decimal answer.</summary>
public class SchemaBoundTests
{
    private static readonly string[] Texts = ["0", "1", "0.05", "0.1", "0.3", "2.5", "100", "0.001", "1e-7", "-3", "12345.678", "1e20", "0.30000000000000004"];

    [Fact]
    public void Fast_paths_agree_with_exact_decimals()
    {
        var random = new Random(20261124);
        var checkedCount = 0;
        foreach (var text in Texts)
        {
            var bound = SchemaBound.For(text);
            var exact = SchemaNumber.Parse(text);
            for (var i = 0; i < 3000; i++)
            {
                var value = Draw(random, exact);
                var number = SchemaNumber.FromDouble(value);
                Assert.Equal(Math.Sign(number.CompareTo(exact)), Math.Sign(bound.ValueCompare(value)));
                if (exact.Mantissa.Sign > 0)
                {
                    Assert.True(number.IsMultipleOf(exact) == bound.IsMultipleOf(value), $"{value.ToString("R", CultureInfo.InvariantCulture)} on step {text}");
                }

                var whole = (long)Math.Round(value * 1000);
                Assert.Equal(Math.Sign(SchemaNumber.FromInt64(whole).CompareTo(exact)), Math.Sign(bound.ValueCompare(whole)));
                if (exact.Mantissa.Sign > 0)
                {
                    Assert.Equal(SchemaNumber.FromInt64(whole).IsMultipleOf(exact), bound.IsMultipleOf(whole));
                }

                checkedCount++;
            }
        }

        Assert.Equal(Texts.Length * 3000, checkedCount);
    }

    // Values on the step, next to it, at the bound and one ulp either side, and anywhere.
    private static double Draw(Random random, SchemaNumber around)
    {
        var b = double.Parse(around.ToString(), CultureInfo.InvariantCulture);
        return random.Next(6) switch
        {
            0 => b,
            1 => Math.BitIncrement(b),
            2 => Math.BitDecrement(b),
            3 => double.Parse((random.Next(-200, 200) * (decimal)Math.Max(Math.Abs(b), 0.001)).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            4 => random.Next(-200, 200) * b,
            _ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-10, 22)),
        };
    }
}
