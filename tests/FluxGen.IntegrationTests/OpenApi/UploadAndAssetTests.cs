using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FluxGen.Emulator;
using FluxGen.IntegrationTests.Emulator;
using Xunit;

namespace FluxGen.IntegrationTests.OpenApi;

/// <summary>The Node SDK README's <c>uploads</c> and <c>assets</c> calls against the emulator, made as the SDK makes
/// them, and the hostile requests each endpoint must answer with a 4xx.</summary>
public sealed class UploadAndAssetTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4, 5];

    [Fact]
    public async Task An_upload_is_201_with_the_documented_fields_is_served_back_without_a_key_and_feeds_an_edit()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 0 });
        using var http = new EmulatorHttp(emulator.BaseAddress);

        using var response = await UploadAsync(http, Png, "cat.png", "image/png");
        var upload = await EmulatorHttp.ReadJsonAsync(response);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(Guid.TryParse(upload.GetProperty("id").GetString(), out _));
        Assert.Equal("image", upload.GetProperty("kind").GetString());
        Assert.Equal("image/png", upload.GetProperty("contentType").GetString());
        Assert.Equal(Png.Length, upload.GetProperty("byteSize").GetInt32());
        Assert.True(DateTimeOffset.TryParse(upload.GetProperty("expiresAt").GetString(), out var expires) && expires > DateTimeOffset.UtcNow);
        var url = new Uri(upload.GetProperty("url").GetString()!);
        Assert.Equal(emulator.BaseAddress.Authority, url.Authority);

        using var anonymous = new HttpClient();
        using var served = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await served.Content.ReadAsByteArrayAsync());

        // The README's next step: the URL straight into an edit request.
        var edit = $$$"""{"model":"flux-fill-pro","fluxFillParams":{"image":"{{{url}}}","mask":"{{{url}}}","prompt":"change colors","mode":"inpaint"}}""";
        using var submitted = await http.Client.SendAsync(Json(HttpMethod.Post, "v2/images/edit", edit));
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
    }

    [Fact]
    public async Task Uploads_refuse_what_they_cannot_take_with_a_4xx_and_keep_serving()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 0 });
        using var http = new EmulatorHttp(emulator.BaseAddress);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await http.Client.SendAsync(Json(HttpMethod.Post, "v2/uploads", "{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await UploadAsync(http, Encoding.UTF8.GetBytes("hello"), "a.txt", "text/plain")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(http, Png, "cat.png", "image/png", partName: "image")).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await UploadAsync(http, new byte[(25 * 1024 * 1024) + 1], "big.png", "image/png")).StatusCode);

        var broken = new HttpRequestMessage(HttpMethod.Post, "v2/uploads") { Content = new ByteArrayContent(Encoding.ASCII.GetBytes("--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nno end")) };
        broken.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        broken.Headers.Add("X-API-Key", EmulatorHttp.Key);
        using var brokenResponse = await http.Client.SendAsync(broken);
        Assert.Equal(HttpStatusCode.BadRequest, brokenResponse.StatusCode);
        Assert.True((await EmulatorHttp.ReadJsonAsync(brokenResponse)).TryGetProperty("error", out _));

        using var noKey = new HttpRequestMessage(HttpMethod.Post, "v2/uploads") { Content = Form(Png, "cat.png", "image/png", "file") };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.Client.SendAsync(noKey)).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(http, Png, "cat.png", "image/png")).StatusCode);
    }

    [Fact]
    public async Task Assets_are_created_from_the_documented_body_and_read_back_by_their_owner_only()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 0 });
        using var http = new EmulatorHttp(emulator.BaseAddress);

        using var created = await http.Client.SendAsync(Json(HttpMethod.Post, "v2/assets/create", """{"url":"https://cdn.example.com/foo.mp4","type":"video"}"""));
        var assetId = (await EmulatorHttp.ReadJsonAsync(created)).GetProperty("assetId").GetString()!;
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var read = await http.GetAsync($"v2/assets/{assetId}");
        var asset = await EmulatorHttp.ReadJsonAsync(read);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(("https://cdn.example.com/foo.mp4", "video"), (asset.GetProperty("url").GetString(), asset.GetProperty("type").GetString()));

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"v2/assets/{assetId}", key: "afk_someone_else_0000000")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"v2/assets/{Guid.NewGuid()}")).StatusCode);

        foreach (var bad in new[] { """{"url":"https://cdn.example.com/foo.mp4","type":"document"}""", """{"type":"video"}""", """{"url":"ftp://example.com/x","type":"video"}""", "[1]" })
        {
            using var refused = await http.Client.SendAsync(Json(HttpMethod.Post, "v2/assets/create", bad));
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{bad}: {(int)refused.StatusCode}");
        }
    }

    private static Task<HttpResponseMessage> UploadAsync(EmulatorHttp http, byte[] bytes, string fileName, string contentType, string partName = "file")
    {
        var message = new HttpRequestMessage(HttpMethod.Post, "v2/uploads") { Content = Form(bytes, fileName, contentType, partName) };
        message.Headers.Add("X-API-Key", EmulatorHttp.Key);
        return http.Client.SendAsync(message);
    }

    private static MultipartFormDataContent Form(byte[] bytes, string fileName, string contentType, string partName)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, partName, fileName } };
    }

    private static HttpRequestMessage Json(HttpMethod method, string path, string body)
    {
        var message = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        message.Headers.Add("X-API-Key", EmulatorHttp.Key);
        return message;
    }
}
