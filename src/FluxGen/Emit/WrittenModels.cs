using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using FluxGen.Schema.Model;

namespace FluxGen.Emit;

/// <summary>A model's generated sources as last written, kept for the next build in the same process.</summary>
/// <remarks>
/// A command-line build starts a new generator driver every time, so each named model would be written again in every
/// build, though the compiler server keeps this assembly loaded and a stamped file's parse results are the very same
/// objects as last time (<see cref="Schema.ReadCache"/>). What a model's text depends on besides its parse result is
/// the namespace and the visibility (the version is this assembly's), so those are checked; the table is weak, so a
/// parse result the read cache lets go of takes its text with it.
/// </remarks>
internal static class WrittenModels
{
    private static readonly ConditionalWeakTable<SchemaParseResult, Entry> s_entries = new();

    public static ImmutableArray<(string HintName, string Text)>? Find(SchemaParseResult parsed, string ns, Visibility visibility) =>
        s_entries.TryGetValue(parsed, out var entry) && entry.Namespace == ns && entry.Visibility == visibility ? entry.Sources : null;

    public static void Keep(SchemaParseResult parsed, string ns, Visibility visibility, ImmutableArray<(string HintName, string Text)> sources)
    {
        // Replaced whole, so a concurrent build reads either the old entry or the new one.
        var entry = new Entry(ns, visibility, sources);
        lock (s_entries)
        {
            s_entries.Remove(parsed);
            s_entries.Add(parsed, entry);
        }
    }

    private sealed class Entry
    {
        public Entry(string ns, Visibility visibility, ImmutableArray<(string HintName, string Text)> sources)
        {
            Namespace = ns;
            Visibility = visibility;
            Sources = sources;
        }

        public string Namespace { get; }

        public Visibility Visibility { get; }

        public ImmutableArray<(string HintName, string Text)> Sources { get; }
    }
}
