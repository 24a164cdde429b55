using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace FluxGen.Emit;

/// <summary>C# literals and XML doc text made safe from whatever a schema holds.</summary>
internal static class Literals
{
    public static string String(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary><paramref name="value"/> as a C# string literal inside an interpolated <see cref="CodeWriter"/> line.</summary>
    public static QuotedText Quote(string value) => new(value);

    /// <summary>Appends what <see cref="String"/> returns. Nearly every schema string (JSON names, paths, bounds)
    /// is printable ASCII with no quote or backslash, which the compiler's formatter leaves as it is: those are
    /// appended between quotes without a copy.</summary>
    public static void AppendQuoted(StringBuilder builder, string value)
    {
        foreach (var c in value)
        {
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\')
            {
                builder.Append(String(value));
                return;
            }
        }

        builder.Append('"').Append(value).Append('"');
    }

    public static string Xml(string text)
    {
        // Nearly every description and name needs nothing done: returned as it is, without a copy.
        if (IsPlain(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '&': builder.Append("&amp;"); break;
                case '\r': break;
                case '\n': builder.Append(' '); break;
                default:
                    if (c >= 0x20 || c == '\t')
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>Whether <see cref="Xml"/> returns <paramref name="text"/> as it is.</summary>
    public static bool IsPlain(string text)
    {
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[text.Length - 1])))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is '<' or '>' or '&' || c < 0x20)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>A string to be written as a C# string literal (see <see cref="Literals.Quote"/>).</summary>
internal readonly struct QuotedText
{
    public QuotedText(string value) => Value = value;

    public string Value { get; }

    /// <inheritdoc/>
    public override string ToString() => Literals.String(Value);
}
