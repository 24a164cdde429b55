using FluxGen.Emulator;
using SkiaSharp;
using Xunit;
using Xunit.Abstractions;

namespace FluxGen.IntegrationTests.Package;

/// <summary>
/// The package the way a user meets it: packed into artifacts/packages, referenced by PackageReference from a fresh
/// console project outside the solution (net8.0 and net10.0, warnings as errors), built, and run against the emulator.
/// </summary>
[Collection(PackageCollection.Name)]
public class PackageConsumerTests(ITestOutputHelper output)
{
    private const string ProgramText = """
        using Apiframe;

        var client = new ApiframeClient(new HttpClient());
        var request = new Flux11ProRequest(args[0])
        {
            FluxParams = new() { OutputFormat = Flux11ProOutputFormat.Png, AspectRatio = Flux11ProAspectRatio.Ratio4x3, OutputQuality = 90 },
        };
        var job = await client.GenerateAsync(request);
        await using (var image = await client.DownloadAsync(job.Images[0]))
        await using (var file = File.Create(args[1]))
        {
            await image.CopyToAsync(file);
        }

        Console.WriteLine($"generated {job.Id} ({job.Status}) -> {args[1]}");
        """;

    [Fact]
    public async Task AFreshProjectBuildsRunsIsFlaggedAndTakesItsOwnSchema()
    {
        var version = $"0.1.0-consumer.{DateTime.UtcNow:yyyyMMddHHmmss}{Random.Shared.Next(1000):000}";
        var work = Directory.CreateTempSubdirectory("fluxgen-consumer-").FullName;
        var nupkg = Path.Combine(RepositoryPaths.LocalFeed, $"FluxGen.{version}.nupkg");
        try
        {
            var pack = await DotnetCli.RunAsync(RepositoryPaths.Root, null, "pack", "src/FluxGen.Package/FluxGen.Package.csproj", "-c", "Release", $"-p:Version={version}", "-o", RepositoryPaths.LocalFeed);
            Assert.True(pack.ExitCode == 0, pack.Output);
            Assert.True(File.Exists(nupkg), pack.Output);
            AssertPackageLayout(nupkg);

            WriteConsumer(work, version);

            // 1. It builds with warnings as errors for both frameworks, and runs against the emulator.
            var build = await DotnetCli.RunAsync(work, null, "build", "-c", "Release");
            Assert.True(build.ExitCode == 0, build.Output);
            output.WriteLine(Tail(build.Output, 4));

            // The package's own files (its schema and the bundled document), and only they, reach the generator with
            // their modification time, so a compiler server that read them once does not load them again
            // (Schema/ReadCache); a project's own files are read by content, since an editor can change them before
            // they are saved. Step 4 below adds one and checks it is not stamped.
            AssertStampedFiles(work, version, 2);
            await using (var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 0.05 }))
            {
                var environment = new Dictionary<string, string> { ["APIFRAME_API_KEY"] = "afk_consumer", ["APIFRAME_BASE_URL"] = emulator.BaseAddress.ToString() };
                foreach (var framework in new[] { "net10.0", "net8.0" })
                {
                    var image = Path.Combine(work, $"image-{framework}.png");

                    // This machine has only the .NET 10 runtime: the net8.0 build runs on it by rolling forward.
                    var run = await DotnetCli.RunAsync(work, new Dictionary<string, string>(environment) { ["DOTNET_ROLL_FORWARD"] = "Major" }, Path.Combine("bin", "Release", framework, "Consumer.dll"), "a lighthouse at dusk", image);
                    Assert.True(run.ExitCode == 0, run.Output);
                    output.WriteLine($"{framework}: {run.Output.Trim()}");
                    using var codec = SKCodec.Create(image);
                    Assert.Equal(SKEncodedImageFormat.Png, codec.EncodedFormat);
                    Assert.Equal(codec.Info.Width * 3, codec.Info.Height * 4, tolerance: 4);
                }

                Assert.Equal(2, emulator.Ledger.Entries.Count);
            }

