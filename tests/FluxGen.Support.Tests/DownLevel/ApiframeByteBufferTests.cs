using System;
using System.Text.Json;
using Apiframe.Serialization;
using Xunit;

namespace FluxGen.Support.Tests.DownLevel;

/// <summary>The buffer Utf8JsonWriter writes into below net8.0 (Support/DownLevel/), compiled here on .NET 10 and
/// held to what the framework's ArrayBufferWriter does.</summary>
public class ApiframeByteBufferTests
{
    [Fact]
    public void JsonWrittenThroughItMatchesTheFrameworksBufferByteForByte()
    {
        var ours = new ApiframeByteBuffer(1);
        var theirs = new System.Buffers.ArrayBufferWriter<byte>(1);
        foreach (var buffer in new System.Buffers.IBufferWriter<byte>[] { ours, theirs })
        {
            using var writer = new Utf8JsonWriter(buffer);
            writer.WriteStartObject();
            writer.WriteString("prompt", new string('x', 5000) + " ü 雨");
            writer.WriteNumber("seed", 42);
            writer.WriteEndObject();
        }

        Assert.Equal(theirs.WrittenSpan.ToArray(), ours.WrittenSpan.ToArray());
        Assert.Equal(theirs.WrittenCount, ours.WrittenCount);
        var segment = ours.WrittenSegment;
        Assert.Equal(ours.WrittenSpan.ToArray(), segment.ToArray());
    }

    [Fact]
    public void ResetKeepsTheArrayAndStartsOver()
    {
        var buffer = new ApiframeByteBuffer(4);
        buffer.GetSpan(100)[0] = 7;
        buffer.Advance(100);
        var capacity = buffer.Capacity;

        buffer.ResetWrittenCount();

        Assert.Equal(0, buffer.WrittenCount);
        Assert.Equal(capacity, buffer.Capacity);
        Assert.True(buffer.GetMemory().Length >= 1);
    }

    [Fact]
    public void GrowingMeetsAHintLargerThanDoubleExactlyAndDoublesOtherwise()
    {
        var buffer = new ApiframeByteBuffer(16);
        buffer.Advance(10);

        Assert.True(buffer.GetSpan(100).Length >= 100);
        Assert.Equal(110, buffer.Capacity);
        buffer.Advance(100);
        buffer.GetSpan(1);
        Assert.Equal(220, buffer.Capacity);
    }

    [Fact]
    public void MisuseIsRefusedBeforeAnythingIsWritten()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ApiframeByteBuffer(0));
        var buffer = new ApiframeByteBuffer(8);
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Advance(9));
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Advance(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.GetSpan(-1));
        Assert.Equal(0, buffer.WrittenCount);
    }
}
