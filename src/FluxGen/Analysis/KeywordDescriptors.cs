using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace FluxGen;

/// <summary>The value rules for the keywords Apiframe's OpenAPI document brought (pattern, numeric enums, uuid).</summary>
internal static partial class Descriptors
{
    /// <summary>FLUX040: a string constant with no match of the schema's <c>pattern</c>.</summary>
    internal static readonly DiagnosticDescriptor PatternMismatch = Rule("FLUX040");

    /// <summary>FLUX041: a numeric constant that is not one of the schema's numeric <c>enum</c> values.</summary>
    internal static readonly DiagnosticDescriptor UnknownNumber = Rule("FLUX041");

    /// <summary>FLUX042: a string constant that is not a hyphenated UUID where the schema says <c>format: uuid</c>.</summary>
    internal static readonly DiagnosticDescriptor NotUuid = Rule("FLUX042");

    /// <summary>Every value rule the analyzer reports, in ID order.</summary>
    internal static ImmutableArray<DiagnosticDescriptor> AllValueRules => RuleSet.All;

    // Static initializers of a partial class run in an order the language leaves open across files; a nested
    // class is initialized on first use, after every field of this one.
    private static class RuleSet
    {
        public static readonly ImmutableArray<DiagnosticDescriptor> All = ValueRules.AddRange(new[] { PatternMismatch, UnknownNumber, NotUuid });
    }
}