            // 2. A value the schema forbids fails the build with the analyzer's rule at the right file and line.
            var program = Path.Combine(work, "Program.cs");
            File.WriteAllText(program, ProgramText.Replace("OutputQuality = 90", "OutputQuality = 101"));
            var flagged = await DotnetCli.RunAsync(work, null, "build", "-c", "Release", "-f", "net10.0");
            Assert.NotEqual(0, flagged.ExitCode);
            var line = File.ReadAllLines(program).Select((text, i) => (text, i)).First(l => l.text.Contains("101", StringComparison.Ordinal)).i + 1;
            var column = File.ReadAllLines(program)[line - 1].IndexOf("101", StringComparison.Ordinal) + 1;
            Assert.Contains($"Program.cs({line},{column}): error FLUX002", flagged.Output);
            output.WriteLine(flagged.Output.Split('\n').First(l => l.Contains("FLUX002", StringComparison.Ordinal)).Trim());

            // 2b. The same rule in the reader's language: the compiler picks the satellite assembly by its UI culture.
            var japanese = await DotnetCli.RunAsync(work, new Dictionary<string, string> { ["DOTNET_CLI_UI_LANGUAGE"] = "ja" }, "build", "-c", "Release", "-f", "net10.0", "--no-incremental");
            var japaneseLine = japanese.Output.Split('\n').First(l => l.Contains("FLUX002", StringComparison.Ordinal)).Trim();
            output.WriteLine(japaneseLine);
            Assert.Contains("error FLUX002: 'fluxParams.output_quality' は 0 以上、100 以下 である必要がありますが、101 です", japaneseLine);

