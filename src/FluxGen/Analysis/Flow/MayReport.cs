using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace FluxGen.Analysis.Flow;

/// <summary>Builds FLUX009: the underlying rule's finding about one possible value, named by the branch or
/// assignment it comes from.</summary>
internal static class MayReport
{
    public static Diagnostic Create(
        DiagnosticDescriptor rule,
        object[] arguments,
        SyntaxNode site,
        Location location,
        IEnumerable<Location>? additionalLocations,
        ImmutableDictionary<string, string?>? properties)
    {
        var line = site.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
        return Diagnostic.Create(
            Descriptors.MayBreakSchema,
            location,
            additionalLocations,
            properties,
            Shorten(site.ToString()),
            line.ToString(CultureInfo.InvariantCulture),
            new NestedMessage(rule, arguments),
            rule.Id);
    }

    // One line, short enough to read in an error list.
    private static string Shorten(string text) =>
        ValueChecks.Shorten(string.Join(" ", text.Split(new[] { ' ', '\r', '\n', '\t' }, StringSplitOptions.RemoveEmptyEntries)));

    /// <summary>The underlying rule's message, formatted in the culture the compiler formats FLUX009 in.</summary>
    private sealed class NestedMessage(DiagnosticDescriptor rule, object[] arguments) : IFormattable
    {
        public string ToString(string? format, IFormatProvider? formatProvider) =>
            string.Format(formatProvider, rule.MessageFormat.ToString(formatProvider), arguments);

        public override string ToString() => ToString(null, null);
    }
}
