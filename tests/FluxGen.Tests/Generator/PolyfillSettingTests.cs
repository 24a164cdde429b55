using System.Reflection;
using FluxGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace FluxGen.Tests.Generator;

/// <summary>PolySharp writes polyfills from a generator of its own, whose output FluxGen cannot see: with it in the
/// project, FluxGen leaves it the types it writes, so no type is defined twice; <c>FluxGenPolyfills</c> decides
/// outright when set.</summary>
public class PolyfillSettingTests
{
    private const string ClientUsage = """
        namespace Consumer
        {
            public static class Use
            {
                public static object Client() => new Apiframe.ApiframeClient(new System.Net.Http.HttpClient());

                public static string Body() => new Apiframe.Flux11ProRequest("a red umbrella").ToJson();
            }
        }
        """;

    // PolySharp's targets make its properties compiler-visible, so the keys are there, empty, wherever it is referenced.
    private static readonly Dictionary<string, string> WithPolySharp = new()
    {
        ["build_property.PolySharpExcludeGeneratedTypes"] = string.Empty,
        ["build_property.PolySharpIncludeGeneratedTypes"] = string.Empty,
    };

    [Fact]
    public void BesidePolySharpEveryTypeIsWrittenOnceAndTheClientCompiles()
    {
        var outcome = GeneratorHarness.Run(new[] { ("/schema/flux-1.1-pro.json", GeneratorHarness.FluxSchema) }, new[] { ClientUsage }, ReferenceSets.NetStandard20, options: WithPolySharp, others: PolySharp());

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.DoesNotContain(outcome.Sources, s => s.HintName.StartsWith("FluxGen.Polyfills.", StringComparison.Ordinal));
        Assert.Contains(outcome.RunResult.Results.Skip(1).SelectMany(r => r.GeneratedSources), s => s.HintName.Contains("IsExternalInit", StringComparison.Ordinal));
        Assert.Empty(outcome.CompileDiagnostics);
    }

    [Fact]
    public void ATypePolySharpIsToldToLeaveOutIsWrittenByFluxGen()
    {
        var options = new Dictionary<string, string>(WithPolySharp) { ["build_property.PolySharpExcludeGeneratedTypes"] = "System.Runtime.CompilerServices.IsExternalInit" };

        var outcome = GeneratorHarness.Run(new[] { ("/schema/flux-1.1-pro.json", GeneratorHarness.FluxSchema) }, new[] { ClientUsage }, ReferenceSets.NetStandard20, options: options, others: PolySharp());

        Assert.Equal(new[] { "FluxGen.Polyfills.System.Runtime.CompilerServices.IsExternalInit.g.cs" }, outcome.Sources.Select(s => s.HintName).Where(h => h.StartsWith("FluxGen.Polyfills.", StringComparison.Ordinal)));
        Assert.Empty(outcome.CompileDiagnostics);
    }

    [Fact]
    public void FalseLeavesEveryPolyfillToTheProject()
    {
        var outcome = GeneratorHarness.RunFlux(new[] { ClientUsage }, ReferenceSets.NetStandard20, options: new Dictionary<string, string> { ["build_property.FluxGenPolyfills"] = "false" });

        Assert.DoesNotContain(outcome.Sources, s => s.HintName.StartsWith("FluxGen.Polyfills.", StringComparison.Ordinal));
        Assert.Contains(outcome.CompileDiagnostics, d => d.Id == "CS0518" && d.GetMessage().Contains("IsExternalInit", StringComparison.Ordinal));
    }

    [Fact]
    public void TrueWritesThemEvenBesidePolySharp()
    {
        var options = new Dictionary<string, string>(WithPolySharp) { ["build_property.FluxGenPolyfills"] = "true" };

        var outcome = GeneratorHarness.RunFlux(new[] { ClientUsage }, ReferenceSets.NetStandard20, options: options);

        Assert.Contains(outcome.Sources, s => s.HintName == "FluxGen.Polyfills.System.Runtime.CompilerServices.IsExternalInit.g.cs");
        Assert.Empty(outcome.CompileDiagnostics);
    }

    private static IEnumerable<ISourceGenerator> PolySharp()
    {
        var path = Path.Combine(ReferenceSets.Metadata("NuGetPackageRoot"), "polysharp", ReferenceSets.Metadata("PolySharpVersion"), "analyzers", "dotnet", "cs", "PolySharp.SourceGenerators.dll");
        var assembly = Assembly.LoadFrom(path);
        return assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(IIncrementalGenerator).IsAssignableFrom(t) && t.GetCustomAttribute<GeneratorAttribute>() is not null)
            .Select(t => ((IIncrementalGenerator)Activator.CreateInstance(t)!).AsSourceGenerator())
            .ToList();
    }
}
