using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace FluxGen;

internal static partial class Descriptors
{
    // Every value rule is a request the server would reject, so each is an error by default; users tune them
    // with `dotnet_diagnostic.FLUX00N.severity` like any other analyzer.
    private const string ValueCategory = "Usage";

    /// <summary>FLUX001: a constant below <c>minimum</c> or at/below <c>exclusiveMinimum</c>.</summary>
    internal static readonly DiagnosticDescriptor BelowMinimum = Rule("FLUX001");

    /// <summary>FLUX002: a constant above <c>maximum</c> or at/above <c>exclusiveMaximum</c>.</summary>
    internal static readonly DiagnosticDescriptor AboveMaximum = Rule("FLUX002");

    /// <summary>FLUX003: a constant that is not an integer multiple of <c>multipleOf</c>.</summary>
    internal static readonly DiagnosticDescriptor OffStep = Rule("FLUX003");

    /// <summary>FLUX004: a string constant that is not one of the schema's <c>enum</c> values.</summary>
    internal static readonly DiagnosticDescriptor UnknownString = Rule("FLUX004");

    /// <summary>FLUX005: an enum constant cast from a number that names no member of the enum.</summary>
    internal static readonly DiagnosticDescriptor UndefinedEnum = Rule("FLUX005");

    /// <summary>FLUX006: a string constant shorter than <c>minLength</c> or longer than <c>maxLength</c>.</summary>
    internal static readonly DiagnosticDescriptor LengthOutOfRange = Rule("FLUX006");

    /// <summary>FLUX007: a string constant that is not an absolute http(s) URI where the schema says <c>format: uri</c>.</summary>
    internal static readonly DiagnosticDescriptor NotHttpUri = Rule("FLUX007");

    /// <summary>FLUX008: a collection whose item count, known at compile time, is outside <c>minItems</c>/<c>maxItems</c>.</summary>
    internal static readonly DiagnosticDescriptor ItemCountOutOfRange = Rule("FLUX008");

    /// <summary>FLUX020: a string constant holding a lone UTF-16 surrogate, which JSON text cannot carry.</summary>
    internal static readonly DiagnosticDescriptor LoneSurrogate = Rule("FLUX020");

    /// <summary>FLUX021: a NaN or infinite constant stored into a number member.</summary>
    internal static readonly DiagnosticDescriptor NotFinite = Rule("FLUX021");

    /// <summary>The value rules, in ID order.</summary>
    internal static readonly ImmutableArray<DiagnosticDescriptor> ValueRules = ImmutableArray.Create(
        BelowMinimum, AboveMaximum, OffStep, UnknownString, UndefinedEnum, LengthOutOfRange, NotHttpUri, ItemCountOutOfRange,
        LoneSurrogate, NotFinite);

    private static DiagnosticDescriptor Rule(string id) => Localized(id, ValueCategory, DiagnosticSeverity.Error);

    // Plain strings, not localized: only for a rule on its way into the resources (the descriptor tests fail on it).
    private static DiagnosticDescriptor Rule(string id, string title, string message, string description) =>
        new(
            id,
            title,
            message,
            ValueCategory,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: HelpLinkBase + id.ToLowerInvariant());
}
