using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Apiframe;

// The newer overloads the runtime sources call, for targets older than net8.0 (netstandard2.0, .NET Framework),
// written only for them. Extension methods are picked only where no instance method fits, so on a target that has an
// overload this class is never chosen; keeping the sources free of an #if at every call site.
internal static class ApiframeDownLevelShims
{
    // Before .NET 5, reading a body cannot be cancelled once started; the token is honoured up to the call.
    internal static Task<Stream> ReadAsStreamAsync(this HttpContent content, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return content.ReadAsStreamAsync();
    }

    internal static Task<byte[]> ReadAsByteArrayAsync(this HttpContent content, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return content.ReadAsByteArrayAsync();
    }

    internal static ValueTask<int> ReadAsync(this Stream stream, Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (MemoryMarshal.TryGetArray((ReadOnlyMemory<byte>)buffer, out var segment))
        {
            return new ValueTask<int>(stream.ReadAsync(segment.Array!, segment.Offset, segment.Count, cancellationToken));
        }

        return ReadThroughPoolAsync(stream, buffer, cancellationToken);
    }

    internal static ValueTask WriteAsync(this Stream stream, ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (MemoryMarshal.TryGetArray(buffer, out var segment))
        {
            return new ValueTask(stream.WriteAsync(segment.Array!, segment.Offset, segment.Count, cancellationToken));
        }

        return WriteThroughPoolAsync(stream, buffer, cancellationToken);
    }

    // Stream is IAsyncDisposable from netstandard2.1 on; before, disposing is synchronous.
    internal static ValueTask DisposeAsync(this Stream stream)
    {
        stream.Dispose();
        return default;
    }

    internal static bool StartsWith(this string text, char value) => text.Length > 0 && text[0] == value;

    internal static bool Contains(this string text, string value, StringComparison comparison) => text.IndexOf(value, comparison) >= 0;

    internal static bool StartsWith(this ReadOnlySpan<char> text, string value, StringComparison comparison) =>
        text.Length >= value.Length && string.Compare(text.Slice(0, value.Length).ToString(), value, comparison) == 0;

    internal static string Replace(this string text, string oldValue, string newValue, StringComparison comparison)
    {
        var builder = default(StringBuilder);
        var start = 0;
        int found;
        while ((found = text.IndexOf(oldValue, start, comparison)) >= 0)
        {
            (builder ??= new StringBuilder(text.Length)).Append(text, start, found - start).Append(newValue);
            start = found + oldValue.Length;
        }

        return builder is null ? text : builder.Append(text, start, text.Length - start).ToString();
    }

    // StringBuilder.Append(IFormatProvider, $"...") is .NET 6; the text is formatted in the provider's culture here.
    internal static StringBuilder Append(this StringBuilder builder, IFormatProvider provider, FormattableString text) =>
        builder.Append(text.ToString(provider));

    internal static bool Remove<TKey, TValue>(this Dictionary<TKey, TValue> dictionary, TKey key, out TValue value)
        where TKey : notnull
    {
        if (dictionary.TryGetValue(key, out value!))
        {
            dictionary.Remove(key);
            return true;
        }

        return false;
    }

    // KeyValuePair deconstructs from .NET Core 2.0 on, so `foreach (var (key, value) in dictionary)` needs this.
    internal static void Deconstruct<TKey, TValue>(this KeyValuePair<TKey, TValue> pair, out TKey key, out TValue value)
    {
        key = pair.Key;
        value = pair.Value;
    }

    // ConditionalWeakTable.AddOrUpdate is .NET Core 2.0 and later; the lock makes the two steps one for other callers
    // of this method.
    internal static void AddOrUpdate<TKey, TValue>(this ConditionalWeakTable<TKey, TValue> table, TKey key, TValue value)
        where TKey : class
        where TValue : class
    {
        lock (table)
        {
            table.Remove(key);
            table.Add(key, value);
        }
    }

    private static async ValueTask<int> ReadThroughPoolAsync(Stream stream, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var rented = ArrayPool<byte>.Shared.Rent(buffer.Length);
        try
        {
            var read = await stream.ReadAsync(rented, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
            rented.AsMemory(0, read).CopyTo(buffer);
            return read;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static async ValueTask WriteThroughPoolAsync(Stream stream, ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken)
    {
        var rented = ArrayPool<byte>.Shared.Rent(buffer.Length);
        try
        {
            buffer.CopyTo(rented);
            await stream.WriteAsync(rented, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
