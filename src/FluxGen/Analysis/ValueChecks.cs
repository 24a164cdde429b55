using System.Linq;
using System.Collections.Immutable;
using System.Globalization;
using Apiframe.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using FluxGen.Analysis.Flow;

namespace FluxGen.Analysis;

/// <summary>Checks one value stored into one constrained member and reports what the server would reject.</summary>
internal static partial class ValueChecks
{
    /// <summary>Reports the first rule the value breaks, if any; reads nothing but machine numbers when it is fine.</summary>
    /// <param name="context">Where to report.</param>
    /// <param name="rules">The member's constraints.</param>
    /// <param name="value">The converted value stored into the member.</param>
    /// <param name="written">The expression as written, where a diagnostic goes and a fix replaces.</param>
    /// <returns>False for a single value that is not a compile-time constant: only the flow analysis can tell more.</returns>
    public static bool Check(DiagnosticSink context, MemberConstraints rules, IOperation value, SyntaxNode written)
    {
        if (rules.Kind == ValueKind.Collection)
        {
            if (rules.HasItemRules)
            {
                CheckItems(context, rules, value, written);
            }

            if (rules.ItemEnumType is not null)
            {
                CollectionItems.CheckEnums(context, rules, value, written);
            }

            return true;
        }

        // A literal as written carries its value in its token, already built; asking the operation instead makes
        // Roslyn materialize (and, for numbers, box) the constant again, the dearest step on this path.
        object constant;
        if (written is LiteralExpressionSyntax { Token.Value: { } literal })
        {
            constant = literal;
        }
        else if (!ConstantValues.TryGet(value, out constant))
        {
            return false;
        }

        CheckConstant(context, rules, constant, written);
        return true;
    }

    /// <summary>Reports the first rule one constant breaks when stored into the member, if any.</summary>
    public static void CheckConstant(DiagnosticSink context, MemberConstraints rules, object constant, SyntaxNode written)
    {
        switch (rules.Kind)
        {
            case ValueKind.String when constant is string text:
                CheckString(context, rules, written, text);
                break;
            case ValueKind.Enum when rules.EnumType is not null:
                CheckEnum(context, rules, written, constant);
                break;
            case ValueKind.Real or ValueKind.Single when ConstantValues.IsNonFinite(constant, rules.Kind == ValueKind.Single, out var shown):
                Report(context, Descriptors.NotFinite, written, null, rules.Path, shown);
                break;
            case ValueKind.Integer:
            case ValueKind.Real:
            case ValueKind.Single:
            case ValueKind.Decimal:
                if (rules.HasNumericRules && ConstantValues.TryGetNumber(constant, rules.NumericType, out var number))
                {
                    CheckNumber(context, rules, written, number);
                }

                break;
        }
    }

    private static void CheckNumber(DiagnosticSink context, MemberConstraints rules, SyntaxNode value, ConstantNumber number)
    {
        // A value outside the range is reported once, as out of range, even if it is also off the step: the
        // clamp fix lands on the step anyway.
        DiagnosticDescriptor? rangeRule = null;
        if ((rules.Minimum is { } min && number.CompareTo(min) < 0) || (rules.ExclusiveMinimum is { } exMin && number.CompareTo(exMin) <= 0))
        {
            rangeRule = Descriptors.BelowMinimum;
        }
        else if ((rules.Maximum is { } max && number.CompareTo(max) > 0) || (rules.ExclusiveMaximum is { } exMax && number.CompareTo(exMax) >= 0))
        {
            rangeRule = Descriptors.AboveMaximum;
        }

        if (rangeRule is not null)
        {
            var exact = number.ToExact();
            var fix = NumberFixes.Clamp(exact, rules);
            Report(context, rangeRule, value, FixFor(fix, rules, FixProperties.Clamp), rules.Path, exact.ToString(), rules.DescribeRange());
            return;
        }

        if (!rules.AllowedNumbers.IsDefault && !IsAllowed(number, rules.AllowedNumbers))
        {
            Report(context, Descriptors.UnknownNumber, value, null, rules.Path, number.ToExact().ToString(), Describe(rules.AllowedNumbers));
            return;
        }

        if (rules.Step is { } step && !number.IsMultipleOf(step))
        {
            var exact = number.ToExact();
            var fix = NumberFixes.Snap(exact, rules);
            Report(context, Descriptors.OffStep, value, FixFor(fix, rules, FixProperties.Snap), rules.Path, exact.ToString(), step.Text);
        }
    }

