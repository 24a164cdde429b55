using FluxGen.Tests.Infrastructure;

namespace FluxGen.Tests.Generator;

/// <summary>Compiles a <c>Probe.Run()</c> method against the generated flux-1.1-pro code and runs it.</summary>
internal static class Probes
{
    public static string Run(string source) => Run(GeneratorHarness.RunFlux(new[] { source }));

    /// <summary>The same against the code generated from the given schema files or OpenAPI documents.</summary>
    public static string Run(string source, IEnumerable<(string Path, string Text)> schemas) => Run(GeneratorHarness.Run(schemas, new[] { source }));

    private static string Run(RunOutcome outcome)
    {
        Assert.Empty(outcome.CompileDiagnostics);
        var assembly = outcome.Load();
        var method = assembly.GetType("Probe")!.GetMethod("Run")!;
        return (string)method.Invoke(null, null)!;
    }
}
