using Microsoft.CodeAnalysis.Completion;
using Microsoft.CodeAnalysis.QuickInfo;

namespace FluxGen.EditorTests;

/// <summary>What a user who types <c>new Kling</c> sees: every documented model, named in code or not.</summary>
public sealed class CompletionTests : IClassFixture<EditorProject>
{
    private readonly EditorProject _project;

    public CompletionTests(EditorProject project) => _project = project;

    private async Task<(CompletionList List, Microsoft.CodeAnalysis.Document Document)> CompleteAsync(string code)
    {
        var (document, caret) = _project.Open(code);
        var service = CompletionService.GetService(document)!;
        return (await service.GetCompletionsAsync(document, caret), document);
    }

    [Theory]
    [InlineData("Kling", "Kling30OmniRequest", "kling-3.0-omni", "Kling30OmniParams")]
    [InlineData("Seedream", "Seedream45Request", "seedream-4.5", null)]
    [InlineData("Veo", "Veo31Request", "veo-3.1", null)]
    public async Task NewOffersADocumentedModelTheCodeHasNotNamed(string typed, string request, string modelId, string? parameters)
    {
        var (list, document) = await CompleteAsync($$"""
            using Apiframe;

            public static class Program
            {
                public static object Make() => new {{typed}}$$;
            }
            """);

        var names = list.ItemsList.Select(i => i.DisplayText).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("Flux11ProRequest", names); // the generator ran: the schema file's model is always written
        Console.WriteLine($"completion after 'new {typed}': " + string.Join(", ", names.Where(n => n.StartsWith(typed, StringComparison.Ordinal)).Order(StringComparer.Ordinal)));
        Assert.Contains(request, names);
        if (parameters is not null)
        {
            Assert.Contains(parameters, names);
        }

        var item = list.ItemsList.First(i => i.DisplayText == request);
        var description = (await CompletionService.GetService(document)!.GetDescriptionAsync(document, item))!.Text;
        Assert.Contains(modelId, description, StringComparison.Ordinal);
    }
}
