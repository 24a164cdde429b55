using FluxGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace FluxGen.Tests.OpenApi;

/// <summary>The document's bodies that are not models (the Midjourney and Suno action unions, the asset and LoRA
/// calls): typed like models, written when named, and sent through the client.</summary>
public class OperationRecordTests
{
    /// <summary>Nine action branches, the asset body and the LoRA form.</summary>
    public const int DocumentOperations = 11;

    internal const string Actions = """
        using Apiframe;
        public static class UsesActions
        {
            public static IApiframeRequest[] All(string parent) =>
            [
                new MidjourneyUpsampleRequest(parent, 2),
                new MidjourneyVariationRequest(parent, 1),
                new MidjourneyInpaintRequest(parent, "bWFzaw==") { Prompt = "a hat" },
                new MidjourneyOutpaintRequest(parent, 1.5),
                new MidjourneyPanRequest(parent, MidjourneyPanDirection.Left),
                new SunoExtendRequest(parent) { Index = 1, ContinueAt = 30 },
                new SunoCoverRequest(parent) { AudioWeight = 0.5 },
                new SunoAddVocalsRequest(parent, "la la la"),
                new SunoStemsRequest(parent) { TrackId = "t1" },
            ];
        }
        """;

    private static RunOutcome Run(params string[] sources) =>
        OpenApiModelTests.RunDocument(options: new Dictionary<string, string>(), sources: sources);

    [Fact]
    public void EveryActionBranchIsARequestWithItsActionFixedAndItsRequiredMembersInTheConstructor()
    {
        var outcome = Run(Actions);
        Assert.Empty(outcome.CompileDiagnostics);
        var upsample = outcome.Source("MidjourneyUpsample.Request.g.cs");
        Assert.Contains("public string Action => \"upsample\";", upsample);
        Assert.Contains("int index", upsample);
        Assert.Contains("global::Apiframe.IApiframeRequest", upsample);
        Assert.Contains("new global::Apiframe.ApiframeModelInfo(\n            \"midjourney\",\n            \"/v2/images/midjourney/action\"", upsample.Replace("\r", string.Empty));
        Assert.Contains("\"suno\"", outcome.Source("SunoExtend.Request.g.cs"));

        // Written only when named; until then a light form offers it to completion, as a model's does.
        Assert.DoesNotContain(outcome.Sources, s => s.HintName.StartsWith("CreateLora", StringComparison.Ordinal));
        var forms = outcome.Source(Emit.LightForms.LightFormOutput.HintName);
        Assert.DoesNotContain("class MidjourneyUpsampleRequest", forms);
        Assert.Contains("The body of <c>ApiframeClient.CreateLoraAsync</c>, posted to <c>/v2/loras</c>.", forms);
        Assert.Contains("internal sealed partial class CreateLoraRequest { }", forms);
    }

