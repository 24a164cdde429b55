using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FluxGen.Emulator;
using Xunit;

namespace FluxGen.IntegrationTests.Emulator;

/// <summary>
/// Whatever bytes a client sends, the emulator answers 4xx with a clear <c>error</c>, never 5xx, and serves the
/// next valid request as usual.
/// </summary>
public sealed class EmulatorHostileBytesTests : IAsyncLifetime
{
    private ApiframeEmulator _emulator = null!;
    private EmulatorHttp _http = null!;

    public async Task InitializeAsync()
    {
        _emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { ManualClock = true });
        _http = new EmulatorHttp(_emulator.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    public static TheoryData<string, byte[], string> HostileBodies => new()
    {
        { "malformed UTF-8 in a string", Utf8("{\"prompt\":\"a"), "Unicode" },
        { "a lone high surrogate escape", Ascii("{\"prompt\":\"a\\ud800\",\"model\":\"flux-1.1-pro\"}"), "lone surrogate" },
        { "a lone low surrogate escape", Ascii("{\"prompt\":\"\\udc00b\",\"model\":\"flux-1.1-pro\"}"), "lone surrogate" },
        { "a reversed surrogate pair", Ascii("{\"prompt\":\"\\udc00\\ud800\",\"model\":\"flux-1.1-pro\"}"), "lone surrogate" },
        { "a lone surrogate in a key", Ascii("{\"prompt\":\"a\",\"model\":\"flux-1.1-pro\",\"\\ud800\":1}"), "property name" },
        { "a lone surrogate in an array item", Ascii("{\"prompt\":\"a\",\"model\":\"flux-1.1-pro\",\"webhookEvents\":[\"\\udfff\"]}"), "lone surrogate" },
        { "10,000-deep arrays", Ascii("{\"prompt\":" + new string('[', 10_000) + new string(']', 10_000) + "}"), "nested deeper than 64" },
        { "10,000-deep objects", Ascii(string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000)), "nested deeper than 64" },
        { "a number of 100,000 digits", Ascii("{\"prompt\":\"a\",\"model\":\"flux-1.1-pro\",\"fluxParams\":{\"output_quality\":" + new string('9', 100_000) + "}}"), "significant digits" },
        { "an exponent beyond any integer", Ascii("{\"prompt\":\"a\",\"model\":\"flux-1.1-pro\",\"fluxParams\":{\"output_quality\":1e99999999999999999999}}"), "at most 100" },
        { "a tiny exponent", Ascii("{\"prompt\":\"a\",\"model\":\"flux-1.1-pro\",\"fluxParams\":{\"image_prompt_strength\":1e-99999999999999999999}}"), "multiple of 0.05" },
        { "a duplicate key", Ascii("{\"prompt\":\"a\",\"model\":\"flux-1.1-pro\",\"prompt\":\"b\"}"), "more than once" },
        { "a duplicate nested key", Ascii("{\"prompt\":\"a\",\"model\":\"flux-1.1-pro\",\"fluxParams\":{\"raw\":true,\"raw\":false}}"), "more than once" },
        { "an empty body", [], "not valid JSON" },
        { "a truncated body", Ascii("{\"prompt\":\"a\","), "not valid JSON" },
        { "NaN", Ascii("{\"prompt\":\"a\",\"model\":\"flux-1.1-pro\",\"fluxParams\":{\"image_prompt_strength\":NaN}}"), "not valid JSON" },
        { "a NUL byte", Ascii("{\"prompt\":\"a\0\",\"model\":\"flux-1.1-pro\"}"), "not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public async Task Hostile_body_is_400_with_a_clear_error_and_the_emulator_keeps_serving(string what, byte[] body, string messagePart)
    {
        using var response = await PostAsync(new ByteArrayContent(body), "application/json");
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode} {text}");
        Assert.Contains(messagePart, text, StringComparison.Ordinal);
        await _http.SubmitOkAsync();
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData(null)]
    public async Task Wrong_content_type_is_415_and_the_emulator_keeps_serving(string? contentType)
    {
        using var response = await PostAsync(new ByteArrayContent(Ascii(EmulatorHttp.ValidBody)), contentType);
        var json = await EmulatorHttp.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/json", json.GetProperty("error").GetString(), StringComparison.Ordinal);
        await _http.SubmitOkAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_100_MB_body_is_413_without_being_read_whole_and_the_emulator_keeps_serving(bool announceLength)
    {
        // Generated as it is sent: the test never holds 100 MB either.
        var body = new GeneratedBody(100L * 1024 * 1024);
        var content = new StreamContent(body);
        if (announceLength)
        {
            content.Headers.ContentLength = body.Length;
        }

        HttpResponseMessage? response = null;
        try
        {
            response = await PostAsync(content, "application/json");
        }
        catch (HttpRequestException)
        {
            // The server may answer and close before the client has finished sending; that is its right.
        }

        if (response is not null)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{(int)response.StatusCode} {text}");
            Assert.Contains("larger than", text, StringComparison.Ordinal);
            response.Dispose();
        }

        // Far less than the body was produced: the emulator stopped reading at its cap.
        Assert.True(body.Produced < 50L * 1024 * 1024, $"{body.Produced} bytes were read");
        Assert.Empty(_emulator.Jobs);
        await _http.SubmitOkAsync();
        Assert.Contains(_emulator.Requests, r => r.StatusCode == 413);
    }

    private async Task<HttpResponseMessage> PostAsync(HttpContent content, string? contentType)
    {
        content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, "v2/images/generate") { Content = content };
        request.Headers.Add("X-API-Key", EmulatorHttp.Key);
        return await _http.Client.SendAsync(request);
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static byte[] Utf8(string prefix) => [.. Encoding.ASCII.GetBytes(prefix), 0xC3, 0x28, 0xFF, .. Encoding.ASCII.GetBytes("\",\"model\":\"flux-1.1-pro\"}")];

    /// <summary>A JSON-looking body of any length, produced as it is read.</summary>
    private sealed class GeneratedBody(long length) : Stream
    {
        private static readonly byte[] Prefix = Encoding.ASCII.GetBytes("{\"prompt\":\"");

        public long Produced { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => Produced; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - Produced);
            for (var i = 0; i < n; i++)
            {
                var at = Produced + i;
                buffer[offset + i] = at < Prefix.Length ? Prefix[at] : (byte)'a';
            }

            Produced += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
