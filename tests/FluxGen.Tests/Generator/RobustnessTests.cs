using System.Text;
using FluxGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace FluxGen.Tests.Generator;

/// <summary>
/// Thousands of damaged schema files go through the generator: no exception escapes, and every one of them (each
/// damage is chosen so the file is certainly broken) gets a diagnostic located in that file. Every mutant keeps its
/// <c>"x-apiframe"</c> marker: without it a file does not claim to be a schema and is rightly ignored.
/// </summary>
public class RobustnessTests(ITestOutputHelper output)
{
    private const int PerKind = 420;
    private const int Batch = 150;

    private static readonly string[] NumericKeywords = { "\"minimum\": ", "\"maximum\": ", "\"multipleOf\": ", "\"default\": 0.5", "\"default\": 90", "\"minLength\": ", "\"maxLength\": ", "\"minItems\": ", "\"averageSeconds\": " };
    private static readonly string[] HugeNumbers = { "1e999999", "-1e400", "1" + new string('0', 400), "1e-999999", "-" + new string('9', 500) };
    private static readonly string[] TypedKeywords = { "\"minimum\": ", "\"maximum\": ", "\"multipleOf\": ", "\"minLength\": ", "\"maxLength\": ", "\"minItems\": ", "\"type\": ", "\"enum\": ", "\"required\": ", "\"description\": ", "\"format\": ", "\"properties\": ", "\"items\": ", "\"endpoint\": " };
    private static readonly string[] WrongValues = { "\"text\"", "42", "true", "null", "[1, 2]", "{\"a\": 1}" };

    [Fact]
    public void DamagedSchemasNeverThrowAndAlwaysGetADiagnostic()
    {
        var random = new Random(20261124);
        var mutants = new List<(string Kind, string Path, SourceText Text)>();
        for (var i = 0; i < PerKind; i++)
        {
            mutants.Add(Mutant("truncated", mutants.Count, id => Truncate(Base(id), random)));
            mutants.Add(Mutant("swapped type", mutants.Count, id => SwapType(Base(id), random)));
            mutants.Add(Mutant("huge number", mutants.Count, id => HugeNumber(Base(id), random)));
            mutants.Add(Mutant("deep nesting", mutants.Count, id => DeepNesting(Base(id), random)));
            mutants.Add(NotUtf8(mutants.Count, random));
        }

        var diagnosed = new Dictionary<string, int>();
        foreach (var chunk in mutants.Chunk(Batch))
        {
            var compilation = GeneratorHarness.Compilation(Array.Empty<string>());
            var driver = GeneratorHarness.Driver(chunk.Select(m => (AdditionalText)new SourceTextFile(m.Path, m.Text)));
            var result = driver.RunGenerators(compilation).GetRunResult();
            var run = result.Results.Single();
            Assert.Null(run.Exception);
            Assert.DoesNotContain(result.Diagnostics, d => d.Id is "CS8785" or "FLUXGEN007");
            foreach (var mutant in chunk)
            {
                var count = run.Diagnostics.Count(d => d.Location.GetLineSpan().Path == mutant.Path && d.Severity == DiagnosticSeverity.Error);
                Assert.True(count > 0, $"{mutant.Kind} mutant got no diagnostic:\n{mutant.Text}");
                diagnosed[mutant.Kind] = diagnosed.GetValueOrDefault(mutant.Kind) + 1;
            }
        }

        Assert.True(mutants.Count >= 2000);
        output.WriteLine($"{mutants.Count} mutants, each diagnosed: {string.Join(", ", diagnosed.Select(p => $"{p.Key} {p.Value}"))}");
    }

    private static (string, string, SourceText) Mutant(string kind, int index, Func<string, string> make) =>
        (kind, $"/mutants/m{index}.json", SourceText.From(make($"m{index}"), Encoding.UTF8));

    private static string Base(string id) =>
        GeneratorHarness.FluxSchema.Replace("\"flux-1.1-pro\"", $"\"{id}\"");

    private static string Truncate(string text, Random random)
    {
        var start = text.IndexOf("\"x-apiframe\"", StringComparison.Ordinal) + 12;
        return text[..random.Next(start, text.LastIndexOf('}'))];
    }

    private static string SwapType(string text, Random random)
    {
        var keyword = TypedKeywords[random.Next(TypedKeywords.Length)];
        var at = NthIndex(text, keyword, random);
        var valueStart = at + keyword.Length;
        var valueEnd = ValueEnd(text, valueStart);
        var current = text[valueStart];
        var candidates = WrongValues.Where(v => KindOf(v[0]) != KindOf(current)).ToArray();
        return text[..valueStart] + candidates[random.Next(candidates.Length)] + text[valueEnd..];
    }

    private static string HugeNumber(string text, Random random)
    {
        var keyword = NumericKeywords[random.Next(NumericKeywords.Length)];
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

    private static (string, string, SourceText) NotUtf8(int index, Random random)
    {
        var bytes = Encoding.UTF8.GetBytes(Base($"m{index}")).ToList();
        var marker = Encoding.UTF8.GetString(bytes.ToArray()).IndexOf("\"x-apiframe\"", StringComparison.Ordinal);
        int position;
        do
        {
            position = random.Next(1, bytes.Count - 1);
        }
        while (position > marker - 2 && position < marker + 14);

        byte[][] invalid = { new byte[] { 0xFF }, new byte[] { 0xC3, 0x28 }, new byte[] { 0xE2, 0x82 }, new byte[] { 0x80, 0x80 }, new byte[] { 0xF8, 0x88, 0x80, 0x80, 0x80 } };
        bytes.InsertRange(position, invalid[random.Next(invalid.Length)]);
        using var stream = new MemoryStream(bytes.ToArray());
        return ("not UTF-8", $"/mutants/m{index}.json", SourceText.From(stream));
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
