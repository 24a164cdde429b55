using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Xunit;

namespace FluxGen.IntegrationTests.Emulator;

/// <summary>Plain HttpClient calls against an emulator, the way any client would make them.</summary>
internal sealed class EmulatorHttp : IDisposable
{
    public const string Key = "afk_test_123";
    public const string ValidBody = """{"prompt":"a red umbrella in Tokyo rain","model":"flux-1.1-pro"}""";

    public EmulatorHttp(Uri baseAddress) => Client = new HttpClient { BaseAddress = baseAddress };

    public HttpClient Client { get; }

    public Task<HttpResponseMessage> SubmitAsync(string body, string? key = Key, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "v2/images/generate")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (key is not null)
        {
            request.Headers.Add("X-API-Key", key);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return Client.SendAsync(request);
    }

    public async Task<string> SubmitOkAsync(string body = ValidBody, string? idempotencyKey = null, string key = Key)
    {
        using var response = await SubmitAsync(body, key, idempotencyKey);
        var json = await ReadJsonAsync(response);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, $"Expected 202, got {(int)response.StatusCode}: {json}");
        return json.GetProperty("jobId").GetString()!;
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? key = Key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
        {
            request.Headers.Add("X-API-Key", key);
        }

        return Client.SendAsync(request);
    }

    public async Task<JsonElement> GetJobAsync(string jobId, string key = Key)
    {
        using var response = await GetAsync($"v2/jobs/{jobId}", key);
        var json = await ReadJsonAsync(response);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return json;
    }

    /// <summary>Polls until the job ends; returns the final job and how many polls it took.</summary>
    public async Task<(JsonElement Job, int Polls, List<(string Status, int? Progress)> Seen)> PollUntilDoneAsync(string jobId, int maxPolls = 2000, int delayMs = 10)
    {
        var seen = new List<(string, int?)>();
        for (var poll = 1; poll <= maxPolls; poll++)
        {
            var job = await GetJobAsync(jobId);
            var status = job.GetProperty("status").GetString()!;
            var progress = job.GetProperty("progress");
            seen.Add((status, progress.ValueKind == JsonValueKind.Number ? progress.GetInt32() : null));
            if (status is "COMPLETED" or "FAILED")
            {
                return (job, poll, seen);
            }

            await Task.Delay(delayMs);
        }

        throw new Xunit.Sdk.XunitException($"Job {jobId} did not end within {maxPolls} polls.");
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/json", $"Not JSON ({response.Content.Headers.ContentType}): {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static string Body(string fluxParams = "", string extra = "") =>
        "{\"prompt\":\"a lighthouse at dusk\",\"model\":\"flux-1.1-pro\""
        + (fluxParams.Length > 0 ? ",\"fluxParams\":{" + fluxParams + "}" : string.Empty)
        + (extra.Length > 0 ? "," + extra : string.Empty)
        + "}";

    public static MediaTypeHeaderValue? ContentType(HttpResponseMessage response) => response.Content.Headers.ContentType;

    public void Dispose() => Client.Dispose();
}
