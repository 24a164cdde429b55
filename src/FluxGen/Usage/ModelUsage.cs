using System;
using System.Collections.Immutable;
using System.Linq;
using FluxGen.Schema.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FluxGen.Usage;

/// <summary>
/// Which of a document's models the project's own code names. With <c>FluxGenModels</c> unset every documented model
/// is available, and a model's types are written once code names its request or params type: compiling all 106
/// models' types would make a small project's build several times as long (see README, Benchmarks), while naming the
/// type is what using a model takes anyway.
/// </summary>
/// <remarks>Only simple names ending in <c>Request</c> or <c>Params</c> are collected, each tree's by the syntax
/// provider's own per-tree cache, so an edit that adds or removes no such name leaves every model's output cached.</remarks>
internal static class ModelUsage
{
    /// <summary>Whether <paramref name="node"/> names a type that could be a model's request or params record.</summary>
    public static bool IsCandidate(SyntaxNode node) =>
        node is IdentifierNameSyntax name && IsCandidate(name.Identifier.ValueText);

    /// <summary>The name <see cref="IsCandidate(SyntaxNode)"/> accepted.</summary>
    public static string NameOf(SyntaxNode node) => ((IdentifierNameSyntax)node).Identifier.ValueText;

    /// <summary>The distinct names, sorted, so the same names in another order or count compare equal.</summary>
    public static EquatableArray<string> Distinct(ImmutableArray<string> names) =>
        names.Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray();

    /// <summary>The first of <paramref name="model"/>'s records the code names, or <see langword="null"/>.</summary>
    public static string? FirstNamed(EquatableArray<string> named, ModelSpec model)
    {
        if (Contains(named, model.Request.TypeName))
        {
            return model.Request.TypeName;
        }

        foreach (var nested in model.NestedObjects)
        {
            if (Contains(named, nested.TypeName))
            {
                return nested.TypeName;
            }
        }

        return null;
    }

    private static bool IsCandidate(string text) =>
        text.EndsWith("Request", StringComparison.Ordinal) || text.EndsWith("Params", StringComparison.Ordinal);

    private static bool Contains(EquatableArray<string> sorted, string name)
    {
        // Sorted ordinally by Distinct: a binary search, as a project can name many requests of its own.
        int low = 0, high = sorted.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var order = string.CompareOrdinal(sorted[middle], name);
            if (order == 0)
            {
                return true;
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return false;
    }
}
