using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FluxGen.Benchmarks;

/// <summary>
/// What FluxGen costs a real build: throwaway console projects built with <c>dotnet build</c> as a user builds
/// them (MSBuild, the compiler server, the package's own build files, the bundled schema and OpenAPI document). Each
/// round touches one file of every project and builds it again, the projects interleaved so they share the machine's
/// drift; the table gives medians. A second pass builds each project with <c>-p:ReportAnalyzer=true</c> and reads the
/// compiler's own generator times.
/// </summary>
/// <remarks>The in-process <see cref="BuildCost"/> measures the compile alone; this one includes everything a
/// developer waits for, which is what the goals (issue 18) are stated in.</remarks>
internal static partial class RealBuildCost
{
    private const string FluxUsage = """
        var json = new Flux11ProRequest("a red umbrella")
        {
            FluxParams = new() { AspectRatio = Flux11ProAspectRatio.Ratio16x9, OutputQuality = 80 },
        }.ToJson();
        """;

    private sealed record Variant(string Name, string Folder, string Against);

    /// <summary>Whether builds use the compiler server, as a developer's builds do by default (a machine may turn it
    /// off for everyone with <c>UseSharedCompilation=false</c>; then every build starts a compiler and JIT-compiles
    /// every analyzer and generator again).</summary>
    private static bool s_server = true;

