using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Host.Mef;
using Microsoft.CodeAnalysis.Text;

namespace FluxGen.EditorTests;

/// <summary>
/// A console project with only FluxGen, opened as an IDE's Roslyn host opens it: an <see cref="AdhocWorkspace"/>
/// with the C# Features services, the FluxGen assemblies as analyzer references loaded from disk, and the bundled
/// OpenAPI document plus the Flux schema as additional files. One project is built per test class and each test
/// forks it with its own code, so the generator's incremental state is shared.
/// </summary>
public sealed class EditorProject : IDisposable
{
    private static readonly Lazy<MefHostServices> Host = new(() => MefHostServices.Create(MefHostServices.DefaultAssemblies
        .Add(typeof(Microsoft.CodeAnalysis.Completion.CompletionService).Assembly)
        .Add(Assembly.Load("Microsoft.CodeAnalysis.CSharp.Features"))
        .Distinct()));

    public EditorProject()
    {
        Workspace = new AdhocWorkspace(Host.Value);
        var id = ProjectId.CreateNewId("Consumer");
        var info = ProjectInfo.Create(
                id,
                VersionStamp.Create(),
                "Consumer",
                "Consumer",
                LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Parse),
                metadataReferences: FrameworkReferences(),
                analyzerReferences: FluxGenAssemblies.References);
        var solution = Workspace.CurrentSolution.AddProject(info);
        foreach (var schema in new[] { Path.Combine("package", "schema", "apiframe", "openapi.json"), Path.Combine("package", "schema", "flux-1.1-pro.json") })
        {
            var path = Path.Combine(AppContext.BaseDirectory, schema);
            solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(id), Path.GetFileName(path), SourceText.From(File.ReadAllText(path)), filePath: path);
        }

        if (!Workspace.TryApplyChanges(solution))
        {
            throw new InvalidOperationException("The workspace refused the project.");
        }

        ProjectId = id;
    }

    public AdhocWorkspace Workspace { get; }

    public ProjectId ProjectId { get; }

    public Project Project => Workspace.CurrentSolution.GetProject(ProjectId)!;

    /// <summary>The project with <paramref name="code"/> as its one source file, and where <c>$$</c> marked the caret.</summary>
    public (Document Document, int Caret) Open(string code)
    {
        var caret = code.IndexOf("$$", StringComparison.Ordinal);
        var text = caret < 0 ? code : code.Remove(caret, 2);
        var document = Project.AddDocument("Program.cs", SourceText.From(text), filePath: Path.Combine(AppContext.BaseDirectory, "Program.cs"));
        return (document, caret);
    }

    /// <summary>The compiler's diagnostics of <paramref name="document"/>'s project and, when asked (they take most
    /// of the time), FluxGen's analyzers' too.</summary>
    public static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Document document, bool withAnalyzers)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        if (!withAnalyzers)
        {
            return compilation.GetDiagnostics();
        }

        var analyzers = document.Project.AnalyzerReferences.SelectMany(r => r.GetAnalyzers(LanguageNames.CSharp)).ToImmutableArray();
        var analyzed = await compilation.WithAnalyzers(analyzers, document.Project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
        return compilation.GetDiagnostics().Concat(analyzed).ToImmutableArray();
    }

    public void Dispose() => Workspace.Dispose();

    private static ImmutableArray<MetadataReference> FrameworkReferences()
    {
        var metadata = typeof(EditorProject).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
        var folder = Path.Combine(metadata["NuGetPackageRoot"]!, "microsoft.netcore.app.ref", metadata["NetCoreRef10Version"]!, "ref", "net10.0");
        return Directory.GetFiles(folder, "*.dll").Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray();
    }
}

/// <summary>The built FluxGen assemblies, loaded from the code-fix project's output as an IDE loads a package's.</summary>
public static class FluxGenAssemblies
{
    private static readonly Lazy<ImmutableArray<AnalyzerReference>> All = new(() =>
    {
        var loader = new DefaultContextLoader();
        return Paths.Select(path => (AnalyzerReference)new AnalyzerFileReference(path, loader)).ToImmutableArray();
    });

    /// <summary>The generator's and the code fixes' assembly files, as the package ships them in analyzers/dotnet/cs.</summary>
    public static ImmutableArray<string> Paths { get; } = ReadPaths();

    public static ImmutableArray<AnalyzerReference> References => All.Value;

    /// <summary>Every code-fix provider the FluxGen code-fix assembly exports.</summary>
    public static ImmutableArray<CodeFixProvider> CodeFixes { get; } = Assembly.LoadFrom(((AnalyzerFileReference)References[1]).FullPath)
        .GetTypes()
        .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    private static ImmutableArray<string> ReadPaths()
    {
        var folder = typeof(FluxGenAssemblies).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "FluxGenAssemblyFolder").Value!;
        return [Path.Combine(folder, "FluxGen.dll"), Path.Combine(folder, "FluxGen.CodeFixes.dll")];
    }

    /// <summary>Loads into the default context, where this process's Roslyn already is: the FluxGen assemblies bind
    /// to it, as they bind to the compiler's or the IDE's Roslyn.</summary>
    private sealed class DefaultContextLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
