using System.Collections.Immutable;
using FluxGen.Tests.Infrastructure;
using FluxGen.Tests.OpenApi;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FluxGen.Tests.Generator;

/// <summary>A netstandard2.0, netstandard2.1 or net48 project that has the packages FLUXGEN022 asks for gets code that compiles
/// with no warning, nullable ones in generated files included, as it does on net8.0.</summary>
public class DownLevelCompileTests
{
    private const string PolyfillHint = "FluxGen.Polyfills.System.Runtime.CompilerServices.IsExternalInit.g.cs";

    // The request net8.0's compile tests build.
    private const string RequestUsage = CompileTests.Usage;

    // Names the client and its calls beyond jobs (downloads, uploads), so all of the client part is written; the
    // byte array and span conversions are the ones a down-level caller leans on System.Memory for.
    private const string ClientUsage = """
        using System.Threading.Tasks;
        using Apiframe;
        using Apiframe.Webhooks;

        public static class ClientUsage
        {
            public static async Task<string> RunAsync(byte[] png, string apiKey, byte[] body, string? signature)
            {
                using var client = new ApiframeClient(new System.Net.Http.HttpClient());
                var job = await client.GenerateAsync(new Flux11ProRequest("a red umbrella"));
                using var image = await client.DownloadAsync(job.Images[0]);
                var upload = await client.UploadAsync(ApiframeFile.FromBytes(png, "cat.png"));
                var verifier = new ApiframeWebhookVerifier(apiKey);
                return $"{job.Id} {image.CanRead} {upload} {verifier.Verify(body, signature)}";
            }
        }
        """;

    private const string DocumentModelUsage = """
        using Apiframe;

        public static class Usage
        {
            public static string Imagine() => new MidjourneyRequest("a fox in an autumn forest").ToJson();
        }
        """;

    public static TheoryData<string> Targets => new() { "netstandard2.0", "netstandard2.1", "net48" };

    internal static ImmutableArray<MetadataReference> References(string target) => target switch
    {
        "netstandard2.0" => ReferenceSets.NetStandard20,
        "netstandard2.1" => ReferenceSets.NetStandard21,
        "net48" => ReferenceSets.Net48,
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, null),
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public void ARequestCompilesWithoutAnyWarning(string target)
    {
        var outcome = GeneratorHarness.RunFlux(new[] { RequestUsage }, References(target), LanguageVersion.Latest);

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Empty(outcome.CompileDiagnostics);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void TheClientWithDownloadsUploadsAndWebhooksCompilesWithoutAnyWarning(string target)
    {
        var outcome = GeneratorHarness.RunFlux(new[] { ClientUsage }, References(target), LanguageVersion.Latest);

        Assert.Empty(outcome.GeneratorDiagnostics);
        var hints = outcome.Sources.Select(s => s.HintName).ToList();
        Assert.Contains("FluxGen.Client.ApiframeClient.g.cs", hints);
        Assert.Contains("FluxGen.Client.Files.ApiframeClient.Uploads.g.cs", hints);
        Assert.Contains("FluxGen.Webhooks.ApiframeWebhookVerifier.g.cs", hints);
        Assert.Empty(outcome.CompileDiagnostics);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void ADocumentModelCompilesWithoutAnyWarning(string target)
    {
        var outcome = OpenApiModelTests.RunDocument(references: References(target), options: new Dictionary<string, string>(), sources: new[] { DocumentModelUsage }, withFluxSchema: false);

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Contains(outcome.Sources, s => s.HintName == "Midjourney.Request.g.cs");
        Assert.Empty(outcome.CompileDiagnostics);
    }

    // Every model is the largest compile of these tests; the two targets with the fewest APIs carry it (netstandard2.1
    // differs from netstandard2.0 only by types the models do not use).
    [Theory]
    [InlineData("netstandard2.0")]
    [InlineData("net48")]
    public void EveryDocumentModelCompilesWithoutAnyWarning(string target)
    {
        var outcome = OpenApiModelTests.RunDocument(references: References(target), withFluxSchema: false);

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.Equal(OpenApiModelTests.DocumentModels, outcome.Sources.Count(s => s.HintName.EndsWith(".Request.g.cs", StringComparison.Ordinal)));
        Assert.Empty(outcome.CompileDiagnostics);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void AnApplicationThatOnlyBuildsRequestsGetsTheCoreAloneAndItCompiles(string target)
    {
        // Top-level statements make an application, which gets the client only when it names it: the core must
        // stand on its own down-level too.
        const string RequestsOnly = """
            using Apiframe;

            var request = new Flux11ProRequest("a red umbrella") { FluxParams = new() { OutputQuality = 80 } };
            request.Validate();
            System.Console.WriteLine(request.ToJson());
            """;
        var compilation = GeneratorHarness.Compilation(new[] { RequestsOnly }, References(target));
        compilation = compilation.WithOptions(compilation.Options.WithOutputKind(OutputKind.ConsoleApplication));
        var driver = GeneratorHarness.Driver(new[] { new InMemoryText("/schema/flux-1.1-pro.json", GeneratorHarness.FluxSchema) })
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var outcome = new RunOutcome(driver, output, diagnostics, driver.GetRunResult());

        Assert.Empty(outcome.GeneratorDiagnostics);
        Assert.DoesNotContain(outcome.Sources, s => s.HintName == "FluxGen.Client.ApiframeClient.g.cs");
        Assert.Contains(outcome.Sources, s => s.HintName == "Flux11Pro.Request.g.cs");
        Assert.Empty(outcome.CompileDiagnostics);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void TheDownLevelOutputCarriesThePolyfillsAndTakesTheDownLevelBranches(string target)
    {
        var outcome = GeneratorHarness.RunFlux(new[] { RequestUsage }, References(target));

        var hints = outcome.Sources.Select(s => s.HintName).ToList();
        Assert.Contains(PolyfillHint, hints);
        Assert.Contains(outcome.Sources, s => s.SourceText.ToString().Contains("#define FLUXGEN_DOWNLEVEL\n", StringComparison.Ordinal));
    }

    [Fact]
    public void TheNet8OutputHasNoPolyfillAndNoDownLevelBranch()
    {
        var outcome = GeneratorHarness.RunFlux(new[] { RequestUsage }, ReferenceSets.Net80, LanguageVersion.CSharp12);

        Assert.DoesNotContain(outcome.Sources, s => s.HintName.Contains("Polyfills", StringComparison.Ordinal));
        Assert.DoesNotContain(outcome.Sources, s => s.SourceText.ToString().Contains("#define FLUXGEN_DOWNLEVEL", StringComparison.Ordinal));
        Assert.Empty(outcome.CompileDiagnostics);
    }

    [Fact]
    public void AProjectWithItsOwnIsExternalInitGetsNoSecondCopy()
    {
        const string Own = "namespace System.Runtime.CompilerServices { internal static class IsExternalInit { } }";

        var outcome = GeneratorHarness.RunFlux(new[] { RequestUsage, Own }, ReferenceSets.NetStandard20);

        var hints = outcome.Sources.Select(s => s.HintName).ToList();
        Assert.DoesNotContain(PolyfillHint, hints);
        // The other polyfills still come: the project lacks them.
        Assert.Contains(hints, h => h.Contains("Polyfills", StringComparison.Ordinal));
        Assert.Empty(outcome.CompileDiagnostics);
    }
}