    /// <param name="only">The folder names of the variants to build (<c>none,flux1client</c>); every variant when null.</param>
    public static void Run(int rounds, int reportRounds, bool server, IReadOnlySet<string>? only = null)
    {
        s_server = server;
        var root = Path.Combine(Path.GetTempPath(), $"fluxgen-build-cost-{Environment.ProcessId}");
        Directory.CreateDirectory(root);
        try
        {
            var package = LayOutPackage(root);
            var requests = RequestTypes();

            // The way to many models today: a class library writes them all once (FluxGenModels=*) and the app
            // references it; the app's generator finds the library's markers and writes none of them again.
            var library = Path.Combine(Write(root, "models", Project(package, "*", outputType: "Library"), "namespace Models;\n\n/// <summary>The library's own code.</summary>\npublic static class Anchor;\n"), "models.csproj");
            var variants = new[]
            {
                new Variant("no generator (baseline)", Write(root, "none", Project(null, null), "Console.WriteLine(new Greeting(\"a red umbrella\").Text);\n" + Greeting), ""),
                new Variant("System.Text.Json, one record", Write(root, "stj", Project(null, null), StjProgram), "no generator (baseline)"),
                new Variant("FluxGen, 1 model named", Write(root, "flux1", Project(package, null), FluxProgram(requests, 1)), "no generator (baseline)"),
                new Variant("FluxGen, 1 model named, submitted with ApiframeClient", Write(root, "flux1client", Project(package, null), ClientProgram), "no generator (baseline)"),
                new Variant("FluxGen, 10 models named", Write(root, "flux10", Project(package, null), FluxProgram(requests, 10)), "FluxGen, 1 model named"),
                new Variant("FluxGen, 30 models named", Write(root, "flux30", Project(package, null), FluxProgram(requests, 30)), "FluxGen, 1 model named"),
                new Variant("FluxGen, FluxGenModels=*", Write(root, "fluxall", Project(package, "*"), FluxProgram(requests, 1)), "FluxGen, 1 model named"),
                new Variant("FluxGen, 30 models named, written by a class library it references", Write(root, "lib30", Project(package, null, library), FluxProgram(requests, 30)), "FluxGen, 1 model named"),
                new Variant("FluxGen, every model named, written by a class library it references", Write(root, "liball", Project(package, null, library), FluxProgram(requests, requests.Count)), "FluxGen, 1 model named"),
                // Built only when asked for: making it builds the library first.
                only is null || only.Contains("dllall")
                    ? new Variant("FluxGen, every model named, from that library's built assembly (as a package could ship it)", Write(root, "dllall", Project(package, null, assembly: LibraryAssembly(library)), FluxProgram(requests, requests.Count)), "FluxGen, 1 model named")
                    : null,
            }.OfType<Variant>().Where(v => only is null || only.Contains(Path.GetFileName(v.Folder))).ToArray();

            foreach (var variant in variants)
            {
                Dotnet(variant.Folder, "build", "-nologo", "-v:q");
            }

            var times = variants.ToDictionary(v => v.Name, _ => new List<double>());
            var cpu = variants.ToDictionary(v => v.Name, _ => new List<double>());
            for (var round = 0; round <= rounds; round++)
            {
                foreach (var variant in variants)
                {
                    File.SetLastWriteTimeUtc(Path.Combine(variant.Folder, "Program.cs"), DateTime.UtcNow);
                    var clock = Stopwatch.StartNew();
                    var cpuBefore = ChildrenCpuSeconds();
                    Dotnet(variant.Folder, "build", "--no-restore", "-nologo", "-v:q");
                    if (round > 0)
                    {
                        times[variant.Name].Add(clock.Elapsed.TotalSeconds);
                        cpu[variant.Name].Add(ChildrenCpuSeconds() - cpuBefore);
                    }
                }
            }

            Console.WriteLine($"Real builds: touch Program.cs, dotnet build --no-restore ({(server ? "compiler server" : "no compiler server")}); {rounds} interleaved rounds, medians");
            Console.WriteLine("| console project | build wall time | against | ratio |");
            Console.WriteLine("|---|---:|---|---:|");
            foreach (var variant in variants)
            {
                var median = Median(times[variant.Name]);
                var ratio = variant.Against.Length == 0 ? "" : $"{median / Median(times[variant.Against]):0.00}×";
                Console.WriteLine($"| {variant.Name} | {median:0.00} s (min {times[variant.Name].Min():0.00}, max {times[variant.Name].Max():0.00}) | {variant.Against} | {ratio} |");
            }

            if (!server && cpu.Values.All(v => v.Count > 0 && v.Max() > 0))
            {
                Console.WriteLine();
                Console.WriteLine("CPU time of the same builds (MSBuild and the compiler, which run as child processes without the compiler server; unlike wall time, not inflated by other work on the machine):");
                Console.WriteLine("| console project | build CPU time | against | ratio |");
                Console.WriteLine("|---|---:|---|---:|");
                foreach (var variant in variants)
                {
                    var median = Median(cpu[variant.Name]);
                    var ratio = variant.Against.Length == 0 ? "" : $"{median / Median(cpu[variant.Against]):0.00}×";
                    Console.WriteLine($"| {variant.Name} | {median:0.00} s | {variant.Against} | {ratio} |");
                }
            }

            Console.WriteLine();
            Console.WriteLine($"Generator time as the compiler reports it (-p:ReportAnalyzer=true), medians of {reportRounds}:");
            foreach (var variant in variants.Skip(1))
            {
                var generator = new List<double>();
                var analyzers = new List<double>();
                for (var i = 0; i < reportRounds; i++)
                {
                    File.SetLastWriteTimeUtc(Path.Combine(variant.Folder, "Program.cs"), DateTime.UtcNow);
                    var output = Dotnet(variant.Folder, "build", "--no-restore", "-nologo", "-v:d", "-p:ReportAnalyzer=true");
                    generator.Add(Seconds(output, variant.Folder.EndsWith("stj", StringComparison.Ordinal) ? "System.Text.Json.SourceGeneration.JsonSourceGenerator" : "FluxGen.FluxGenGenerator"));
                    analyzers.Add(FluxGenAnalyzers(output));
                }

                var analyzerText = variant.Folder.EndsWith("stj", StringComparison.Ordinal) ? "" : $", FluxGen analyzers {Median(analyzers) * 1000:0} ms";
                Console.WriteLine($"  {variant.Name}: generator {Median(generator) * 1000:0} ms{analyzerText}");
            }
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private const string Greeting = """

        /// <summary>A record for the baseline and the STJ anchor.</summary>
        internal sealed record Greeting(string Text);
        """;

    private const string StjProgram = """
        using System.Text.Json.Serialization;

        Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new Greeting("a red umbrella"), GreetingContext.Default.Greeting));

        /// <summary>A record for the baseline and the STJ anchor.</summary>
        internal sealed record Greeting(string Text);

        /// <summary>STJ's generated serializer for it.</summary>
        [JsonSerializable(typeof(Greeting))]
        internal sealed partial class GreetingContext : JsonSerializerContext;
        """;

    private const string ClientProgram = """
        using Apiframe;

        var request = new Flux11ProRequest("a red umbrella")
        {
            FluxParams = new() { AspectRatio = Flux11ProAspectRatio.Ratio16x9, OutputQuality = 80 },
        };
        using var client = new ApiframeClient(new ApiframeClientOptions { ApiKey = Environment.GetEnvironmentVariable("APIFRAME_API_KEY") });
        if (args.Length > 0)
        {
            Console.WriteLine(await client.SubmitAsync(request));
        }
        """;

    private static string FluxProgram(IReadOnlyList<string> requests, int count)
    {
        var text = new StringBuilder("using Apiframe;\n\n").Append(FluxUsage).Append('\n');
        var others = requests.Where(r => r != "Flux11ProRequest").Take(count - 1).ToList();
        text.Append("Type[] named = [typeof(Flux11ProRequest)");
        foreach (var other in others)
        {
            text.Append(", typeof(").Append(other).Append(')');
        }

        return text.Append("];\nConsole.WriteLine(json + named.Length);\n").ToString();
    }

    /// <summary>Builds the library once and gives its assembly's path, for a project that references the assembly
    /// itself: no project for MSBuild to check, as with an assembly a package ships.</summary>
    private static string LibraryAssembly(string library)
    {
        var folder = Path.GetDirectoryName(library)!;
        Dotnet(folder, "build", "-nologo", "-v:q");
        return Path.Combine(folder, "bin", "Debug", "net10.0", Path.GetFileNameWithoutExtension(library) + ".dll");
    }

    private static string Project(string? package, string? models, string? library = null, string? assembly = null, string outputType = "Exe")
    {
        var imports = package is null ? "" : $"""
              <Import Project="{package}/build/FluxGen.props" />
              <ItemGroup>
                <Analyzer Include="{package}/analyzers/dotnet/cs/FluxGen.dll" />
              </ItemGroup>
            """;
        var list = models is null ? "" : $"<FluxGenModels>{models}</FluxGenModels>";
        var targets = package is null ? "" : $"""<Import Project="{package}/build/FluxGen.targets" />""";
        if (library is not null)
        {
            targets += $"""<ItemGroup><ProjectReference Include="{library}" /></ItemGroup>""";
        }

        if (assembly is not null)
        {
            targets += $"""<ItemGroup><Reference Include="{assembly}" /></ItemGroup>""";
        }

        return $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>{outputType}</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                {list}
              </PropertyGroup>
            {imports}
              {targets}
            </Project>
            """;
    }

    /// <summary>The package's layout (build/, schema/, analyzers/dotnet/cs/) from this build's files, so the
    /// projects run the generator just built, through the package's own build files.</summary>
    private static string LayOutPackage(string root)
    {
        var package = Path.Combine(root, "package");
        var source = AppContext.BaseDirectory;
        Directory.CreateDirectory(Path.Combine(package, "build"));
        Directory.CreateDirectory(Path.Combine(package, "schema", "apiframe"));
        Directory.CreateDirectory(Path.Combine(package, "analyzers", "dotnet", "cs"));
        foreach (var file in new[] { "FluxGen.props", "FluxGen.targets" })
        {
            File.Copy(Path.Combine(source, "package-build", file), Path.Combine(package, "build", file));
        }

        File.Copy(Path.Combine(source, "schema", "flux-1.1-pro.json"), Path.Combine(package, "schema", "flux-1.1-pro.json"));
        File.Copy(Path.Combine(source, "schema", "apiframe", "openapi.json"), Path.Combine(package, "schema", "apiframe", "openapi.json"));
        File.Copy(Path.Combine(source, "FluxGen.dll"), Path.Combine(package, "analyzers", "dotnet", "cs", "FluxGen.dll"));
        return package;
    }

    /// <summary>Every request type of the document, in the document's order, by the generator itself.</summary>
    private static List<string> RequestTypes()
    {
        var benchmarks = new OpenApiBenchmarks();
        benchmarks.Setup();
        return benchmarks.RequestTypeNames.ToList();
    }

    private static string Write(string root, string name, string project, string program)
    {
        var folder = Path.Combine(root, name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, name + ".csproj"), project);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), program);
        return folder;
    }

    private static string Dotnet(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The telemetry and first-run notices are not part of a developer's steady-state build.
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        if (s_server)
        {
            start.Environment.Remove("UseSharedCompilation");
        }
        else
        {
            start.Environment["UseSharedCompilation"] = "false";
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed in {folder}:\n{output}\n{error.Result}");
        }

        return output;
    }

    /// <summary>The seconds the compiler reports for <paramref name="type"/> in its generator table.</summary>
    private static double Seconds(string output, string type)
    {
        foreach (var line in output.Split('\n'))
        {
            var match = TimedLine().Match(line);
            if (match.Success && match.Groups[2].Value.Trim() == type)
            {
                return Seconds(match.Groups[1].Value);
            }
        }

        throw new InvalidOperationException($"The build output has no time for {type}.");
    }

    /// <summary>FluxGen's analyzers together: the assembly row of the analyzer table (the first one; the generator
    /// table follows it).</summary>
    private static double FluxGenAnalyzers(string output)
    {
        var analyzers = output.IndexOf("Total analyzer execution time", StringComparison.Ordinal);
        var generators = output.IndexOf("Total generator execution time", StringComparison.Ordinal);
        if (analyzers < 0)
        {
            return 0;
        }

        var table = output.Substring(analyzers, (generators > analyzers ? generators : output.Length) - analyzers);
        foreach (var line in table.Split('\n'))
        {
            var match = TimedLine().Match(line);
            if (match.Success && match.Groups[2].Value.Trim().StartsWith("FluxGen,", StringComparison.Ordinal))
            {
                return Seconds(match.Groups[1].Value);
            }
        }

        return 0;
    }

    private static double Seconds(string text) =>
        text.StartsWith('<') ? 0 : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The CPU seconds of this process's finished, waited-for descendants (cutime + cstime of
    /// /proc/self/stat); 0 where there is no /proc.</summary>
    private static double ChildrenCpuSeconds()
    {
        const string Stat = "/proc/self/stat";
        if (!File.Exists(Stat))
        {
            return 0;
        }

        // The command name (field 2) may hold spaces; fields are counted after its closing parenthesis.
        var text = File.ReadAllText(Stat);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        const double TicksPerSecond = 100; // USER_HZ on Linux
        return (long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    // "   0.555   42      FluxGen.FluxGenGenerator": seconds (or "<0.001"), a percentage, the name.
    [GeneratedRegex(@"^\s*(<?[0-9.]+)\s+(?:<?\d+)\s+(.+?)\s*$")]
    private static partial Regex TimedLine();
}
