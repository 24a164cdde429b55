using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FluxGen.Emulator;
using FluxGen.IntegrationTests.Emulator;
using Xunit;

namespace FluxGen.IntegrationTests.OpenApi;

/// <summary>The Node SDK README's <c>loras</c> calls against the emulator, made as the SDK makes them (multipart
/// metadata and 15–30 <c>images</c>), and the bodies the document's form schema refuses.</summary>
public sealed class LoraEndpointTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 9, 9, 9];

    [Fact]
    public async Task The_readme_flow_creates_waits_lists_gets_and_deletes_a_lora()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 0 });
        using var http = new EmulatorHttp(emulator.BaseAddress);

        using var response = await CreateAsync(http, Fields(("name", "my-style"), ("subjectKind", "person"), ("gender", "female"), ("ethnicity", "asian")), images: 15);
        var created = await EmulatorHttp.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, created.ToString());
        Assert.Equal(("PENDING", 15), (created.GetProperty("status").GetString(), created.GetProperty("imageCount").GetInt32()));
        var id = created.GetProperty("id").GetString()!;

        // `client.jobs.waitFor(created.jobId)`: the training is a job like any other.
        var (job, _, _) = await http.PollUntilDoneAsync(created.GetProperty("jobId").GetString()!);
        Assert.Equal("COMPLETED", job.GetProperty("status").GetString());

        var page = await EmulatorHttp.ReadJsonAsync(await http.GetAsync("v2/loras?limit=50"));
        var listed = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal((id, "READY"), (listed.GetProperty("id").GetString(), listed.GetProperty("status").GetString()));
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);

        var lora = await EmulatorHttp.ReadJsonAsync(await http.GetAsync($"v2/loras/{id}"));
        Assert.True(lora.GetProperty("isReady").GetBoolean());
        Assert.Equal(("my-style", 1000, 32), (lora.GetProperty("name").GetString(), lora.GetProperty("steps").GetInt32(), lora.GetProperty("loraRank").GetInt32()));
        Assert.DoesNotContain(EmulatorHttp.Key, lora.ToString(), StringComparison.Ordinal);

        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"v2/loras/{id}");
        delete.Headers.Add("X-API-Key", EmulatorHttp.Key);
        Assert.Equal(HttpStatusCode.NoContent, (await http.Client.SendAsync(delete)).StatusCode);
        Assert.Empty((await EmulatorHttp.ReadJsonAsync(await http.GetAsync("v2/loras"))).GetProperty("items").EnumerateArray());
        var archived = await EmulatorHttp.ReadJsonAsync(await http.GetAsync("v2/loras?includeArchived=true"));
        Assert.Equal("ARCHIVED", Assert.Single(archived.GetProperty("items").EnumerateArray()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"v2/loras/{id}", key: "afk_someone_else_0000000")).StatusCode);
    }

    [Fact]
    public async Task Pages_follow_the_cursor()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 0 });
        using var http = new EmulatorHttp(emulator.BaseAddress);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await CreateAsync(http, Fields(("name", $"style {i}"), ("subjectKind", "style")), images: 15)).StatusCode);
        }

        var first = await EmulatorHttp.ReadJsonAsync(await http.GetAsync("v2/loras?limit=2"));
        var cursor = first.GetProperty("nextCursor").GetString()!;
        var second = await EmulatorHttp.ReadJsonAsync(await http.GetAsync($"v2/loras?limit=2&cursor={cursor}"));
        var ids = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(l => l.GetProperty("id").GetString()).ToList();
        Assert.Equal(3, ids.Distinct().Count());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("v2/loras?limit=0")).StatusCode);
    }

    [Theory]
    [InlineData(14, "images", "name=x", "subjectKind=style")]
    [InlineData(15, "gender", "name=x", "subjectKind=person", "ethnicity=asian")]
    [InlineData(15, "steps", "name=x", "subjectKind=style", "steps=100")]
    [InlineData(15, "name", "subjectKind=style")]
    [InlineData(15, "subjectKind", "name=x", "subjectKind=animal")]
    public async Task A_form_the_document_refuses_is_400_at_its_field(int images, string field, params string[] pairs)
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 0 });
        using var http = new EmulatorHttp(emulator.BaseAddress);

        using var response = await CreateAsync(http, pairs.Select(p => (p.Split('=')[0], p.Split('=')[1])).ToArray(), images);
        var error = await EmulatorHttp.ReadJsonAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(error.GetProperty("details").EnumerateObject(), d => d.Name == field);
    }

    [Fact]
    public async Task Hostile_requests_are_a_4xx()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 0 });
        using var http = new EmulatorHttp(emulator.BaseAddress);

        using var json = new HttpRequestMessage(HttpMethod.Post, "v2/loras") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        json.Headers.Add("X-API-Key", EmulatorHttp.Key);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await http.Client.SendAsync(json)).StatusCode);

        using var text = await CreateAsync(http, Fields(("name", "x"), ("subjectKind", "style")), images: 15, contentType: "text/plain");
        Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);

        var broken = new HttpRequestMessage(HttpMethod.Post, "v2/loras") { Content = new ByteArrayContent(Encoding.ASCII.GetBytes("--b\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nno end")) };
        broken.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        broken.Headers.Add("X-API-Key", EmulatorHttp.Key);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.Client.SendAsync(broken)).StatusCode);
    }

    private static (string, string)[] Fields(params (string, string)[] fields) => fields;

    private static Task<HttpResponseMessage> CreateAsync(EmulatorHttp http, (string Name, string Value)[] fields, int images, string contentType = "image/png")
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        for (var i = 0; i < images; i++)
        {
            var file = new ByteArrayContent(Png);
            file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            form.Add(file, "images", $"{i:00}.png");
        }

        var message = new HttpRequestMessage(HttpMethod.Post, "v2/loras") { Content = form };
        message.Headers.Add("X-API-Key", EmulatorHttp.Key);
        return http.Client.SendAsync(message);
    }
}
