using System;
using System.Collections.Generic;
using FluxGen.Schema.Model;

namespace FluxGen.Schema;

/// <summary>
/// The last few files read, by path and content, so a build whose schemas did not change does not read them again.
/// </summary>
/// <remarks>
/// A command-line build starts a new generator driver every time, so the incremental pipeline's own cache is empty
/// and every build would parse the bundled OpenAPI document again (most of the generator's time). The compiler server
/// keeps this assembly loaded between builds, and a read depends only on the path, the text and its encoding, so the
/// result of the previous build is still right when all three are equal. Entries hold the text they were read from and
/// are compared in full, only when they are long enough to matter (a string compare is far cheaper than a parse, and no hash can collide); the cache is bounded
/// by <see cref="Capacity"/> and drops the least recently used entry.
/// </remarks>
internal static class ReadCache
{
    /// <summary>Enough for the bundled schema, the bundled document and a project's own few, across two projects
    /// built side by side by one server.</summary>
    public const int Capacity = 8;

    /// <summary>Texts shorter than this (a schema file of a few kilobytes) are read again: that costs less than
    /// holding them, and only a document is worth remembering.</summary>
    public const int MinLength = 16 * 1024;

    private static readonly LinkedList<Entry> Entries = new();

    /// <summary>The results read before from the same path, content and encoding, or those of <paramref name="read"/>.</summary>
    public static EquatableArray<SchemaParseResult> GetOrRead(string path, string content, int codePage, Func<EquatableArray<SchemaParseResult>> read)
    {
        if (content.Length < MinLength)
        {
            return read();
        }

        lock (Entries)
        {
            for (var node = Entries.First; node is not null; node = node.Next)
            {
                var entry = node.Value;
                if (entry.CodePage == codePage && string.Equals(entry.Path, path, StringComparison.Ordinal) && string.Equals(entry.Content, content, StringComparison.Ordinal))
                {
                    Entries.Remove(node);
                    Entries.AddFirst(node);
                    return entry.Results;
                }
            }
        }

        // Read outside the lock: two builds reading different documents at once must not wait for each other.
        var results = read();
        lock (Entries)
        {
            Entries.AddFirst(new Entry(path, content, codePage, results));
            while (Entries.Count > Capacity)
            {
                Entries.RemoveLast();
            }
        }

        return results;
    }

    private sealed record Entry(string Path, string Content, int CodePage, EquatableArray<SchemaParseResult> Results);
}
