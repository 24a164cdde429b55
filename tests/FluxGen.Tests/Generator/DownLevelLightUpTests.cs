using System.Collections.Immutable;
using FluxGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace FluxGen.Tests.Generator;

/// <summary>The light-ups FluxGen writes below net8.0 (Logging, DependencyInjection, Resilience, AI) come to a
/// netstandard2.0 or net48 project that adds their packages, and compile there with no warning, nullable ones in
/// generated files included.</summary>
public class DownLevelLightUpTests
{
    private const string LoggingUsage = """
        using Apiframe;
        using Microsoft.Extensions.Logging;

        public static class Usage
        {
            public static ApiframeClient Make(System.Net.Http.HttpClient http, ILogger<ApiframeClient> logger) =>
                new(http, new ApiframeClientOptions { ApiKey = "k" }, logger);

            public static EventId Submitted => ApiframeLog.SubmittedEvent;
        }
        """;

    private const string DependencyInjectionUsage = """
        using Apiframe;
        using Microsoft.Extensions.DependencyInjection;

        public static class Usage
        {
            public static IHttpClientBuilder Register(IServiceCollection services) =>
                services.AddApiframeClient(o => o.WebhookUrl = new System.Uri("https://example.com/hooks/apiframe"));
        }
        """;

    private const string ResilienceUsage = """
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Http.Resilience;

        public static class Usage
        {
            public static IHttpStandardResiliencePipelineBuilder Standard(IServiceCollection services) =>
                services.AddApiframeClient().AddStandardResilienceHandler();

            public static IHttpStandardResiliencePipelineBuilder Apiframe(IServiceCollection services) =>
                services.AddHttpClient("mine").AddApiframeResilience();
        }
        """;

    // The app net8.0's light-up tests build.
    private const string AiUsage = LightUpTests.AiApp;

    /// <summary>Each target with each feature its packages can be added for: not Resilience on netstandard2.0,
    /// which Microsoft.Extensions.Http.Resilience 8.x does not serve.</summary>
    public static TheoryData<string, string> TargetsAndFeatures => new()
    {
        { "netstandard2.0", "Logging" },
        { "netstandard2.0", "DependencyInjection" },
        { "netstandard2.0", "AI" },
        { "net48", "Logging" },
        { "net48", "DependencyInjection" },
        { "net48", "Resilience" },
        { "net48", "AI" },
    };

    private static ImmutableArray<MetadataReference> References(string target, string feature) => target switch
    {
        "netstandard2.0" => ReferenceSets.NetStandard20With(feature),
        "net48" => ReferenceSets.Net48With(feature),
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, null),
    };

    private static string Usage(string feature) => feature switch
    {
        "Logging" => LoggingUsage,
        "DependencyInjection" => DependencyInjectionUsage,
        "Resilience" => ResilienceUsage,
        "AI" => AiUsage,
        _ => throw new ArgumentOutOfRangeException(nameof(feature), feature, null),
    };

    [Theory]
    [MemberData(nameof(TargetsAndFeatures))]
    public void TheFeaturesPackagesBringItsLightUpAndItCompilesWithoutAnyWarning(string target, string feature)
    {
        var outcome = GeneratorHarness.RunFlux(new[] { Usage(feature) }, References(target, feature));

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Contains(outcome.Sources, s => s.HintName.StartsWith($"FluxGen.LightUp.{feature}.", StringComparison.Ordinal));
        Assert.Empty(outcome.CompileDiagnostics);
    }

    [Theory]
    [InlineData("netstandard2.0", "DependencyInjection", new[] { "DependencyInjection", "Logging" })]
    [InlineData("net48", "Resilience", new[] { "DependencyInjection", "Logging", "Resilience" })]
    [InlineData("net48", "AI", new[] { "AI" })]
    public void OnlyTheLightUpsWhosePackagesArePresentAreWritten(string target, string feature, string[] expected)
    {
        var outcome = GeneratorHarness.RunFlux(new[] { Usage(feature) }, References(target, feature));

        var features = outcome.Sources.Select(s => s.HintName)
            .Where(h => h.StartsWith("FluxGen.LightUp.", StringComparison.Ordinal))
            .Select(h => h.Split('.')[2]).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(expected, features);
    }

    [Fact]
    public void AspNetCoreAssembliesOnNetStandard20BringNeitherTheWebhookEndpointNorTheRedisRelay()
    {
        // No netstandard2.0 project can reference ASP.NET Core 8; its assemblies are added here only to show that the
        // target, not the references alone, keeps those light-ups out.
        var references = ReferenceSets.NetStandard20With("DependencyInjection")
            .AddRange(AspNetCoreReferences.Only("Microsoft.AspNetCore.Http.Abstractions", "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Hosting.Abstractions"));

        var outcome = GeneratorHarness.RunFlux(new[] { DependencyInjectionUsage }, references);

        Assert.Contains(outcome.Sources, s => s.HintName.StartsWith("FluxGen.LightUp.DependencyInjection.", StringComparison.Ordinal));
        Assert.DoesNotContain(outcome.Sources, s => s.HintName.StartsWith("FluxGen.LightUp.AspNetCore.", StringComparison.Ordinal));
        Assert.DoesNotContain(outcome.Sources, s => s.HintName.StartsWith("FluxGen.LightUp.Redis.", StringComparison.Ordinal));
    }
}