            // 3. One .editorconfig line turns the rule down to a suggestion, and the project builds again.
            File.WriteAllText(Path.Combine(work, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.FLUX002.severity = suggestion\n");
            var relaxed = await DotnetCli.RunAsync(work, null, "build", "-c", "Release", "-f", "net10.0");
            Assert.True(relaxed.ExitCode == 0, relaxed.Output);

            // 4. A schema file of the user's own, added with one line, gives typed requests for a second model.
            File.WriteAllText(Path.Combine(work, "flux-dev.json"), File.ReadAllText(Path.Combine(RepositoryPaths.Root, "schema", "flux-1.1-pro.json"))
                .Replace("\"flux-1.1-pro\"", "\"flux-dev\"", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(work, "Consumer.csproj"), File.ReadAllText(Path.Combine(work, "Consumer.csproj"))
                .Replace("</Project>", "  <ItemGroup>\n    <FluxGenSchema Include=\"flux-dev.json\" />\n  </ItemGroup>\n</Project>", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(work, "Second.cs"), "namespace Consumer;\n\ninternal static class Second\n{\n    internal static string Body() => new Apiframe.FluxDevRequest(\"a second model\") { FluxParams = new() { AspectRatio = Apiframe.FluxDevAspectRatio.Ratio9x16 } }.ToJson();\n}\n");
            var second = await DotnetCli.RunAsync(work, null, "build", "-c", "Release", "-f", "net10.0");
            Assert.True(second.ExitCode == 0, second.Output);
            AssertStampedFiles(work, version, 2);

            // 4b. A newer copy of Apiframe's document, dropped in with one line, supersedes the bundled one as a whole:
            //     its new model is typed, nothing is a duplicate, and the drift (FLUXGEN043) is an Info, so warnings as
            //     errors still build.
            File.WriteAllText(Path.Combine(work, "newer-openapi.json"), OpenApi.NewerOpenApiDocument.Text());
            File.WriteAllText(Path.Combine(work, "Consumer.csproj"), File.ReadAllText(Path.Combine(work, "Consumer.csproj"))
                .Replace("<FluxGenSchema Include=\"flux-dev.json\" />", "<FluxGenSchema Include=\"flux-dev.json\" />\n    <FluxGenSchema Include=\"newer-openapi.json\" />", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(work, "Newer.cs"), "namespace Consumer;\n\ninternal static class Newer\n{\n    internal static string Body() => new Apiframe.DallE4Request(\"a model the bundled document lacks\").ToJson();\n}\n");
            var sarif = Path.Combine(work, "drift.sarif");
            var newer = await DotnetCli.RunAsync(work, null, "build", "-c", "Release", "-f", "net10.0", $"-p:ErrorLog={sarif}");
            Assert.True(newer.ExitCode == 0, newer.Output);
            Assert.DoesNotContain("FLUXGEN007", newer.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(": warning ", newer.Output, StringComparison.Ordinal);

            // The Info is below the console's normal verbosity; the error log has it, so the package's bundled mark works.
            using (var log = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(sarif)))
            {
                Assert.Contains("newer-openapi.json supersedes the bundled openapi.json. Models added: dall-e-4. Removed: reve-create. Changed: —", Strings(log.RootElement));
            }

            // 5. Every model of the bundled OpenAPI document is available by default: a model's types are written
            //    once the code names them. <FluxGenModels> reaches the generator through the package's props and then
            //    decides alone: a model the code names but the list leaves out is missing.
            File.WriteAllText(Path.Combine(work, "Third.cs"), "namespace Consumer;\n\ninternal static class Third\n{\n    internal static string Body() => new Apiframe.MidjourneyRequest(\"a fox\") { MidjourneyParams = new() { AspectRatio = \"16:9\" } }.ToJson();\n}\n");
            File.WriteAllText(Path.Combine(work, "Fourth.cs"), "namespace Consumer;\n\ninternal static class Fourth\n{\n    internal static object Make() => new Apiframe.SunoRequest(\"a song\");\n}\n");
            var onUse = await DotnetCli.RunAsync(work, null, "build", "-c", "Release", "-f", "net10.0");
            Assert.True(onUse.ExitCode == 0, onUse.Output);
            File.WriteAllText(Path.Combine(work, "Consumer.csproj"), File.ReadAllText(Path.Combine(work, "Consumer.csproj"))
                .Replace("<RootNamespace>", "<FluxGenModels>flux-1.1-pro;flux-dev;midjourney</FluxGenModels>\n    <RootNamespace>", StringComparison.Ordinal));
            var missing = await DotnetCli.RunAsync(work, null, "build", "-c", "Release", "-f", "net10.0");
            Assert.NotEqual(0, missing.ExitCode);
            Assert.Contains("error CS0234", missing.Output);
            Assert.Contains("SunoRequest", missing.Output);
            Assert.DoesNotContain("MidjourneyRequest", missing.Output);
        }
        finally
        {
            File.Delete(nupkg);
            TryDelete(work);
            TryDelete(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages", "fluxgen", version));
        }
    }

    /// <summary>Every string in a JSON tree (the messages of a SARIF log, whichever SARIF version wrote it).</summary>
    private static void AssertStampedFiles(string work, string version, int count)
    {
        const string stampKey = "build_metadata.AdditionalFiles.FluxGenStamp = ";
        var lines = File.ReadAllLines(Path.Combine(work, "obj", "Release", "net10.0", "Consumer.GeneratedMSBuildEditorConfig.editorconfig"));
        var sections = lines.Select((line, i) => (Line: line.Trim(), Index: i))
            .Where(l => l.Line.StartsWith(stampKey, StringComparison.Ordinal) && l.Line.Length > stampKey.Length)
            .Select(l => lines.Take(l.Index).Last(h => h.StartsWith('[')).Replace('\\', '/'))
            .ToList();
        Assert.True(sections.Count == count, string.Join("\n", lines));
        Assert.All(sections, section => Assert.Contains($"/fluxgen/{version}/schema/", section, StringComparison.OrdinalIgnoreCase));
    }

    private static IEnumerable<string> Strings(System.Text.Json.JsonElement element) => element.ValueKind switch
    {
        System.Text.Json.JsonValueKind.String => [element.GetString()!],
        System.Text.Json.JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        System.Text.Json.JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    private static void AssertPackageLayout(string nupkg)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(nupkg);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("analyzers/dotnet/cs/FluxGen.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/FluxGen.CodeFixes.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/ja/FluxGen.resources.dll", entries);
        Assert.Contains("build/FluxGen.props", entries);
        Assert.Contains("build/FluxGen.targets", entries);
        Assert.Contains("schema/flux-1.1-pro.json", entries);
        Assert.Contains("schema/apiframe/openapi.json", entries);
        Assert.Contains("schema/apiframe/LICENSE", entries);
        Assert.Contains("schema/apiframe/COMMIT", entries);
        Assert.Contains("README.md", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        using var nuspec = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var text = nuspec.ReadToEnd();
        Assert.Contains("<developmentDependency>true</developmentDependency>", text);
        Assert.Contains("<license type=\"expression\">MIT</license>", text);
        Assert.DoesNotContain("<dependency ", text);
    }

    private static void WriteConsumer(string work, string version)
    {
        File.WriteAllText(Path.Combine(work, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="fluxgen-local" value="{RepositoryPaths.LocalFeed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(work, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFrameworks>net8.0;net10.0</TargetFrameworks>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <RootNamespace>Consumer</RootNamespace>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="FluxGen" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(work, "Program.cs"), ProgramText);
    }

    private static string Tail(string text, int lines) => string.Join(Environment.NewLine, text.TrimEnd().Split('\n').TakeLast(lines));

    private static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
