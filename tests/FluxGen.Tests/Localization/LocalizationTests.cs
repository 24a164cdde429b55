using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using FluxGen.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FluxGen.Tests.Localization;

/// <summary>Every FLUX and FLUXGEN title and message is a resource in English and Japanese; the culture asked for
/// is the language a diagnostic is written in.</summary>
public partial class LocalizationTests
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;
    private static readonly CultureInfo Japanese = new("ja-JP");

    /// <summary>Every descriptor FluxGen has: the fields of <see cref="Descriptors"/> and whatever any analyzer in
    /// the assembly supports, so a descriptor declared anywhere is found.</summary>
    public static TheoryData<string> AllDescriptorIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in AllDescriptors().Keys.Order(StringComparer.Ordinal))
        {
            data.Add(id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllDescriptorIds))]
    public void Every_descriptor_reads_its_title_and_message_from_the_resources_in_both_languages(string id)
    {
        var descriptor = AllDescriptors()[id];
        var japanese = Descriptors.Messages.GetResourceSet(Japanese, createIfNotExists: true, tryParents: true)!;

        foreach (var (text, part) in new[] { (descriptor.Title, "Title"), (descriptor.MessageFormat, "Message") }
            .Concat(descriptor.Description.ToString(English).Length > 0 ? [(descriptor.Description, "Description")] : []))
        {
            Assert.True(text is LocalizableResourceString, $"{id} {part} is a plain string; add {id}_{part} to Resources/DiagnosticMessages.resx and .ja.resx and build the descriptor with Descriptors.Localized.");
            var english = text.ToString(English);
            var translated = text.ToString(Japanese);
            Assert.False(string.IsNullOrWhiteSpace(english), $"{id}_{part} has no English text");
            Assert.Equal(translated, japanese.GetString($"{id}_{part}"));
            Assert.NotEqual(english, translated);
            Assert.Equal(Placeholders(english), Placeholders(translated));
        }
    }

    [Fact]
    public void Every_english_resource_has_a_japanese_translation_and_no_other()
    {
        var english = Descriptors.Messages.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
        var japanese = Descriptors.Messages.GetResourceSet(Japanese, createIfNotExists: true, tryParents: false)
            ?? Descriptors.Messages.GetResourceSet(new CultureInfo("ja"), createIfNotExists: true, tryParents: false)!;
        var translated = japanese.Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);

        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), translated.Keys.Order(StringComparer.Ordinal));
        Assert.All(english, entry =>
        {
            Assert.NotEqual(entry.Value, translated[entry.Key]);
            Assert.Equal(Placeholders(entry.Value), Placeholders(translated[entry.Key]));
        });
    }

    [Fact]
    public void The_rules_speak_japanese_when_asked_and_english_otherwise()
    {
        Assert.Equal("値がスキーマの最大値を超えています", Descriptors.AboveMaximum.Title.ToString(new CultureInfo("ja")));
        Assert.Equal("'{0}' は {2} である必要がありますが、{1} です", Descriptors.AboveMaximum.MessageFormat.ToString(new CultureInfo("ja")));
        Assert.Equal("Value is above the schema maximum", Descriptors.AboveMaximum.Title.ToString(English));
        Assert.Equal("'{0}' must be {2}, but is {1}", Descriptors.AboveMaximum.MessageFormat.ToString(new CultureInfo("en-US")));

        // A culture without a translation falls back to English, as the compiler's own messages do.
        Assert.Equal("Value is above the schema maximum", Descriptors.AboveMaximum.Title.ToString(new CultureInfo("fr-FR")));
    }

    [Fact]
    public async Task A_reported_diagnostic_is_formatted_in_the_culture_of_the_reader()
    {
        var compilation = FluxGen.Tests.Analysis.CompilationRunner.Compile("App", FluxGen.Tests.Analysis.Fixtures.ConstraintSources.Select(s => s.Source)
            .Append(FluxGen.Tests.Analysis.Fixtures.Records)
            .Append("class C { object M() => new Apiframe.Flux11ProParams { OutputQuality = 101 }; }"));

        var diagnostic = Assert.Single(await FluxGen.Tests.Analysis.CompilationRunner.AnalyzeAsync(compilation));

        Assert.Equal("'fluxParams.output_quality' は 0 以上、100 以下 である必要がありますが、101 です", diagnostic.GetMessage(Japanese));
        Assert.Equal("'fluxParams.output_quality' must be at least 0 and at most 100, but is 101", diagnostic.GetMessage(English));
    }

    [Fact]
    public void Bounds_inside_a_message_follow_the_culture_too()
    {
        var exclusive = BoundsText.Range(null, "0", null, "1");
        var count = BoundsText.Count(1, -1);

        Assert.Equal("greater than 0 and less than 1", exclusive.ToString(null, English));
        Assert.Equal("0 より大きい、1 未満", exclusive.ToString(null, Japanese));
        Assert.Equal("'webhookEvents' の要素数は 1 以上 である必要がありますが、0 個です",
            string.Format(Japanese, Descriptors.ItemCountOutOfRange.MessageFormat.ToString(Japanese), "webhookEvents", "0", count));
    }

    [Fact]
    public void The_schema_diagnostics_a_generator_run_reports_are_japanese_too()
    {
        var outcome = FluxGen.Tests.Infrastructure.GeneratorHarness.Run([("/schema/bad.json", "{\n  \"x-apiframe\": {\"model\": \"m\", \"endpoint\": \"/v2/x\"},\n  \"properties\": {,}\n}")]);

        var diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.StartsWith("bad.json は有効な JSON ではありません: ", diagnostic.GetMessage(Japanese));
    }

    [Fact]
    public void The_japanese_quick_start_describes_every_rule()
    {
        var quickStart = File.ReadAllText(Path.Combine(FindRepositoryRoot(), "src", "FluxGen.Package", "README.ja.md"));

        foreach (var (id, descriptor) in AllDescriptors())
        {
            Assert.Contains($"| {id} | {descriptor.Title.ToString(Japanese)} |", quickStart);
        }
    }

    [Fact]
    public void The_satellite_assembly_is_beside_the_analyzer()
    {
        var folder = Path.GetDirectoryName(typeof(Descriptors).Assembly.Location)!;

        Assert.True(File.Exists(Path.Combine(folder, "ja", "FluxGen.resources.dll")), "ja/FluxGen.resources.dll is missing beside FluxGen.dll");
    }

    private static Dictionary<string, DiagnosticDescriptor> AllDescriptors()
    {
        var fields = typeof(Descriptors).GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!);
        var supported = typeof(Descriptors).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics);
        return fields.Concat(supported).GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First());
    }

    private static string Placeholders(string text) =>
        string.Join(",", PlaceholderPattern().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal));

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FluxGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("FluxGen.sln not found above " + AppContext.BaseDirectory);
    }
}
