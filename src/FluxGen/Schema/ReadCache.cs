using System;
using System.Collections.Generic;
using FluxGen.Schema.Model;
using Microsoft.CodeAnalysis.Text;

namespace FluxGen.Schema;

/// <summary>
/// The last few files read, by path and stamp or content, so a build whose schemas did not change does not read them
/// again.
/// </summary>
/// <remarks>
/// A command-line build starts a new generator driver every time, so the incremental pipeline's own cache is empty
/// and every build would parse the bundled OpenAPI document again (most of the generator's time). The compiler server
/// keeps this assembly loaded between builds, and a read depends only on the path and the text, so the result of the
/// previous build is still right when both are equal.
/// <para>
/// The package's build targets stamp the package's own files (its schemas and the bundled document) with their
/// modification time (<see cref="StampMetadata"/>, the same signal MSBuild's own incremental build trusts). With a
/// stamp, an unchanged file is not even loaded: getting a 2 MB document's text and comparing it cost more than the rest
/// of the generator's run. A project's own files get no stamp (an editor can change them before they are saved) and
/// are compared by their full text, only when it is long enough to matter (a string compare is far cheaper than a
/// parse, and no hash can collide). The cache is bounded by <see cref="Capacity"/> and drops the least recently used
/// entry.
/// </para>
/// </remarks>
internal static class ReadCache
{
    /// <summary>The AdditionalFiles metadata FluxGen.targets sets to the modification time of each of the package's files.</summary>
    public const string StampMetadata = "build_metadata.AdditionalFiles.FluxGenStamp";

    /// <summary>Enough for the bundled schema, the bundled document and a project's own few, across two projects
    /// built side by side by one server.</summary>
    public const int Capacity = 8;

    /// <summary>Texts shorter than this (a schema file of a few kilobytes) are read again: that costs less than
    /// holding them, and only a document is worth remembering.</summary>
    public const int MinLength = 16 * 1024;

    private static readonly LinkedList<Entry> Entries = new();

    /// <summary>The results read before from the same path and stamp (or, lacking a stamp, the same content and
    /// encoding), or those of <paramref name="read"/>.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="stamp">The file's modification time as the build saw it, or null when the host gave none.</param>
    /// <param name="load">Loads the file's text; called only when the stamp does not settle it.</param>
    /// <param name="read">Parses the loaded text.</param>
    public static EquatableArray<SchemaParseResult> GetOrRead(string path, string? stamp, Func<SourceText?> load, Func<SourceText, string, EquatableArray<SchemaParseResult>> read)
    {
        if (!string.IsNullOrEmpty(stamp) && Find(entry => entry.Stamp == stamp && entry.Path == path) is { } stamped)
        {
            return stamped.Results;
        }

        if (load() is not { } text)
        {
            return EquatableArray<SchemaParseResult>.Empty;
        }

        var content = text.ToString();
        // A stamped file is kept whatever its size: the next build skips even the read of a small one.
        if (content.Length < MinLength && string.IsNullOrEmpty(stamp))
        {
            return read(text, content);
        }

        var codePage = text.Encoding?.CodePage ?? -1;
        if (Find(entry => entry.CodePage == codePage && entry.Path == path && entry.Content == content) is { } same)
        {
            // Touched but not changed: remember the new stamp so the next build skips the load.
            Store(same with { Stamp = stamp }, replaces: same);
            return same.Results;
        }

        // Read outside the lock: two builds reading different documents at once must not wait for each other.
        var results = read(text, content);
        Store(new Entry(path, stamp, content, codePage, results), replaces: null);
        return results;
    }

    private static Entry? Find(Func<Entry, bool> match)
    {
        lock (Entries)
        {
            for (var node = Entries.First; node is not null; node = node.Next)
            {
                if (match(node.Value))
                {
                    Entries.Remove(node);
                    Entries.AddFirst(node);
                    return node.Value;
                }
            }
        }

        return null;
    }

    private static void Store(Entry entry, Entry? replaces)
    {
        lock (Entries)
        {
            for (var node = Entries.First; replaces is not null && node is not null; node = node.Next)
            {
                if (ReferenceEquals(node.Value, replaces))
                {
                    Entries.Remove(node);
                    break;
                }
            }

            Entries.AddFirst(entry);
            while (Entries.Count > Capacity)
            {
                Entries.RemoveLast();
            }
        }
    }

    private sealed record Entry(string Path, string? Stamp, string Content, int CodePage, EquatableArray<SchemaParseResult> Results);
}
