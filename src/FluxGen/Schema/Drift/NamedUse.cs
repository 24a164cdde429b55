using FluxGen.Schema.Model;
using FluxGen.Usage;
using Microsoft.CodeAnalysis;

namespace FluxGen.Schema.Drift;

/// <summary>A request or params type name written in the project's code, and where: plain data, so it caches.</summary>
internal sealed record NamedUse(string Name, SourceSpan Location)
{
    public static NamedUse From(SyntaxNode node)
    {
        var span = node.Span;
        return new NamedUse(ModelUsage.NameOf(node), new SourceSpan(node.SyntaxTree.FilePath, span, node.SyntaxTree.GetLineSpan(span).Span));
    }
}

/// <summary>A use of a type of a model the project's document removed.</summary>
internal sealed record RemovedUse(NamedUse Use, string ModelId, string Document);
