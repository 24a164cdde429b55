using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Runtime.CompilerServices;
using Apiframe;
using Xunit;

namespace FluxGen.Support.Tests.DownLevel;

/// <summary>The overloads the runtime calls that targets before net8.0 lack (Support/DownLevel/), called here as
/// plain static methods (on .NET 10 the framework's own overloads win at every call site) and held to the framework's
/// behaviour.</summary>
public class ApiframeDownLevelShimsTests
{
    [Theory]
    [InlineData("key=afk_1 and afk_1", "afk_1", "[redacted]", StringComparison.Ordinal)]
    [InlineData("AFK_1 afk_1", "afk_1", "*", StringComparison.OrdinalIgnoreCase)]
    [InlineData("nothing here", "afk_1", "*", StringComparison.Ordinal)]
    [InlineData("aaaa", "aa", "a", StringComparison.Ordinal)]
    public void ReplaceWithAComparisonAgreesWithTheFramework(string text, string oldValue, string newValue, StringComparison comparison) =>
        Assert.Equal(text.Replace(oldValue, newValue, comparison), ApiframeDownLevelShims.Replace(text, oldValue, newValue, comparison));

    [Fact]
    public void ASpanPrefixIsComparedAsTheFrameworkDoes()
    {
        Assert.True(ApiframeDownLevelShims.StartsWith("SHA256=abc".AsSpan(), "sha256=", StringComparison.OrdinalIgnoreCase));
        Assert.False(ApiframeDownLevelShims.StartsWith("sha25".AsSpan(), "sha256=", StringComparison.OrdinalIgnoreCase));
        Assert.False(ApiframeDownLevelShims.StartsWith("SHA256=abc".AsSpan(), "sha256=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MemoryThatIsNotAnArrayIsReadAndWrittenThroughAPooledArray()
    {
        // No array behind it, so the shims take the pooled path.
        using var native = new NativeBytes(64);
        var source = new MemoryStream(Enumerable.Range(0, 64).Select(i => (byte)i).ToArray());

        var read = await ApiframeDownLevelShims.ReadAsync(source, native.Memory, CancellationToken.None);
        var sink = new MemoryStream();
        await ApiframeDownLevelShims.WriteAsync(sink, native.Memory[..read], CancellationToken.None);

        Assert.Equal(64, read);
        Assert.Equal(source.ToArray(), sink.ToArray());
    }

    [Fact]
    public async Task ArrayBackedMemoryGoesStraightToTheArrayOverloads()
    {
        var bytes = new byte[] { 1, 2, 3, 4, 5 };
        var sink = new MemoryStream();

        await ApiframeDownLevelShims.WriteAsync(sink, bytes.AsMemory(1, 3), CancellationToken.None);

        Assert.Equal(new byte[] { 2, 3, 4 }, sink.ToArray());
    }

    [Fact]
    public void AddOrUpdateReplacesTheValueForTheSameKey()
    {
        var table = new ConditionalWeakTable<object, string>();
        var key = new object();

        ApiframeDownLevelShims.AddOrUpdate(table, key, "first");
        ApiframeDownLevelShims.AddOrUpdate(table, key, "second");

        Assert.True(table.TryGetValue(key, out var value));
        Assert.Equal("second", value);
    }

    [Fact]
    public void RemoveWithOutGivesTheValueOnlyWhenTheKeyWasThere()
    {
        var map = new Dictionary<string, int> { ["a"] = 1 };

        Assert.True(ApiframeDownLevelShims.Remove(map, "a", out var value));
        Assert.Equal(1, value);
        Assert.False(ApiframeDownLevelShims.Remove(map, "a", out _));
        Assert.Empty(map);
    }

    // Memory whose owner does not hand out an array (MemoryManager.TryGetArray says no by default), as native memory.
    private sealed class NativeBytes : System.Buffers.MemoryManager<byte>
    {
        private readonly byte[] _bytes;

        public NativeBytes(int length) => _bytes = new byte[length];

        public override Span<byte> GetSpan() => _bytes;

        public override System.Buffers.MemoryHandle Pin(int elementIndex = 0) => throw new NotSupportedException();

        public override void Unpin()
        {
        }

        protected override void Dispose(bool disposing)
        {
        }
    }
}
