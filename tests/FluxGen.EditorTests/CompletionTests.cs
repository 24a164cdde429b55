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

        var service = CompletionService.GetService(document)!;
        var item = list.ItemsList.First(i => i.DisplayText == request);
        var description = (await service.GetDescriptionAsync(document, item))!.Text;
        Console.WriteLine($"description of {request}: {description}");
        Assert.Contains(modelId, description, StringComparison.Ordinal);
        Assert.Contains("posted to", description, StringComparison.Ordinal);

        // Accepting the item names the model, and the generator writes it in full: the type now has members.
        var change = await service.GetChangeAsync(document, item);
        var accepted = document.WithText((await document.GetTextAsync()).WithChanges(change.TextChange));
        var compilation = (await accepted.Project.GetCompilationAsync())!;
        var type = compilation.GetTypeByMetadataName("Apiframe." + request)!;
        Assert.Contains(type.GetMembers(), m => m.Name == "ToJson");
        Assert.True(type.IsRecord);
    }

    [Fact]
    public async Task OnceNamedTheModelIsFullAndItsInitializerOffersItsMembers()
    {
        var (list, _) = await CompleteAsync("""
            using Apiframe;

            public static class Program
            {
                public static object Make() => new Kling30OmniParams { $$ };
            }
            """);

        var names = list.ItemsList.Select(i => i.DisplayText).Order(StringComparer.Ordinal).ToList();
        Console.WriteLine("completion inside 'new Kling30OmniParams { }': " + string.Join(", ", names));
        Assert.Contains("Duration", names);
        Assert.Contains("AspectRatio", names);
        Assert.Contains("NegativePrompt", names);
    }

    [Fact]
    public async Task HoverOnANamedModelsMemberShowsItsDescriptionRangeAndDefault()
    {
        var (document, caret) = _project.Open("""
            using Apiframe;

            public static class Program
            {
                public static object Make() => new Flux11ProParams { Output$$Quality = 90 };
                public static object Video() => new Kling30OmniParams { Duration = 5 };
            }
            """);
        var service = QuickInfoService.GetService(document)!;

        var quality = await QuickInfoAsync(service, document, caret);
        Console.WriteLine("hover on OutputQuality: " + quality);
        Assert.Contains("Encoding quality of the output image", quality, StringComparison.Ordinal);
        Assert.Contains("From 0 to 100", quality, StringComparison.Ordinal);
        Assert.Contains("Default 90", quality, StringComparison.Ordinal);

        var text = (await document.GetTextAsync()).ToString();
        var duration = await QuickInfoAsync(service, document, text.IndexOf("Duration", StringComparison.Ordinal) + 2);
        Console.WriteLine("hover on Kling30OmniParams.Duration: " + duration);
        Assert.Contains("From 3 to 15", duration, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HoverOnAModelNotYetNamedShowsItsSummary()
    {
        var (document, caret) = _project.Open("""
            public static class Program
            {
                public static string Name() => nameof(Apiframe.Veo3$$Request);
            }
            """);

        var info = await QuickInfoAsync(QuickInfoService.GetService(document)!, document, caret);

        Assert.Contains("veo-3", info, StringComparison.Ordinal);
    }

    private static async Task<string> QuickInfoAsync(QuickInfoService service, Microsoft.CodeAnalysis.Document document, int position)
    {
        var info = await service.GetQuickInfoAsync(document, position);
        Assert.NotNull(info);
        return string.Join(" | ", info.Sections.Select(s => s.Text));
    }
}
