using System.Xml.Linq;
using FluxGen.Emulator;
using FluxGen.Emulator.CommandLine;
using Xunit;
using Xunit.Abstractions;

namespace FluxGen.IntegrationTests.Package;

/// <summary>
/// The emulator as users get it: both packages packed with a fresh version into a feed of their own, the tool
/// installed with <c>dotnet tool install</c> and run as <c>fluxgen-emulator</c>, and the library referenced by a
/// fresh xUnit project that starts an emulator and asserts a submit.
/// </summary>
public class EmulatorPackageTests(ITestOutputHelper output)
{
    private const string ConsumerTest = """
        using System.Net;
        using System.Text;
        using FluxGen.Emulator;
        using Xunit;

        public class SubmitTests
        {
            [Fact]
            public async Task A_submit_is_recorded_run_on_the_manual_clock_and_billed_once()
            {
                await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { ManualClock = true });
                using var http = new HttpClient { BaseAddress = emulator.BaseAddress };
                emulator.EnqueueFault(EmulatorFault.ServiceUnavailable, method: "POST");

                var first = await SubmitAsync(http);
                var second = await SubmitAsync(http);

                Assert.Equal(HttpStatusCode.ServiceUnavailable, first);
                Assert.Equal(HttpStatusCode.Accepted, second);
                Assert.Equal([503, 202], emulator.Requests.Select(r => r.StatusCode));
                var job = Assert.Single(emulator.Jobs);
                Assert.False(job.IsTerminal);
                emulator.AdvanceClock(TimeSpan.FromMinutes(5));
                Assert.Equal("COMPLETED", Assert.Single(emulator.Jobs).Status);
                Assert.Equal(1, emulator.Ledger.ChargesFor(job.Id));
            }

            private static async Task<HttpStatusCode> SubmitAsync(HttpClient http)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "v2/images/generate")
                {
                    Content = new StringContent("{\"prompt\":\"a lighthouse\",\"model\":\"flux-1.1-pro\"}", Encoding.UTF8, "application/json"),
                };
                request.Headers.Add("X-API-Key", "afk_package_consumer");
                request.Headers.Add("Idempotency-Key", "one-submit");
                using var response = await http.SendAsync(request);
                return response.StatusCode;
            }
        }
        """;

    [Fact]
    public async Task The_tool_installs_and_the_library_runs_in_a_fresh_test_project()
    {
        var version = $"0.1.0-emulator.{DateTime.UtcNow:yyyyMMddHHmmss}{Random.Shared.Next(1000):000}";
        var work = Directory.CreateTempSubdirectory("fluxgen-emulator-package-").FullName;
        var feed = Path.Combine(work, "feed");
        var tools = Path.Combine(work, "tools");
        try
        {
            foreach (var project in new[] { "src/FluxGen.Emulator/FluxGen.Emulator.csproj", "src/FluxGen.Emulator.Tool/FluxGen.Emulator.Tool.csproj" })
            {
                var pack = await DotnetCli.RunAsync(RepositoryPaths.Root, null, "pack", project, "-c", "Release", $"-p:Version={version}", "-o", feed);
                Assert.True(pack.ExitCode == 0, pack.Output);
            }

            // 1. The tool: installed from the packed package, --help lists every option, a bad option is exit 2.
            var install = await DotnetCli.RunAsync(work, null, "tool", "install", "--tool-path", tools, "--add-source", feed, "FluxGen.Emulator.Tool", "--version", version);
            output.WriteLine($"$ dotnet tool install --tool-path <tmp>/tools --add-source <tmp>/feed FluxGen.Emulator.Tool --version {version}");
            output.WriteLine(install.Output.Trim());
            Assert.True(install.ExitCode == 0, install.Output);
            var command = Path.Combine(tools, OperatingSystem.IsWindows() ? "fluxgen-emulator.exe" : "fluxgen-emulator");

            var help = await RunToolAsync(command, "--help");
            output.WriteLine("$ fluxgen-emulator --help   (exit " + help.ExitCode + ")");
            output.WriteLine(help.Output.TrimEnd());
            Assert.Equal(0, help.ExitCode);
            foreach (var option in typeof(EmulatorOptions).GetProperties().Where(p => p.CanWrite))
            {
                Assert.Contains("--Emulator:" + option.Name, help.Output);
            }

            Assert.Contains("--urls", help.Output);
            var bad = await RunToolAsync(command, "--Emulator:TimeScal=0.2");
            output.WriteLine("$ fluxgen-emulator --Emulator:TimeScal=0.2   (exit " + bad.ExitCode + ")");
            output.WriteLine(bad.Output.TrimEnd());
            Assert.Equal(EmulatorCommandLine.UsageError, bad.ExitCode);
            Assert.Equal("fluxgen-emulator: '--Emulator:TimeScal' is not an option. Run 'fluxgen-emulator --help' to see the options.", bad.Output.Trim());

            // 2. The library: a fresh xUnit project references it from the feed and runs a test against it.
            var consumer = Path.Combine(work, "consumer");
            WriteConsumer(consumer, feed, version);
            var test = await DotnetCli.RunAsync(consumer, null, "test");
            output.WriteLine("$ dotnet test   (fresh xUnit project with PackageReference FluxGen.Emulator " + version + ")");
            output.WriteLine(string.Join(Environment.NewLine, test.Output.Trim().Split('\n').TakeLast(3)).Trim());
            Assert.True(test.ExitCode == 0, test.Output);
            Assert.Matches(@"Passed!\s+-\s+Failed:\s+0, Passed:\s+1, Skipped:\s+0, Total:\s+1", test.Output);
        }
        finally
        {
            TryDelete(work);
            var cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            TryDelete(Path.Combine(cache, "fluxgen.emulator", version));
            TryDelete(Path.Combine(cache, "fluxgen.emulator.tool", version));
        }
    }

    private static Task<(int ExitCode, string Output)> RunToolAsync(string command, params string[] arguments) =>
        ProcessRunner.RunAsync(command, arguments);

    private static void WriteConsumer(string folder, string feed, string version)
    {
        Directory.CreateDirectory(folder);

        // The fresh project sits outside the repository, so it takes the test stack's versions from Directory.Build.targets.
        var versions = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Build.targets")).Descendants()
            .Where(e => e.Name.LocalName.EndsWith("Version", StringComparison.Ordinal) && !e.HasElements)
            .GroupBy(e => e.Name.LocalName).ToDictionary(g => g.Key, g => g.First().Value);
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="emulator-feed" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(folder, "Consumer.Tests.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <IsPackable>false</IsPackable>
                <IsTestProject>true</IsTestProject>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="FluxGen.Emulator" Version="{version}" />
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="{versions["TestSdkVersion"]}" />
                <PackageReference Include="xunit" Version="{versions["XunitVersion"]}" />
                <PackageReference Include="xunit.runner.visualstudio" Version="{versions["XunitRunnerVersion"]}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "SubmitTests.cs"), ConsumerTest);
    }

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
