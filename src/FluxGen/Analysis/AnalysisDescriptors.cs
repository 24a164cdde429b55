using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace FluxGen;

internal static partial class Descriptors
{
    // Every value rule is a request the server would reject, so each is an error by default; users tune them
    // with `dotnet_diagnostic.FLUX00N.severity` like any other analyzer.
    private const string ValueCategory = "Usage";

    /// <summary>FLUX001: a constant below <c>minimum</c> or at/below <c>exclusiveMinimum</c>.</summary>
    internal static readonly DiagnosticDescriptor BelowMinimum = Rule(
        "FLUX001",
        "Value is below the schema minimum",
        "'{0}' must be {2}, but is {1}",
        "The schema gives this member a lower bound and the constant falls below it; Apiframe rejects the request.");

    /// <summary>FLUX002: a constant above <c>maximum</c> or at/above <c>exclusiveMaximum</c>.</summary>
    internal static readonly DiagnosticDescriptor AboveMaximum = Rule(
        "FLUX002",
        "Value is above the schema maximum",
        "'{0}' must be {2}, but is {1}",
        "The schema gives this member an upper bound and the constant exceeds it; Apiframe rejects the request.");

    /// <summary>FLUX003: a constant that is not an integer multiple of <c>multipleOf</c>.</summary>
    internal static readonly DiagnosticDescriptor OffStep = Rule(
        "FLUX003",
        "Value is not on the schema step",
        "'{0}' must be a multiple of {2}, but is {1}",
        "The schema's multipleOf is checked exactly on the decimal number the request carries (a double's shortest round-trip text), so every decimal literal written on the step passes.");

    /// <summary>FLUX004: a string constant that is not one of the schema's <c>enum</c> values.</summary>
    internal static readonly DiagnosticDescriptor UnknownString = Rule(
        "FLUX004",
        "String is not an allowed value",
        "'{0}' must be one of {2}, but is {1}",
        "The schema lists the only strings this member accepts; comparison is ordinal, as the server's.");

    /// <summary>FLUX005: an enum constant cast from a number that names no member of the enum.</summary>
    internal static readonly DiagnosticDescriptor UndefinedEnum = Rule(
        "FLUX005",
        "Enum value is not defined",
        "'{0}' must be one of {2}, but is {1}",
        "A cast can give an enum any number, but only the defined members have a wire value the server accepts.");

    /// <summary>FLUX006: a string constant shorter than <c>minLength</c> or longer than <c>maxLength</c>.</summary>
    internal static readonly DiagnosticDescriptor LengthOutOfRange = Rule(
        "FLUX006",
        "String length is outside the schema bounds",
        "'{0}' must be {2} characters long, but has {1}",
        "Lengths are counted in Unicode code points, as JSON Schema does, so a surrogate pair counts once.");

    /// <summary>FLUX007: a string constant that is not an absolute http(s) URI where the schema says <c>format: uri</c>.</summary>
    internal static readonly DiagnosticDescriptor NotHttpUri = Rule(
        "FLUX007",
        "String is not an absolute http or https URI",
        "'{0}' must be an absolute http or https URI, but is {1}",
        "The server fetches or calls this address, so it must be an absolute http or https URI with a host and no white space.");

    /// <summary>FLUX008: a collection whose item count, known at compile time, is outside <c>minItems</c>/<c>maxItems</c>.</summary>
    internal static readonly DiagnosticDescriptor ItemCountOutOfRange = Rule(
        "FLUX008",
        "Collection size is outside the schema bounds",
        "'{0}' must have {2} item(s), but has {1}",
        "Checked where the size is known at compile time: collection expressions without spreads, array initializers and sizes, and collection initializers.");

    /// <summary>FLUX020: a string constant holding a lone UTF-16 surrogate, which JSON text cannot carry.</summary>
    internal static readonly DiagnosticDescriptor LoneSurrogate = Rule(
        "FLUX020",
        "String is not valid Unicode",
        "'{0}' must be Unicode text, but {1} holds a lone surrogate at index {2}",
        "JSON text is Unicode: a high surrogate without a low one after it (or a low one alone) has no faithful form on the wire, so Validate() refuses it and ToJson() throws rather than write U+FFFD.");

    /// <summary>FLUX021: a NaN or infinite constant stored into a number member.</summary>
    internal static readonly DiagnosticDescriptor NotFinite = Rule(
        "FLUX021",
        "Number is not finite",
        "'{0}' must be a finite number, but is {1}",
        "JSON has no NaN or infinity: Validate() refuses them and ToJson() throws. Constant-folded expressions such as 1.0 / 0 count too.");

    /// <summary>The value rules, in ID order.</summary>
    internal static readonly ImmutableArray<DiagnosticDescriptor> ValueRules = ImmutableArray.Create(
        BelowMinimum, AboveMaximum, OffStep, UnknownString, UndefinedEnum, LengthOutOfRange, NotHttpUri, ItemCountOutOfRange,
        LoneSurrogate, NotFinite);

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
