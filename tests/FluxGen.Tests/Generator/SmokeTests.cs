using FluxGen.Tests.Infrastructure;

namespace FluxGen.Tests.Generator;

public class SmokeTests
{
    [Fact]
    public void Dump()
    {
        var outcome = GeneratorHarness.RunFlux();
        var dir = Path.Combine(Path.GetTempPath(), "fluxgen-dump");
        Directory.CreateDirectory(dir);
        foreach (var s in outcome.Sources)
        {
            File.WriteAllText(Path.Combine(dir, s.HintName), s.SourceText.ToString());
        }

        File.WriteAllLines(Path.Combine(dir, "diagnostics.txt"), outcome.GeneratorDiagnostics.Concat(outcome.CompileDiagnostics).Select(d => d.ToString()));
    }
}
