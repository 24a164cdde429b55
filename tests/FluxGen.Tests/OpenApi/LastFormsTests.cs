using System.Collections.Immutable;
using FluxGen.Emit.LightForms;

namespace FluxGen.Tests.OpenApi;

/// <summary>The light forms of the last run are reused by a new driver over the same parse results (LastForms keeps
/// them process-wide, so this runs alone: another test's run would replace them between two calls).</summary>
[Collection(nameof(LastFormsCollection))]
public class LastFormsTests
{
    private static readonly IReadOnlyDictionary<string, string> Unset = new Dictionary<string, string>();

    [Fact]
    public void ANewDriverOverTheSameParseResultsReusesTheLastFormsAndAnEditRedoesThem()
    {
        // What a command-line build does each time: a new driver over the parse results the server kept.
        var results = OpenApiModelTests.RunDocument(options: Unset, sources: new[] { "public static class Nothing { }" }, withFluxSchema: false)
            .RunResult.Results.Single().TrackedSteps[FluxGenGenerator.Steps.Parse].SelectMany(s => s.Outputs).Select(o => (FluxGen.Schema.Model.SchemaParseResult)o.Value)
            .ToImmutableArray();

        var first = LastForms.Models(results);
        var again = LastForms.Models(ImmutableArray.CreateRange(results));
        Assert.Equal(OpenApiModelTests.DocumentModels + OperationRecordTests.DocumentOperations, first.Count);
        Assert.True(first.AsImmutableArray() == again.AsImmutableArray(), "the same objects give the same models");

        var input = new LightFormInput(first, "Apiframe", Embedded: true, DefinesEmbedded: false);
        var text = LastForms.Text(input);
        Assert.Same(text, LastForms.Text(input with { }));
        Assert.NotSame(text, LastForms.Text(input with { Namespace = "Other" }));
        Assert.Contains("namespace Other", LastForms.Text(input with { Namespace = "Other" }));

        // One result that is not the same object (a re-read) redoes the models.
        var reread = results.SetItem(0, results[0] with { });
        Assert.False(LastForms.Models(reread).AsImmutableArray() == first.AsImmutableArray());
        Assert.Equal(first, LastForms.Models(reread));
    }
}

[CollectionDefinition(nameof(LastFormsCollection), DisableParallelization = true)]
public sealed class LastFormsCollection;
