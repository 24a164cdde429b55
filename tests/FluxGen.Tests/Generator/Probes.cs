using FluxGen.Tests.Infrastructure;

namespace FluxGen.Tests.Generator;

/// <summary>Compiles a <c>Probe.Run()</c> method against the generated flux-1.1-pro code and runs it.</summary>
internal static class Probes
{
    public static string Run(string source)
    {
        var outcome = GeneratorHarness.RunFlux(new[] { source });
        Assert.Empty(outcome.CompileDiagnostics);
        var assembly = outcome.Load();
        var method = assembly.GetType("Probe")!.GetMethod("Run")!;
        return (string)method.Invoke(null, null)!;
    }
}
