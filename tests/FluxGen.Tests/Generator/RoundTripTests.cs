using FluxGen.Tests.Infrastructure;

namespace FluxGen.Tests.Generator;

/// <summary>Records serialize to exactly the JSON the API takes.</summary>
public class RoundTripTests
{
    [Fact]
    public void TheSeedExampleBodyIsWrittenByteForByte()
    {
        const string Build = """
            using Apiframe;
            public static class Probe
            {
                public static string Run() => new Flux11ProRequest("a red umbrella in Tokyo rain")
                {
                    FluxParams = new()
                    {
                        ImagePrompt = "https://example.com/reference.png",
                        ImagePromptStrength = 0.5,
                        OutputFormat = Flux11ProOutputFormat.Jpg,
                        OutputQuality = 90,
                    },
                }.ToJson();
            }
            """;
        const string Expected = """{"prompt":"a red umbrella in Tokyo rain","model":"flux-1.1-pro","fluxParams":{"image_prompt":"https://example.com/reference.png","image_prompt_strength":0.5,"output_format":"jpg","output_quality":90}}""";

        Assert.Equal(Expected, Probes.Run(Build));
    }

    [Fact]
    public void EveryMemberUsesItsWireNameAndEnumsTheirWireStrings()
    {
        const string Build = """
            using Apiframe;
            public static class Probe
            {
                public static string Run() => new Flux11ProRequest("p")
                {
                    WebhookUrl = "https://example.com/hook",
                    WebhookEvents = [WebhookEvent.Progress, WebhookEvent.Completed],
                    FluxParams = new() { Raw = true, Seed = 9007199254740993, AspectRatio = Flux11ProAspectRatio.Ratio16x9, OutputFormat = Flux11ProOutputFormat.Webp },
                }.ToJson();
            }
            """;
        const string Expected = """{"prompt":"p","model":"flux-1.1-pro","webhookUrl":"https://example.com/hook","webhookEvents":["progress","completed"],"fluxParams":{"output_format":"webp","raw":true,"seed":9007199254740993,"aspect_ratio":"16:9"}}""";

        Assert.Equal(Expected, Probes.Run(Build));
    }

    [Fact]
    public void EnumWireValuesParseBackAndUnknownStringsAreRefused()
    {
        const string Build = """
            using Apiframe;
            public static class Probe
            {
                public static string Run()
                {
                    var known = Flux11ProAspectRatioExtensions.TryParseWireValue("9:16", out var ratio);
                    var unknown = Flux11ProAspectRatioExtensions.TryParseWireValue("2:1", out _);
                    return $"{known}:{ratio}:{unknown}";
                }
            }
            """;

        Assert.Equal("True:Ratio9x16:False", Probes.Run(Build));
    }
}
