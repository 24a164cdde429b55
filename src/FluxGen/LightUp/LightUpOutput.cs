using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using FluxGen.Emit;
using Microsoft.CodeAnalysis;

namespace FluxGen.LightUp;

/// <summary>Emits Support/LightUp/&lt;Feature&gt;/ for each feature the compilation's references allow.</summary>
internal static class LightUpOutput
{
    /// <summary>Tracking name of the step that reduces the compilation to its enabled features.</summary>
    public const string Step = "FluxGen.LightUp";

    // Resource names keep the folder separator MSBuild used ('/' or '\'), as SupportSources does.
    private const string Prefix = "FluxGen.Support.LightUp";

    private static readonly Lazy<ILookup<string, (string HintName, string Text)>> Sources = new(Load);

    /// <summary>Whether an embedded Support resource belongs to a light-up feature (and so not to the core).</summary>
    public static bool IsLightUpResource(string resourceName) =>
        resourceName.StartsWith(Prefix + "/", StringComparison.Ordinal) || resourceName.StartsWith(Prefix + "\\", StringComparison.Ordinal);

    public static void Register(IncrementalGeneratorInitializationContext context)
    {
        // Only the enabled feature names leave this step (an equatable array of strings), so an edit that does not
        // change the references stops here and the output below is cached.
        var features = context.CompilationProvider
            .Select(static (compilation, _) => LightUpFeatures.Enabled(compilation.ReferencedAssemblyNames))
            .WithTrackingName(Step);

        context.RegisterSourceOutput(features, static (spc, enabled) =>
        {
            foreach (var feature in enabled)
            {
                foreach (var (hintName, text) in Sources.Value[feature])
                {
                    spc.AddSource(hintName, text);
                }
            }
        });
    }

    private static ILookup<string, (string HintName, string Text)> Load()
    {
        var assembly = typeof(LightUpOutput).Assembly;
        var sources = new List<(string Feature, string HintName, string Text)>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!IsLightUpResource(name) || !name.EndsWith(".cs", StringComparison.Ordinal))
            {
                continue;
            }

            var relative = name.Substring(Prefix.Length + 1, name.Length - Prefix.Length - 4).Replace('\\', '/');
            var slash = relative.IndexOf('/');
            if (slash <= 0)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var hintName = "FluxGen.LightUp." + relative.Replace('/', '.') + ".g.cs";
            sources.Add((relative.Substring(0, slash), hintName, Header.Text + "\n" + reader.ReadToEnd()));
        }

        return sources
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .ToLookup(s => s.Feature, s => (s.HintName, s.Text), StringComparer.Ordinal);
    }
}