    private static void CheckString(DiagnosticSink context, MemberConstraints rules, SyntaxNode value, string text)
    {
        var lone = SchemaText.IndexOfLoneSurrogate(text);
        if (lone >= 0)
        {
            Report(context, Descriptors.LoneSurrogate, value, null, rules.Path, Quote(Shorten(text)), lone.ToString(CultureInfo.InvariantCulture));
            return;
        }

        // An empty list allows nothing, as an empty JSON Schema enum does.
        if (!rules.AllowedValues.IsDefault && !Contains(rules.AllowedValues, text))
        {
            var properties = rules.AllowedValues.IsEmpty
                ? null
                : ImmutableDictionary<string, string?>.Empty
                    .Add(FixProperties.Replacement, Quote(TextRules.Closest(text, rules.AllowedValues)))
                    .Add(FixProperties.Kind, FixProperties.Closest);
            Report(context, Descriptors.UnknownString, value, properties, rules.Path, Quote(Shorten(text)), string.Join(", ", Quoted(rules.AllowedValues)));
            return;
        }

        if (rules.MinLength >= 0 || rules.MaxLength >= 0)
        {
            var length = TextRules.CodePoints(text);
            if ((rules.MinLength >= 0 && length < rules.MinLength) || (rules.MaxLength >= 0 && length > rules.MaxLength))
            {
                Report(context, Descriptors.LengthOutOfRange, value, null, rules.Path, length.ToString(CultureInfo.InvariantCulture), MemberConstraints.DescribeCount(rules.MinLength, rules.MaxLength));
                return;
            }
        }

        if (rules.IsUri && !TextRules.IsHttpUri(text))
        {
            Report(context, Descriptors.NotHttpUri, value, AddSchemeFix(rules, text), rules.Path, Quote(Shorten(text)));
            return;
        }

        CheckKeywords(context, rules, value, text);
    }

    private static void CheckEnum(DiagnosticSink context, MemberConstraints rules, SyntaxNode value, object constant)
    {
        if (!ConstantValues.TryGetBits(constant, out var bits) || rules.DefinedEnumValues.Contains(bits))
        {
            return;
        }

        ReportUndefinedEnum(context, rules.EnumType!, rules.Path, value, constant);
    }

    /// <summary>FLUX005 for <paramref name="constant"/>, which names no member of <paramref name="enumType"/>.</summary>
    public static void ReportUndefinedEnum(DiagnosticSink context, INamedTypeSymbol enumType, string path, SyntaxNode value, object constant)
    {
        var names = new System.Collections.Generic.List<string>();
        foreach (var member in enumType.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true })
            {
                names.Add(enumType.Name + "." + member.Name);
            }
        }

        var shown = "(" + enumType.Name + ")" + System.Convert.ToString(constant, CultureInfo.InvariantCulture);
        Report(context, Descriptors.UndefinedEnum, value, null, path, shown, string.Join(", ", names));
    }

    private static void CheckItems(DiagnosticSink context, MemberConstraints rules, IOperation value, SyntaxNode written)
    {
        if (!CollectionSize.TryCount(value, out var count))
        {
            return;
        }

        if ((rules.MinItems >= 0 && count < rules.MinItems) || (rules.MaxItems >= 0 && count > rules.MaxItems))
        {
            Report(context, Descriptors.ItemCountOutOfRange, written, null, rules.Path, count.ToString(CultureInfo.InvariantCulture), MemberConstraints.DescribeCount(rules.MinItems, rules.MaxItems));
        }
    }

    // "example.com/hook" is a host and path without its scheme: https:// makes it valid, unless it is still not an
    // http(s) URI by the runtime's rules or the prefix pushes it past the schema's length limit.
    private static ImmutableDictionary<string, string?>? AddSchemeFix(MemberConstraints rules, string text)
    {
        var fixedText = "https://" + text;
        if (HasScheme(text) || text.IndexOf('@') >= 0 || !TextRules.IsHttpUri(fixedText)
            || (rules.MaxLength >= 0 && TextRules.CodePoints(fixedText) > rules.MaxLength))
        {
            return null;
        }

        return ImmutableDictionary<string, string?>.Empty.Add(FixProperties.Replacement, Quote(fixedText)).Add(FixProperties.Kind, FixProperties.AddScheme);
    }

    // "ftp://x" or "mailto:me" already name a scheme; "example.com:8080/hook" only looks like it (a port follows).
    private static bool HasScheme(string text)
    {
        var colon = text.IndexOf(':');
        if (colon <= 0)
        {
            return false;
        }

        var end = text.IndexOf('/', colon);
        var port = text.Substring(colon + 1, (end < 0 ? text.Length : end) - colon - 1);
        return port.Length == 0 || !port.All(char.IsDigit);
    }

    private static ImmutableDictionary<string, string?>? FixFor(SchemaNumber? fix, MemberConstraints rules, string kind)
    {
        if (fix is not { } number || NumberFixes.Literal(number, rules) is not { } literal)
        {
            return null;
        }

        return ImmutableDictionary<string, string?>.Empty.Add(FixProperties.Replacement, literal).Add(FixProperties.Kind, kind);
    }

    private static void Report(DiagnosticSink context, DiagnosticDescriptor rule, SyntaxNode value, ImmutableDictionary<string, string?>? properties, params object[] arguments) =>
        context.Report(rule, value, properties, arguments);

    private static bool Contains(ImmutableArray<string> values, string text)
    {
        foreach (var candidate in values)
        {
            if (string.Equals(candidate, text, System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static System.Collections.Generic.IEnumerable<string> Quoted(ImmutableArray<string> values)
    {
        foreach (var value in values)
        {
            yield return Quote(value);
        }
    }

    private static string Quote(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

    internal static string Shorten(string text) => text.Length <= 80 ? text : text.Substring(0, 77) + "...";
}
