using FluxGen.Analysis;
using FluxGen.Analysis.Dependencies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FluxGen.Tests.OpenApi;

/// <summary>The analyzers on the LoRA form and the action requests, as on models: constants out of the document's
/// range are flagged where they are written, and the rule its words state (a person needs a gender and an ethnicity)
/// is a compile-time error.</summary>
public class OperationAnalyzerTests
{
    private const string Code = """
        using Apiframe;

        public static class Usage
        {
            private static readonly ApiframeFile F = ApiframeFile.FromBytes(new byte[] { 1 }, "a.png");

            public static object[] Make(string parent, ApiframeFile[] fifteen) => new object[]
            {
                new CreateLoraRequest("me", fifteen) { SubjectKind = CreateLoraSubjectKind.Style, Steps = /*a*/5000 },
                new CreateLoraRequest("me", /*b*/[F, F, F, F, F, F, F, F, F, F, F, F, F, F, F, F, F, F, F, F, F, F, F, F, F, F, F, F, F, F, F]) { SubjectKind = CreateLoraSubjectKind.Object },
                new MidjourneyUpsampleRequest(parent, /*c*/5),
                new SunoExtendRequest(parent) { Index = /*d*/3 },
                new CreateLoraRequest("me", fifteen) { /*e*/SubjectKind = CreateLoraSubjectKind.Person, Gender = CreateLoraGender.Female },
                /*f*/new CreateLoraRequest("me", fifteen) { Ethnicity = "any" },
                new CreateLoraRequest("me", fifteen) { /*g*/SubjectKind = null, Gender = CreateLoraGender.Male, Ethnicity = null },

                // Valid: every rule met.
                new CreateLoraRequest("me", fifteen) { SubjectKind = CreateLoraSubjectKind.Person, Gender = CreateLoraGender.Female, Ethnicity = "any", Steps = 3000 },
                new CreateLoraRequest("me", fifteen) { Gender = CreateLoraGender.NonBinary, Ethnicity = "any" },
                new CreateLoraRequest("me", fifteen) { SubjectKind = CreateLoraSubjectKind.Style },
                new CreateLoraRequest("me", [F, F, F, F, F, F, F, F, F, F, F, F, F, F, F]) { SubjectKind = CreateLoraSubjectKind.Object },
                new MidjourneyUpsampleRequest(parent, 4),
                new SunoExtendRequest(parent) { Index = 2 },
            };
        }
        """;

    [Fact]
    public async Task LoraAndActionConstantsAreCheckedAsModelsAre()
    {
        var outcome = OpenApiModelTests.RunDocument(options: new Dictionary<string, string>(), sources: new[] { Code });
        Assert.Empty(outcome.CompileDiagnostics);
        var diagnostics = await outcome.Output.WithAnalyzers([new SchemaValueAnalyzer(), new DependentMemberAnalyzer()]).GetAnalyzerDiagnosticsAsync();

        var found = diagnostics
            .Select(d => (d.Id, Marker: Marker(d)))
            .OrderBy(d => d.Marker, StringComparer.Ordinal)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(
            new[] { ("FLUX002", "a"), ("FLUX008", "b"), ("FLUX041", "c"), ("FLUX041", "d"), ("FLUX052", "e"), ("FLUX052", "f"), ("FLUX052", "g") },
            found);

        var person = diagnostics.Single(d => Marker(d) == "e");
        Assert.Equal("'subjectKind' is 'CreateLoraSubjectKind.Person', so 'ethnicity' must be set", person.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DiagnosticSeverity.Error, person.Severity);
    }

    /// <summary>The /*x*/ marker just before the flagged code.</summary>
    private static string Marker(Diagnostic diagnostic)
    {
        var text = diagnostic.Location.SourceTree!.GetText().ToString();
        var start = diagnostic.Location.SourceSpan.Start;
        return text.Substring(start - 3, 1);
    }
}
