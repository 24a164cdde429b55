using Microsoft.CodeAnalysis;

namespace FluxGen.Schema;

/// <summary>An AdditionalFile with the modification time the build stamped on it (null when none).</summary>
/// <remarks>Equal while the text object is the same one and the stamp is unchanged.</remarks>
internal sealed record StampedText(AdditionalText Text, string? Stamp);
