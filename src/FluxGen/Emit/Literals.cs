using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace FluxGen.Emit;

/// <summary>C# literals and XML doc text made safe from whatever a schema holds.</summary>
internal static class Literals
{
    public static string String(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

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

    private static bool IsPlain(string text)
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
