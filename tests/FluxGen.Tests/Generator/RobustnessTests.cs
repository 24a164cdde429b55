using System.Text;
using FluxGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace FluxGen.Tests.Generator;

/// <summary>
/// Over ten thousand damaged schema files and OpenAPI documents go through the generator: no exception escapes, and
/// every one of them (each damage is chosen so the file is certainly broken) gets a diagnostic located in that file,
/// for a document on the damaged line. Every mutant keeps its <c>"x-apiframe"</c> or <c>"openapi"</c> marker: without
/// it a file does not claim to be ours and is rightly ignored. The documents are small (one model) to keep this fast.
/// </summary>
public class RobustnessTests(ITestOutputHelper output)
{
    private const int PerKind = 420;
    private const int DocumentPerKind = 1600;
    // Files per generator run. The driver's work grows faster than the number of schema files and documents in one
    // run (150 per run took 2.7 s a run, 20 take 0.25 s), and a project has a handful: small runs keep this at seconds.
    private const int Batch = 20;

    private static readonly string[] NumericKeywords = { "\"minimum\": ", "\"maximum\": ", "\"multipleOf\": ", "\"default\": 0.5", "\"default\": 90", "\"minLength\": ", "\"maxLength\": ", "\"minItems\": ", "\"averageSeconds\": " };
    private static readonly string[] HugeNumbers = { "1e999999", "-1e400", "1" + new string('0', 400), "1e-999999", "-" + new string('9', 500) };
    private static readonly string[] TypedKeywords = { "\"minimum\": ", "\"maximum\": ", "\"multipleOf\": ", "\"minLength\": ", "\"maxLength\": ", "\"minItems\": ", "\"type\": ", "\"enum\": ", "\"required\": ", "\"description\": ", "\"format\": ", "\"properties\": ", "\"items\": ", "\"endpoint\": " };
    private static readonly string[] DocumentNumericKeywords = { "\"minimum\": ", "\"maximum\": ", "\"multipleOf\": ", "\"default\": 0.5", "\"default\": 90", "\"minLength\": ", "\"maxLength\": ", "\"minItems\": " };
    private static readonly string[] DocumentTypedKeywords = { "\"minimum\": ", "\"maximum\": ", "\"multipleOf\": ", "\"minLength\": ", "\"maxLength\": ", "\"minItems\": ", "\"type\": ", "\"enum\": ", "\"required\": ", "\"description\": ", "\"format\": ", "\"properties\": ", "\"items\": ", "\"const\": " };
    private static readonly string[] WrongValues = { "\"text\"", "42", "true", "null", "[1, 2]", "{\"a\": 1}" };