    [Fact]
    public void AnActionRequestIsCheckedAndWrittenWithItsAction()
    {
        var outcome = Run(Actions);
        var assembly = outcome.Load();
        var type = assembly.GetType("Apiframe.MidjourneyUpsampleRequest")!;
        var request = Activator.CreateInstance(type, "0f8fad5b-d9cb-469f-a165-70867728950e", 2)!;
        Assert.Equal("""{"action":"upsample","parentJobId":"0f8fad5b-d9cb-469f-a165-70867728950e","index":2}""", (string)type.GetMethod("ToJson")!.Invoke(request, null)!);

        var bad = Activator.CreateInstance(type, "not-a-uuid", 5)!;
        var error = Assert.Throws<System.Reflection.TargetInvocationException>(() => type.GetMethod("Validate")!.Invoke(bad, null));
        Assert.Contains("index", error.InnerException!.Message, StringComparison.Ordinal);
        Assert.Contains("parentJobId", error.InnerException!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheAssetRequestHasItsOwnEnumAndAClientMethodThatReturnsTheId()
    {
        var outcome = Run("""
            using Apiframe;
            public static class UsesAssets
            {
                public static System.Threading.Tasks.Task<string> Create(ApiframeClient client) =>
                    client.CreateAssetAsync(new CreateAssetRequest("https://example.com/a.png", CreateAssetType.Image));
            }
            """);
        Assert.Empty(outcome.CompileDiagnostics);
        Assert.Contains("public static global::System.Threading.Tasks.Task<string> CreateAssetAsync(", outcome.Source("CreateAsset.RequestClientExtensions.g.cs"));
    }
}

/// <summary>The LoRA form: files, the document's counts and its rule in words.</summary>
public class LoraFormRecordTests
{
    internal const string Lora = """
        using Apiframe;
        public static class UsesLoras
        {
            public static ApiframeFile[] Images(int count)
            {
                var images = new ApiframeFile[count];
                for (var i = 0; i < images.Length; i++)
                {
                    images[i] = ApiframeFile.FromBytes(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, $"face{i}.png");
                }

                return images;
            }

            public static CreateLoraRequest Person(int count) =>
                new CreateLoraRequest("me", Images(count)) { SubjectKind = CreateLoraSubjectKind.Person, Gender = CreateLoraGender.Female, Ethnicity = "any", Steps = 1000 };

            public static CreateLoraRequest Style(int count) => new CreateLoraRequest("brush", Images(count)) { SubjectKind = CreateLoraSubjectKind.Style };

            public static CreateLoraRequest Unset(int count) => new CreateLoraRequest("me", Images(count)) with { Gender = CreateLoraGender.Male };

            public static System.Threading.Tasks.Task<ApiframeLora> Create(ApiframeClient client) => client.CreateLoraAsync(Person(15));
        }
        """;

    private static readonly Lazy<RunOutcome> Outcome = new(() => OpenApiModelTests.RunDocument(options: new Dictionary<string, string>(), sources: new[] { Lora }));

    private static string? Violations(string method, int count)
    {
        var type = Outcome.Value.Load().GetType("UsesLoras")!;
        var request = type.GetMethod(method)!.Invoke(null, new object[] { count })!;
        try
        {
            request.GetType().GetMethod("Validate")!.Invoke(request, null);
            return null;
        }
        catch (System.Reflection.TargetInvocationException e)
        {
            return e.InnerException!.Message;
        }
    }

    [Fact]
    public void TheFormIsARecordWhoseImagesAreFilesCountedByTheDocument()
    {
        Assert.Empty(Outcome.Value.CompileDiagnostics);
        var source = Outcome.Value.Source("CreateLora.Request.g.cs");
        Assert.Contains("public CreateLoraRequest(", source);
        Assert.Contains("global::System.Collections.Generic.IReadOnlyList<global::Apiframe.ApiframeFile> images)", source);
        Assert.Contains("SchemaItems(MinItems = 15, MaxItems = 30)", source);
        Assert.Contains("public void WriteTo(global::Apiframe.ApiframeForm form)", source);
        Assert.DoesNotContain("Utf8JsonWriter", source);
        Assert.Contains("CreateLoraAsync(", Outcome.Value.Source("CreateLora.RequestClientExtensions.g.cs"));
    }

    [Fact]
    public void ValidateCountsTheImagesAndAppliesTheRuleTheDocumentStatesInWords()
    {
        Assert.Null(Violations("Person", 15));
        Assert.Null(Violations("Style", 30));
        Assert.Contains("images", Violations("Person", 14)!, StringComparison.Ordinal);
        Assert.Contains("images", Violations("Style", 31)!, StringComparison.Ordinal);

        // subjectKind defaults to person, so an unset kind needs the person's members too, as the server says.
        var unset = Violations("Unset", 15)!;
        Assert.Contains("ethnicity is required when subjectKind is 'person'", unset, StringComparison.Ordinal);
        Assert.DoesNotContain("gender is required", unset, StringComparison.Ordinal);
    }
}
