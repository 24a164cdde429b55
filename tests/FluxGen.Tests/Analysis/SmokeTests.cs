using Xunit;

namespace FluxGen.Tests.Analysis;

public class SmokeTests
{
    [Fact]
    public Task Quality101()
    {
        const string source = """
            using Apiframe;
            class C
            {
                object M() => new Flux11ProParams { OutputQuality = {|#0:101|} };
            }
            """;
        return AnalyzerVerifier.VerifyAsync(source, AnalyzerVerifier.Diagnostic(FluxGen.Descriptors.AboveMaximum).WithLocation(0).WithArguments("fluxParams.output_quality", "101", "at least 0 and at most 100"));
    }
}
