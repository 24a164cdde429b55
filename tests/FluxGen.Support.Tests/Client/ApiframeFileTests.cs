using System;
using System.IO;
using Apiframe;
using Xunit;

namespace FluxGen.Support.Tests.Client;

/// <summary>What an <see cref="ApiframeFile"/> decides before any request: its type, kind and size limit.</summary>
public sealed class ApiframeFileTests
{
    [Theory]
    [InlineData("cat.PNG", null, "image/png", "image")]
    [InlineData("photos/cat.jpeg", null, "image/jpeg", "image")]
    [InlineData("clip.mov", null, "video/quicktime", "video")]
    [InlineData("song.m4a", null, "audio/mp4", "audio")]
    [InlineData("song.mp3", null, "audio/mpeg", "audio")]
    [InlineData("blob", "IMAGE/WEBP; charset=binary", "image/webp", "image")]
    [InlineData("cat.png", "video/mp4", "video/mp4", "video")]
    public void The_type_comes_from_the_caller_or_else_from_the_name(string name, string? given, string type, string kind)
    {
        var file = ApiframeFile.FromBytes(new byte[3], name, given);

        Assert.Equal(type, file.ContentType);
        Assert.Equal(kind, file.Kind);
        Assert.Equal(Path.GetFileName(name), file.FileName);
        Assert.Equal(3, file.Length);
    }

    [Theory]
    [InlineData("notes.txt", null)]
    [InlineData("archive", null)]
    [InlineData("cat.png", "application/octet-stream")]
    [InlineData("cat.png", "image/svg+xml")]
    public void A_type_the_api_does_not_take_is_refused_with_the_list_of_those_it_does(string name, string? given)
    {
        var error = Assert.Throws<ArgumentException>(() => ApiframeFile.FromBytes(new byte[3], name, given));

        Assert.Contains("image/png", error.Message, StringComparison.Ordinal);
        Assert.Contains("audio/mpeg", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_kind_has_the_documents_limit()
    {
        Assert.Equal(25L * 1024 * 1024, ApiframeFile.FromBytes(new byte[1], "a.png").MaxLength);
        Assert.Equal(25L * 1024 * 1024, ApiframeFile.FromBytes(new byte[1], "a.wav").MaxLength);
        Assert.Equal(50L * 1024 * 1024, ApiframeFile.FromBytes(new byte[1], "a.webm").MaxLength);
    }

    [Fact]
    public void A_seekable_stream_counts_from_its_position_and_an_unreadable_one_is_refused()
    {
        var stream = new MemoryStream(new byte[100]) { Position = 40 };

        Assert.Equal(60, ApiframeFile.FromStream(stream, "a.gif").Length);
        Assert.Throws<ArgumentException>(() => ApiframeFile.FromStream(new UnreadableStream(), "a.gif"));
        Assert.Throws<ArgumentException>(() => ApiframeFile.FromBytes(new byte[1], " "));
    }

    private sealed class UnreadableStream : MemoryStream
    {
        public override bool CanRead => false;
    }
}
