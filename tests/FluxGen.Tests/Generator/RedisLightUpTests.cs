using FluxGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;

namespace FluxGen.Tests.Generator;

/// <summary>The Redis relay among instances (Support/LightUp/Redis/) comes with StackExchange.Redis in a web app.</summary>
public class RedisLightUpTests
{
    private const string ScaledOutApp = """
        using System;
        using Microsoft.Extensions.DependencyInjection;
        using StackExchange.Redis;

        public static class Startup
        {
            public static void Register(IServiceCollection services, IConnectionMultiplexer shared)
            {
                services.AddApiframeClient(o => o.WebhookUrl = new Uri("https://example.com/hooks/apiframe"));
                services.AddApiframeRedisWebhooks("redis:6379,password=secret");
                services.AddApiframeRedisWebhooks(_ => shared);
            }
        }
        """;

    [Fact]
    public void A_web_app_with_StackExchange_Redis_gets_the_relay_and_it_compiles_without_a_warning_as_a_net8_CSharp12_consumer()
    {
        var outcome = GeneratorHarness.RunFlux(new[] { ScaledOutApp }, ReferenceSets.Net80.AddRange(AspNetCoreReferences.All).AddRange(RedisReferences.All), LanguageVersion.CSharp12);

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
        Assert.Contains(outcome.Sources, s => s.HintName.StartsWith("FluxGen.LightUp.Redis.", StringComparison.Ordinal));
    }

    [Fact]
    public void StackExchange_Redis_without_ASP_NET_Core_brings_no_relay()
    {
        var outcome = GeneratorHarness.RunFlux(
            new[] { "public static class Empty { }" },
            ReferenceSets.Net80.AddRange(AspNetCoreReferences.Only("Microsoft.Extensions.Logging.Abstractions")).AddRange(RedisReferences.All),
            LanguageVersion.CSharp12);

        Assert.DoesNotContain(outcome.Sources, s => s.HintName.StartsWith("FluxGen.LightUp.Redis.", StringComparison.Ordinal));
    }
}
