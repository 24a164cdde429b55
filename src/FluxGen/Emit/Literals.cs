using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace FluxGen.Emit;

/// <summary>C# literals and XML doc text made safe from whatever a schema holds.</summary>
internal static class Literals
{
    public static string String(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    public static string Xml(string text)
    {
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
}
