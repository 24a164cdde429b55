using System.Text;
using FluxGen.Schema;
using FluxGen.Schema.Model;
using FluxGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Text;

namespace FluxGen.Tests.OpenApi;

/// <summary>The model list in README.md and the package readme is the bundled documents' models as the generator
/// reads them; these tests fail when the two disagree. Set <c>FLUXGEN_UPDATE_MODEL_TABLE=1</c> to rewrite the
/// lists from the documents.</summary>
public class ModelTableTests
{
    private const string Begin = "<!-- fluxgen:models:begin (written from the bundled documents; ModelTableTests checks it) -->";
    private const string End = "<!-- fluxgen:models:end -->";

    /// <summary>One row per model id, a schema file's model before the document's (as the generator settles a
    /// claim), sorted by id.</summary>
    internal static string Table(IEnumerable<(string Path, string Text)> documents)
    {
        var models = new SortedDictionary<string, ModelSpec>(StringComparer.Ordinal);
        foreach (var (path, text) in documents)
        {
            foreach (var parsed in SchemaReader.ReadAll(path, SourceText.From(text), CancellationToken.None))
            {
                if (parsed.Model is { Operation: null } model && (!models.ContainsKey(model.ModelId) || !parsed.FromDocument))
                {
                    models[model.ModelId] = model;
                }
            }
        }

        var table = new StringBuilder();
        table.Append("| Model id | Modality | Endpoint | Request type | Params type |\n|---|---|---|---|---|\n");
        foreach (var model in models.Values)
        {
            var parameters = model.ParamsKey is { } key ? model.Request.Properties.FirstOrDefault(p => p.JsonName == key)?.Value.TypeName : null;
            table.Append($"| `{model.ModelId}` | {model.Modality ?? "—"} | `{model.Endpoint}` | `{model.Request.TypeName}` | {(parameters is null ? "—" : $"`{parameters}`")} |\n");
        }

        return table.ToString();
    }

    private static string Bundled() => Table(new[] { (GeneratorHarness.OpenApiPath, GeneratorHarness.OpenApi), (GeneratorHarness.FluxSchemaPath, GeneratorHarness.FluxSchema) });

    private static string Listed(string file)
    {
        var text = File.ReadAllText(file).ReplaceLineEndings("\n");
        var begin = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, $"{file} has no model list between '{Begin}' and '{End}'");
        return text.Substring(begin + Begin.Length, end - begin - Begin.Length).Trim('\n') + "\n";
    }

    [Theory]
    [InlineData("README.md")]
    [InlineData("src/FluxGen.Package/PACKAGE.md")]
    public void TheReadmesModelListIsTheBundledDocumentsModels(string relative)
    {
        var file = Path.Combine(Analysis.AllDescriptorsTests.FindRepositoryRoot(), relative);
        var expected = Bundled();
        if (Environment.GetEnvironmentVariable("FLUXGEN_UPDATE_MODEL_TABLE") == "1")
        {
            var text = File.ReadAllText(file).ReplaceLineEndings("\n");
            var begin = text.IndexOf(Begin, StringComparison.Ordinal) + Begin.Length;
            File.WriteAllText(file, text.Substring(0, begin) + "\n" + expected + text.Substring(text.IndexOf(End, StringComparison.Ordinal)));
        }

        Assert.Equal(expected, Listed(file));
        Assert.Equal(OpenApiModelTests.DocumentModels, expected.Split('\n').Count(l => l.StartsWith("| `", StringComparison.Ordinal)));
    }

    [Fact]
    public void AModelTheDocumentChangesMakesTheListDisagree()
    {
        var listed = Listed(Path.Combine(Analysis.AllDescriptorsTests.FindRepositoryRoot(), "README.md"));

        var renamed = Table(new[] { (GeneratorHarness.OpenApiPath, GeneratorHarness.OpenApi.Replace("\"veo-3.1-lite\"", "\"veo-3.2-lite\"", StringComparison.Ordinal)), (GeneratorHarness.FluxSchemaPath, GeneratorHarness.FluxSchema) });

        Assert.NotEqual(listed, renamed);
        Assert.Contains("`veo-3.2-lite`", renamed, StringComparison.Ordinal);
    }
}
