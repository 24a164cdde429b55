using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace FluxGen.Emit;

/// <summary>The hand-written runtime under Support/, embedded in this assembly and emitted once per compilation.</summary>
internal static class SupportSources
{
    private const string Prefix = "FluxGen.Support.";

    private static readonly IReadOnlyList<(string HintName, string Text)> Sources = Load();

    public static IReadOnlyList<(string HintName, string Text)> All => Sources;

    private static IReadOnlyList<(string HintName, string Text)> Load()
    {
        var assembly = typeof(SupportSources).Assembly;
        var sources = new List<(string, string)>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(Prefix, System.StringComparison.Ordinal) || !name.EndsWith(".cs", System.StringComparison.Ordinal)
                || LightUp.LightUpOutput.IsLightUpResource(name))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var hintName = "FluxGen." + name.Substring(Prefix.Length, name.Length - Prefix.Length - 3).Replace('/', '.').Replace('\\', '.') + ".g.cs";
            sources.Add((hintName, Header.Text + "\n" + reader.ReadToEnd()));
        }

        sources.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return sources;
    }
}
