using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FluxGen.Tests.Infrastructure;

/// <summary>An AdditionalFile held in memory.</summary>
public sealed class InMemoryText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Global analyzer options as MSBuild would pass them (build_property.*), and the item metadata of
/// AdditionalFiles by path (build_metadata.AdditionalFiles.*).</summary>
public sealed class GlobalOptionsProvider(IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? fileValues = null) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(values);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        fileValues is not null && fileValues.TryGetValue(textFile.Path, out var metadata) ? new Options(metadata) : Options.Empty;

    private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(ImmutableDictionary<string, string>.Empty);

        public override bool TryGetValue(string key, out string value)
        {
            if (values.TryGetValue(key, out var found))
            {
                value = found;
                return true;
            }

            value = string.Empty;
            return false;
        }
    }
}
