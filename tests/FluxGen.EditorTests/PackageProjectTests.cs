using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Completion;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;
using Microsoft.CodeAnalysis.QuickInfo;
using Microsoft.CodeAnalysis.Text;

namespace FluxGen.EditorTests;

/// <summary>
/// Fresh projects (a console app; an app over a class library) that take FluxGen through the package's own build
/// files (build/FluxGen.props and .targets, the bundled schema and document, the analyzer assemblies), opened by
/// <see cref="MSBuildWorkspace"/>: what reaches the generator is decided by the design-time build an IDE runs, not by
/// a project put together by hand as <see cref="EditorProject"/> does.
/// </summary>
public sealed class PackageProjectTests
{
    private const string Code = """
        using Apiframe;

        public static class Program
        {
            public static object Video() => new Kling;
            public static object Image() => new Flux11ProParams { OutputQuality = 101 };
        }
        """;

    [Fact]
    public async Task AProjectOpenedThroughThePackagesBuildFilesCompletesEveryModelHoversAndFlags()
    {
        var work = Directory.CreateTempSubdirectory("fluxgen-editor-").FullName;
        try
        {
            using var workspace = MSBuildWorkspace.Create();
            var project = await OpenAsync(workspace, work);

            // The design-time build hands the generator both bundled files, the document marked as the bundled one and
            // both stamped with their modification time (the package's targets add that metadata).
            var additional = project.AdditionalDocuments.OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
            Assert.Equal(["flux-1.1-pro.json", "openapi.json"], additional.Select(d => d.Name));
            var options = project.AnalyzerOptions.AnalyzerConfigOptionsProvider;
            var document = project.AnalyzerOptions.AdditionalFiles.Single(f => Path.GetFileName(f.Path) == "openapi.json");
            Assert.True(options.GetOptions(document).TryGetValue("build_metadata.AdditionalFiles.FluxGenBundled", out var bundled));
            Assert.Equal("true", bundled);
            Assert.True(options.GetOptions(document).TryGetValue("build_metadata.AdditionalFiles.FluxGenStamp", out var stamp));
            Assert.False(string.IsNullOrEmpty(stamp));

            var program = project.Documents.Single(d => d.Name == "Program.cs");

            // Completion after `new Kling` offers the request of every kling model the bundled document has, none named yet.
            var caret = Code.IndexOf("new Kling", StringComparison.Ordinal) + "new Kling".Length;
            var service = CompletionService.GetService(program)!;
            var list = await service.GetCompletionsAsync(program, caret);
            var requests = list.ItemsList.Where(i => i.DisplayText.StartsWith("Kling", StringComparison.Ordinal) && i.DisplayText.EndsWith("Request", StringComparison.Ordinal)).ToList();
            Console.WriteLine("MSBuildWorkspace, completion after 'new Kling': " + string.Join(", ", requests.Select(i => i.DisplayText)));
            var klingModels = KlingModelIds();
            Assert.Equal(klingModels.Count, requests.Count);
            foreach (var item in requests)
            {
                var description = (await service.GetDescriptionAsync(program, item))!.Text;
                Assert.Contains(klingModels, id => description.Contains($"model {id} (", StringComparison.Ordinal));
            }

            // Hover on a member of a named model shows the schema's description, range and default.
            var quickInfo = (await QuickInfoService.GetService(program)!.GetQuickInfoAsync(program, Code.IndexOf("OutputQuality", StringComparison.Ordinal) + 3))!;
            var hover = string.Join(" | ", quickInfo.Sections.Select(s => s.Text));
            Assert.Contains("From 0 to 100", hover, StringComparison.Ordinal);
            Assert.Contains("Default 90", hover, StringComparison.Ordinal);

            // The project's own analyzer references flag the constant the schema forbids.
            var compilation = (await project.GetCompilationAsync())!;
            var analyzers = project.AnalyzerReferences.SelectMany(r => r.GetAnalyzers(LanguageNames.CSharp)).ToImmutableArray();
            var flagged = await compilation.WithAnalyzers(analyzers, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
            Assert.Contains(flagged, d => d.Id == "FLUX002" && d.GetMessage().Contains("101", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public async Task InAnAppOverALibraryTheLibrarysModelIsOfferedOnceAndTheRestAsTheAppsOwnForms()
    {
        var work = Directory.CreateTempSubdirectory("fluxgen-editor-graph-").FullName;
        try
        {
            // The library names one kling model, so it writes that model's full (public) types; the app names none.
            WriteProject(work, "Lib", "Library", ("Posters.cs", "namespace Lib;\n\npublic static class Posters\n{\n    public static Apiframe.Kling30OmniRequest Make() => new(\"a fox\");\n}\n"));
            const string app = """
                using System;
                using Apiframe;

                public static class Program
                {
                    public static void Main() => Console.WriteLine(Poster());
                    public static object Video() => new Kling;
                    public static string Poster() => Lib.Posters.Make().ToJson();
                }
                """;
            WriteProject(work, "App", "Exe", ("Program.cs", app), reference: "Lib");
            using var workspace = MSBuildWorkspace.Create();
            var project = await OpenAsync(workspace, Path.Combine(work, "App"), "App");

            var program = project.Documents.Single(d => d.Name == "Program.cs");
            var caret = app.IndexOf("new Kling", StringComparison.Ordinal) + "new Kling".Length;
            var list = await CompletionService.GetService(program)!.GetCompletionsAsync(program, caret);
            var requests = list.ItemsList.Select(i => i.DisplayText).Where(n => n.StartsWith("Kling", StringComparison.Ordinal) && n.EndsWith("Request", StringComparison.Ordinal)).ToList();
            Console.WriteLine("MSBuildWorkspace, app over a library, completion after 'new Kling': " + string.Join(", ", requests));
            Assert.Equal(requests.Distinct(StringComparer.Ordinal).Count(), requests.Count);
            Assert.Equal(KlingModelIds().Count, requests.Count);

            // One type per name in the app's compilation: the library's full record, and the app's own forms for the rest.
            var compilation = (await project.GetCompilationAsync())!;
            var fromLibrary = compilation.GetTypeByMetadataName("Apiframe.Kling30OmniRequest");
            Assert.NotNull(fromLibrary);
            Assert.Equal("Lib", fromLibrary.ContainingAssembly.Name);
            Assert.True(fromLibrary.IsRecord);
            var form = compilation.GetTypeByMetadataName("Apiframe.Kling26Request");
            Assert.NotNull(form);
            Assert.Equal("App", form.ContainingAssembly.Name);

            // Nothing is declared twice: the only errors are the unfinished `new Kling` line's.
            var unfinished = app[..caret].Count(c => c == '\n');
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.GetLineSpan().StartLinePosition.Line != unfinished).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<Project> OpenAsync(MSBuildWorkspace workspace, string work)
    {
        WriteProject(work, "Consumer", "Exe", ("Program.cs", Code));
        return await OpenAsync(workspace, Path.Combine(work, "Consumer"), "Consumer");
    }

    private static async Task<Project> OpenAsync(MSBuildWorkspace workspace, string folder, string name)
    {
        Restore(folder);
        var failures = new List<string>();
        workspace.RegisterWorkspaceFailedHandler(e => failures.Add(e.Diagnostic.Message));
        var project = await workspace.OpenProjectAsync(Path.Combine(folder, name + ".csproj"));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        return project;
    }

    /// <summary>A project in <c>work/name/</c> that takes FluxGen through the package's build files.</summary>
    private static void WriteProject(string work, string name, string outputType, (string Name, string Text) file, string? reference = null)
    {
        var package = Path.Combine(AppContext.BaseDirectory, "package");
        var analyzers = string.Concat(FluxGenAssemblies.Paths.Select(path => $"""    <Analyzer Include="{path}" />{"\n"}"""));
        var projectReference = reference is null ? "" : $"""    <ProjectReference Include="../{reference}/{reference}.csproj" />{"\n"}""";
        var folder = Directory.CreateDirectory(Path.Combine(work, name)).FullName;
        File.WriteAllText(Path.Combine(folder, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{package}/build/FluxGen.props" />
              <PropertyGroup>
                <OutputType>{outputType}</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
            {analyzers}{projectReference}  </ItemGroup>
              <Import Project="{package}/build/FluxGen.targets" />
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, file.Name), file.Text);
    }

    // The design-time build needs the assets file that a restore writes; the project has no package to fetch.
    private static void Restore(string work)
    {
        using var restore = Process.Start(new ProcessStartInfo("dotnet", ["restore", "--nologo"]) { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = restore.StandardOutput.ReadToEndAsync();
        var error = restore.StandardError.ReadToEnd();
        restore.WaitForExit();
        Assert.True(restore.ExitCode == 0, output.Result + error);
    }

    /// <summary>The bundled document's kling models, the ones completion after <c>new Kling</c> must offer.</summary>
    private static List<string> KlingModelIds() =>
        BundledModelIds(Path.Combine(AppContext.BaseDirectory, "package", "schema", "apiframe", "openapi.json")).Where(id => id.StartsWith("kling", StringComparison.Ordinal)).ToList();

    /// <summary>Every single-valued <c>model</c> of the document: the models it documents (the generator's own rule
    /// for what a model is, read independently of it).</summary>
    private static IEnumerable<string> BundledModelIds(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        Collect(json.RootElement, ids);
        return ids;

        static void Collect(JsonElement element, SortedSet<string> ids)
        {
            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, ids);
                }
            }

            if (element.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            if (element.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
                && properties.TryGetProperty("model", out var model) && model.ValueKind == JsonValueKind.Object)
            {
                if (model.TryGetProperty("const", out var single) && single.ValueKind == JsonValueKind.String)
                {
                    ids.Add(single.GetString()!);
                }
                else if (model.TryGetProperty("enum", out var values) && values.GetArrayLength() == 1)
                {
                    ids.Add(values[0].GetString()!);
                }
            }

            foreach (var member in element.EnumerateObject())
            {
                Collect(member.Value, ids);
            }
        }
    }
}