    [Fact]
    public void DamagedSchemasNeverThrowAndAlwaysGetADiagnostic()
    {
        var random = new Random(20261124);
        var mutants = new List<(string Kind, string Path, SourceText Text, int Line)>();
        for (var i = 0; i < PerKind; i++)
        {
            mutants.Add(Mutant("truncated", mutants.Count, id => Truncate(Base(id), random)));
            mutants.Add(Mutant("swapped type", mutants.Count, id => SwapType(Base(id), random)));
            mutants.Add(Mutant("huge number", mutants.Count, id => HugeNumber(Base(id), random)));
            mutants.Add(Mutant("deep nesting", mutants.Count, id => DeepNesting(Base(id), random)));
            mutants.Add(NotUtf8(mutants.Count, random));
        }

        for (var i = 0; i < DocumentPerKind; i++)
        {
            mutants.Add(Mutant("document truncated", mutants.Count, id => Truncate(Document(id), random, "\"openapi\""), line: -1));
            mutants.Add(DocumentMutant("document swapped type", mutants.Count, random, DocumentTypedKeywords, swap: true));
            mutants.Add(DocumentMutant("document huge number", mutants.Count, random, DocumentNumericKeywords, swap: false));
            mutants.Add(Mutant("document deep nesting", mutants.Count, id => DeepNesting(Document(id), random), line: -1));
            mutants.Add(NotUtf8(mutants.Count, random, Document, "\"openapi\""));
        }

        // Chunks run side by side: each has its own compilation and driver, and the generator's caches are shared
        // across concurrent builds in the compiler server anyway. This test is the longest of the project, so it
        // otherwise ends the run on one core.
        var diagnosed = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        Parallel.ForEach(mutants.Chunk(Batch), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, chunk =>
        {
            var compilation = GeneratorHarness.Compilation(Array.Empty<string>());
            var driver = GeneratorHarness.Driver(chunk.Select(m => (AdditionalText)new SourceTextFile(m.Path, m.Text)));
            var result = driver.RunGenerators(compilation).GetRunResult();
            var run = result.Results.Single();
            Assert.Null(run.Exception);
            Assert.DoesNotContain(result.Diagnostics, d => d.Id is "CS8785" or "FLUXGEN007");
            foreach (var mutant in chunk)
            {
                // A damaged document member FluxGen can still carry as raw JSON is an Info (FLUXGEN040) at that
                // member, never an exception or silence; everything else is an error.
                var count = run.Diagnostics.Count(d => d.Location.GetLineSpan().Path == mutant.Path
                    && (d.Severity == DiagnosticSeverity.Error || d.Id == "FLUXGEN040")
                    && (mutant.Line < 0 || Covers(d, mutant.Line)));
                Assert.True(count > 0, $"{mutant.Kind} mutant got no diagnostic{(mutant.Line >= 0 ? $" on line {mutant.Line + 1}" : string.Empty)}:\n{mutant.Text}\n{string.Join("\n", run.Diagnostics.Where(d => d.Location.GetLineSpan().Path == mutant.Path))}");
                diagnosed.AddOrUpdate(mutant.Kind, 1, (_, seen) => seen + 1);
            }
        });

        Assert.True(mutants.Count >= 10_000);
        Assert.Equal(mutants.Count, diagnosed.Values.Sum());
        output.WriteLine($"{mutants.Count} mutants, each diagnosed: {string.Join(", ", diagnosed.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"))}");
    }

    private static (string Kind, string Path, SourceText Text, int Line) Mutant(string kind, int index, Func<string, string> make, int line = -1) =>
        (kind, $"/mutants/m{index}.json", SourceText.From(make($"m{index}"), Encoding.UTF8), line);

    private static string Base(string id) =>
        GeneratorHarness.FluxSchema.Replace("\"flux-1.1-pro\"", $"\"{id}\"");

    /// <summary>A one-model OpenAPI document: the seed schema as the only branch of a request body, behind a $ref.</summary>
    private static string Document(string id)
    {
        var schema = Base(id);
        var start = schema.IndexOf("\"x-apiframe\"", StringComparison.Ordinal);
        var end = schema.IndexOf('}', start) + 1;
        schema = schema[..start] + schema[(schema.IndexOf('"', end))..];
        return "{\n  \"openapi\": \"3.1.0\",\n  \"paths\": { \"/v2/images/generate\": { \"post\": { \"requestBody\": { \"content\": { \"application/json\": { \"schema\": { \"$ref\": \"#/components/schemas/Body\" } } } } } } },\n"
            + "  \"components\": { \"schemas\": { \"Body\": { \"oneOf\": [\n" + schema + "\n] } } }\n}\n";
    }

    private static (string, string, SourceText, int) DocumentMutant(string kind, int index, Random random, string[] keywords, bool swap)
    {
        var text = Document($"m{index}");
        var mutated = swap ? SwapType(text, random, keywords) : HugeNumber(text, random, keywords);
        var line = FirstDifferentLine(text, mutated);
        return (kind, $"/mutants/m{index}.json", SourceText.From(mutated, Encoding.UTF8), line);
    }

    private static int FirstDifferentLine(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        return a[..i].Count(c => c == '\n');
    }

    private static bool Covers(Diagnostic diagnostic, int line)
    {
        var span = diagnostic.Location.GetLineSpan();
        return span.StartLinePosition.Line <= line && line <= span.EndLinePosition.Line;
    }

    private static string Truncate(string text, Random random, string marker = "\"x-apiframe\"")
    {
        var start = text.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        return text[..random.Next(start, text.LastIndexOf('}'))];
    }

    private static string SwapType(string text, Random random, string[]? keywords = null)
    {
        keywords ??= TypedKeywords;
        var keyword = keywords[random.Next(keywords.Length)];
        var at = NthIndex(text, keyword, random);
        var valueStart = at + keyword.Length;
        var valueEnd = ValueEnd(text, valueStart);
        var current = text[valueStart];
        var candidates = WrongValues.Where(v => KindOf(v[0]) != KindOf(current)).ToArray();
        return text[..valueStart] + candidates[random.Next(candidates.Length)] + text[valueEnd..];
    }

    private static string HugeNumber(string text, Random random, string[]? keywords = null)
    {
        keywords ??= NumericKeywords;
        var keyword = keywords[random.Next(keywords.Length)];
        var at = NthIndex(text, keyword.Split(' ')[0] + " ", random);
        var valueStart = at + keyword.Split(' ')[0].Length + 1;
        return text[..valueStart] + HugeNumbers[random.Next(HugeNumbers.Length)] + text[ValueEnd(text, valueStart)..];
    }

    private static string DeepNesting(string text, Random random)
    {
        var depth = random.Next(65, 400);
        var open = random.Next(2) == 0 ? "[" : "{\"a\": ";
        var close = open == "[" ? "]" : "}";
        var nested = string.Concat(Enumerable.Repeat(open, depth)) + string.Concat(Enumerable.Repeat(close, depth));
        var at = text.IndexOf("\"properties\": {", StringComparison.Ordinal);
        return text[..at] + $"\"x-deep\": {nested},\n  " + text[at..];
    }

    private static (string, string, SourceText, int) NotUtf8(int index, Random random, Func<string, string>? make = null, string markerText = "\"x-apiframe\"")
    {
        var bytes = Encoding.UTF8.GetBytes((make ?? Base)($"m{index}")).ToList();
        var marker = Encoding.UTF8.GetString(bytes.ToArray()).IndexOf(markerText, StringComparison.Ordinal);
        int position;
        do
        {
            position = random.Next(1, bytes.Count - 1);
        }
        while (position > marker - 2 && position < marker + markerText.Length + 2);

        byte[][] invalid = { new byte[] { 0xFF }, new byte[] { 0xC3, 0x28 }, new byte[] { 0xE2, 0x82 }, new byte[] { 0x80, 0x80 }, new byte[] { 0xF8, 0x88, 0x80, 0x80, 0x80 } };
        bytes.InsertRange(position, invalid[random.Next(invalid.Length)]);
        using var stream = new MemoryStream(bytes.ToArray());
        return (make is null ? "not UTF-8" : "document not UTF-8", $"/mutants/m{index}.json", SourceText.From(stream), -1);
    }

    private static int NthIndex(string text, string keyword, Random random)
    {
        var positions = new List<int>();
        for (var i = text.IndexOf(keyword, StringComparison.Ordinal); i >= 0; i = text.IndexOf(keyword, i + 1, StringComparison.Ordinal))
        {
            positions.Add(i);
        }

        return positions[random.Next(positions.Count)];
    }

    private static int ValueEnd(string text, int start)
    {
        int depth = 0;
        var inString = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                    if (depth == 0)
                    {
                        return i + 1;
                    }
                }

                continue;
            }

            switch (c)
            {
                case '"': inString = true; break;
                case '[' or '{': depth++; break;
                case ']' or '}':
                    depth--;
                    if (depth == 0)
                    {
                        return i + 1;
                    }

                    if (depth < 0)
                    {
                        return i;
                    }

                    break;
                case ',' or '\n' when depth == 0:
                    return i;
            }
        }

        return text.Length;
    }

    private static char KindOf(char first) => first switch
    {
        '"' => 's',
        '[' => 'a',
        '{' => 'o',
        't' or 'f' => 'b',
        'n' => 'n',
        _ => 'd',
    };

    private sealed class SourceTextFile(string path, SourceText text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => text;
    }
}
