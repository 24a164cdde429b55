using System.Net;
using System.Text;
using FluxGen.Emulator;
using FluxGen.IntegrationTests.Emulator;
using FluxGen.Tests.OpenApi;
using Xunit;

namespace FluxGen.IntegrationTests.OpenApi;

/// <summary>Every model typed from the document, end to end: the generated request's <c>ToJson()</c> goes to the
/// emulator, which validates it against the same document and accepts it.</summary>
public sealed class DocumentModelTests
{
    [Fact]
    public async Task A_request_per_model_of_the_document_is_accepted_by_the_emulator()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 0 });
        using var http = new EmulatorHttp(emulator.BaseAddress);
        var types = SampleRequests.RequestTypes(typeof(DocumentModelTests).Assembly);
        Assert.Equal(106, types.Count);
        Assert.Equal(106, emulator.Models.Count);

        var rejected = new List<string>();
        foreach (var type in types)
        {
            var request = SampleRequests.Build(type);
            var json = (string)type.GetMethod("ToJson")!.Invoke(request, null)!;
            using var message = new HttpRequestMessage(HttpMethod.Post, SampleRequests.Endpoint(type).TrimStart('/'))
            {
                Content = new StringContent(json, Encoding.UTF8, "application/json"),
            };
            message.Headers.Add("X-API-Key", EmulatorHttp.Key);
            using var response = await http.Client.SendAsync(message);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                rejected.Add($"{SampleRequests.ModelId(type)}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        Assert.Empty(rejected);
    }

    [Fact]
    public async Task A_value_the_document_forbids_is_a_400_at_its_path()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 0 });
        using var http = new EmulatorHttp(emulator.BaseAddress);
        var body = """{"model":"kling-2.1","prompt":"p","klingParams":{"duration":7,"mode":"turbo"}}""";
        using var message = new HttpRequestMessage(HttpMethod.Post, "v2/videos/generate") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        message.Headers.Add("X-API-Key", EmulatorHttp.Key);
        using var response = await http.Client.SendAsync(message);
        var json = await EmulatorHttp.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var details = json.GetProperty("details");
        Assert.True(details.TryGetProperty("klingParams.duration", out _), json.ToString());
        Assert.True(details.TryGetProperty("klingParams.mode", out _), json.ToString());
    }
}
