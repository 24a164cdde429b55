using FluxGen.Tests.Infrastructure;

namespace FluxGen.Tests.Generator;

/// <summary>Generated Validate() methods check every schema rule before a byte is sent.</summary>
public class ValidationTests
{
    [Theory]
    [InlineData("0.35", "ok")]
    [InlineData("0.7", "ok")]
    [InlineData("0.95", "ok")]
    [InlineData("1", "ok")]
    [InlineData("0", "ok")]
    [InlineData("0.33", "multipleOf")]
    [InlineData("1.05", "maximum")]
    [InlineData("1.07", "maximum,multipleOf")]
    [InlineData("0.1 + 0.2", "multipleOf")]
    public void StrengthStepIsCheckedOnTheDecimalTheWireCarries(string strength, string expected)
    {
        var result = Probes.Run(Probe($"FluxParams = new() {{ ImagePrompt = \"https://example.com/a.png\", ImagePromptStrength = {strength} }}"));
        Assert.Equal(expected, result == "ok" ? result : Rules(result));
    }

    [Fact]
    public void OneExceptionListsEveryViolationWithPathBoundAndValue()
    {
        var result = Probes.Run(Probe("FluxParams = new() { OutputQuality = 101, ImagePromptStrength = -0.5, ImagePrompt = \"ftp://x\", OutputFormat = (Flux11ProOutputFormat)7 }, WebhookEvents = []", prompt: "\"\""));
        var lines = result.Split('\n');
        Assert.Contains("prompt|minLength|1|\"\"", lines);
        Assert.Contains("webhookEvents|minItems|1|0", lines);
        Assert.Contains("fluxParams.image_prompt|format|an absolute http or https URI|\"ftp://x\"", lines);
        Assert.Contains("fluxParams.image_prompt_strength|minimum|0|-0.5", lines);
        Assert.Contains("fluxParams.output_format|enum|jpg, png, webp|7", lines);
        Assert.Contains("fluxParams.output_quality|maximum|100|101", lines);
        Assert.Equal(6, lines.Length);
    }

    [Fact]
    public void AStrengthWithoutAnImagePromptNamesTheMissingMemberAndTheRule()
    {
        var result = Probes.Run(Probe("FluxParams = new() { ImagePromptStrength = 0.35 }"));
        Assert.Equal("fluxParams.image_prompt|dependentRequired|a value, because fluxParams.image_prompt_strength is set|", result);
    }

    [Fact]
    public void AnImagePromptAloneNeedsNoStrength()
    {
        var result = Probes.Run(Probe("FluxParams = new() { ImagePrompt = \"https://example.com/a.png\" }"));
        Assert.Equal("ok", result);
    }

    [Fact]
    public void ANullPromptIsReportedAsMissing()
    {
        var result = Probes.Run(Probe(string.Empty, prompt: "null!"));
        Assert.Equal("prompt|required|a value|", result);
    }

    [Fact]
    public void NotANumberIsRefusedBecauseJsonCannotCarryIt()
    {
        var result = Probes.Run(Probe("FluxParams = new() { ImagePromptStrength = double.NaN }"));
        Assert.StartsWith("fluxParams.image_prompt_strength|type|", result);
    }

    [Theory]
    [InlineData("\"a\\uD800b\"", "", "prompt|unicode|")]
    [InlineData("\"p\"", "WebhookUrl = \"https://x.com/\\uDC00\"", "webhookUrl|format|")]
    [InlineData("\"\\uDC00\\uD800\"", "", "prompt|unicode|")]
    public void ALoneSurrogateIsRefusedAndNeverRewritten(string prompt, string initializer, string expected)
    {
        var result = Probes.Run(Probe(initializer, prompt));
        Assert.StartsWith(expected, result);

        // ToJson() must not write U+FFFD in its place: the server would get another string than the one validated.
        var json = Probes.Run(ToJsonProbe(initializer, prompt));
        Assert.StartsWith("ArgumentException:", json);
        Assert.DoesNotContain("\ufffd", json);
    }

    [Fact]
    public void SurrogatePairsAreWrittenAsTheyAre()
    {
        var json = Probes.Run(ToJsonProbe(string.Empty, "\"\\uD83C\\uDF08\""));
        Assert.Equal("{\"prompt\":\"\\uD83C\\uDF08\",\"model\":\"flux-1.1-pro\"}", json);
    }

    [Fact]
    public void AValidRequestPasses()
    {
        var result = Probes.Run(Probe("FluxParams = new() { OutputQuality = 100, ImagePrompt = \"https://example.com/a.png\", ImagePromptStrength = 1, AspectRatio = Flux11ProAspectRatio.Ratio1x1 }, WebhookUrl = \"https://example.com/h\""));
        Assert.Equal("ok", result);
    }

    private static string ToJsonProbe(string initializer, string prompt) => $$"""
        using Apiframe;
        public static class Probe
        {
            public static string Run()
            {
                try
                {
                    return new Flux11ProRequest({{prompt}}) { {{initializer}} }.ToJson();
                }
                catch (System.ArgumentException ex)
                {
                    return "ArgumentException: " + ex.Message;
                }
            }
        }
        """;

    private static string Rules(string result) => string.Join(",", result.Split('\n').Select(l => l.Split('|')[1]));

    /// <summary>A probe that validates a flux-1.1-pro request and lists each violation as path|rule|expected|actual.</summary>
    internal static string Probe(string initializer, string prompt = "\"p\"") => $$"""
        using System.Linq;
        using Apiframe;
        using Apiframe.Validation;
        public static class Probe
        {
            public static string Run()
            {
                try
                {
                    new Flux11ProRequest({{prompt}}) { {{initializer}} }.Validate();
                    return "ok";
                }
                catch (ApiframeValidationException ex)
                {
                    return string.Join("\n", ex.Errors.Select(e => $"{e.Path}|{e.Constraint}|{e.Expected}|{e.Actual}"));
                }
            }
        }
        """;
}
