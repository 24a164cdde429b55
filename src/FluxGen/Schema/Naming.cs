using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace FluxGen.Schema;

/// <summary>
/// The documented rules that turn schema names into C# names (README, "Naming rules"):
/// <list type="bullet">
/// <item>model id → type prefix: letters and digits kept, every other character splits words, each word capitalized
/// (<c>flux-1.1-pro</c> → <c>Flux11Pro</c>);</item>
/// <item>JSON member → property: the same word rule, inner capitals kept (<c>image_prompt</c> → <c>ImagePrompt</c>,
/// <c>webhookUrl</c> → <c>WebhookUrl</c>);</item>
/// <item>enum value → member: <c>W:H</c> ratios become <c>RatioWxH</c>; otherwise the word rule, with <c>_</c> between
/// two digit runs and a <c>Value</c> prefix when the name would start with a digit.</item>
/// </list>
/// </summary>
internal static class Naming
{
    public static string Words(string name)
    {
        var builder = new StringBuilder(name.Length);
        var startWord = true;
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c))
            {
                startWord = true;
                continue;
            }

            builder.Append(startWord ? char.ToUpperInvariant(c) : c);
            startWord = false;
        }

        return builder.ToString();
    }

    /// <summary>The type prefix of a model: the word rule, with <c>Model</c> in front when the id starts with a digit
    /// (<c>851-bg-remove</c> → <c>Model851BgRemove</c>), as a C# name cannot.</summary>
    public static string ModelPrefix(string modelId)
    {
        var words = Words(modelId);
        return words.Length > 0 && char.IsDigit(words[0]) ? "Model" + words : words;
    }

    public static string EnumMember(string wireValue)
    {
        var colon = wireValue.IndexOf(':');
        if (colon > 0 && colon < wireValue.Length - 1 && AllDigits(wireValue, 0, colon) && AllDigits(wireValue, colon + 1, wireValue.Length))
        {
            return "Ratio" + wireValue.Substring(0, colon) + "x" + wireValue.Substring(colon + 1);
        }

        var builder = new StringBuilder(wireValue.Length + 5);
        var startWord = true;
        foreach (var c in wireValue)
        {
            if (!char.IsLetterOrDigit(c))
            {
                startWord = true;
                continue;
            }

            if (startWord && builder.Length > 0 && char.IsDigit(c) && char.IsDigit(builder[builder.Length - 1]))
            {
                builder.Append('_');
            }

            builder.Append(startWord ? char.ToUpperInvariant(c) : c);
            startWord = false;
        }

        if (builder.Length > 0 && char.IsDigit(builder[0]))
        {
            builder.Insert(0, "Value");
        }

        return builder.ToString();
    }

    /// <summary>The name of one item of an array member: <c>webhookEvents</c> → <c>WebhookEvent</c>.</summary>
    public static string Singular(string pascalName)
    {
        if (pascalName.EndsWith("ies", System.StringComparison.Ordinal) && pascalName.Length > 3)
        {
            return pascalName.Substring(0, pascalName.Length - 3) + "y";
        }

        if (pascalName.EndsWith("s", System.StringComparison.Ordinal) && !pascalName.EndsWith("ss", System.StringComparison.Ordinal) && pascalName.Length > 1)
        {
            return pascalName.Substring(0, pascalName.Length - 1);
        }

        return pascalName + "Item";
    }

    public static bool IsValidIdentifier(string name) =>
        name.Length > 0 && SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None
        && SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.None;

    /// <summary>camelCase for locals and parameters: <c>ImagePrompt</c> → <c>imagePrompt</c>, escaped if a keyword.</summary>
    public static string Camel(string pascalName)
    {
        var camel = char.ToLowerInvariant(pascalName[0]) + pascalName.Substring(1);
        return SyntaxFacts.GetKeywordKind(camel) != SyntaxKind.None ? "@" + camel : camel;
    }

    private static bool AllDigits(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (text[i] < '0' || text[i] > '9')
            {
                return false;
            }
        }

        return true;
    }
}
