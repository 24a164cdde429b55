using System.Globalization;
using System.Resources;
using Microsoft.CodeAnalysis;

namespace FluxGen;

/// <summary>
/// Titles, messages and descriptions of every diagnostic live in Resources/DiagnosticMessages.resx (English) and its
/// translations (DiagnosticMessages.ja.resx, packed as the satellite assembly ja/FluxGen.resources.dll beside
/// FluxGen.dll). The compiler formats a diagnostic in its UI culture, as it does its own messages.
/// </summary>
/// <remarks>
/// A descriptor names its texts by convention: <c>&lt;ID&gt;_Title</c>, <c>&lt;ID&gt;_Message</c> and, optionally,
/// <c>&lt;ID&gt;_Description</c>. Moving a descriptor written with plain strings into the resources is: add those
/// entries to both .resx files and build it with <see cref="Localized"/>. The descriptor tests fail for any
/// descriptor that is not localized this way, or lacks a translation.
/// </remarks>
internal static partial class Descriptors
{
    /// <summary>The resources every localized descriptor reads.</summary>
    /// <remarks>Held by a nested class: the descriptors are static fields in other files of this partial class, and
    /// the order in which the files' field initializers run is not defined.</remarks>
    internal static ResourceManager Messages => MessagesHolder.Instance;

    /// <summary>A descriptor whose texts are the resources named after <paramref name="id"/>, with its README help link.</summary>
    internal static DiagnosticDescriptor Localized(string id, string category, DiagnosticSeverity severity)
    {
        var hasDescription = Messages.GetString(id + "_Description", CultureInfo.InvariantCulture) is not null;
        return new DiagnosticDescriptor(
            id,
            Text(id + "_Title"),
            Text(id + "_Message"),
            category,
            severity,
            isEnabledByDefault: true,
            description: hasDescription ? Text(id + "_Description") : null,
            helpLinkUri: HelpLinkBase + id.ToLowerInvariant());
    }

    private static LocalizableResourceString Text(string name) => new(name, Messages, typeof(Descriptors));

    private static class MessagesHolder
    {
        public static readonly ResourceManager Instance = new("FluxGen.Resources.DiagnosticMessages", typeof(Descriptors).Assembly);
    }
}
