using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FluxGen.Emulator;
using FluxGen.IntegrationTests.Emulator;
using Xunit;

namespace FluxGen.IntegrationTests.OpenApi;

/// <summary>
/// The official Node SDK's live smoke test (apiframe-ai/apiframe-nodejs-sdk, <c>test/smoke.live.test.ts</c>, run with
/// <c>APIFRAME_E2E=1</c> and <c>APIFRAME_BASE_URL</c> at the emulator), replayed as the SDK's transport sends it: the
/// same three calls in order (<c>GET /v2/me</c>, <c>POST /v2/images/generate</c>, then <c>GET /v2/jobs/{id}</c>
/// until the job ends), the same headers and body, and the same assertions on each reply.
/// </summary>
public sealed partial class NodeSdkSmokeTests
{
    /// <summary>The body the smoke test submits: flux-1.1-pro with the document's width and height, which the model
    /// page does not list.</summary>
    private const string SmokeBody = """{"model":"flux-1.1-pro","prompt":"a single small green circle on a white background, vector","fluxParams":{"width":512,"height":512,"output_format":"jpg"}}""";

    [Fact]
    public async Task The_sdk_smoke_test_passes_against_the_emulator()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 0 });
        using var http = new EmulatorHttp(emulator.BaseAddress);

        // client.me(): the caller has an e-mail address.
        using var me = await SendAsync(http, HttpMethod.Get, "/v2/me");
        var caller = await EmulatorHttp.ReadJsonAsync(me);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.False(string.IsNullOrEmpty(caller.GetProperty("user").GetProperty("email").GetString()));

        // client.images.generate(...): accepted with a job id of 36 hex digits and hyphens.
        using var submitted = await SendAsync(http, HttpMethod.Post, "/v2/images/generate", SmokeBody);
        var accepted = await EmulatorHttp.ReadJsonAsync(submitted);
        Assert.True(submitted.StatusCode == HttpStatusCode.Accepted, $"{(int)submitted.StatusCode} {accepted}");
        var jobId = accepted.GetProperty("jobId").GetString()!;
        Assert.Matches(JobIdShape(), jobId);

        // client.jobs.waitFor(jobId): polls until a terminal status; FAILED or CANCELLED would reject.
        var job = await WaitForAsync(http, jobId);
        Assert.Equal("COMPLETED", job.GetProperty("status").GetString());
        Assert.True(job.TryGetProperty("result", out var result) && result.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined));
        Assert.Equal("flux-1.1-pro", job.GetProperty("model").GetString());
    }

    [Fact]
    public async Task A_width_beyond_the_documents_2048_is_refused_at_its_path()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 0 });
        using var http = new EmulatorHttp(emulator.BaseAddress);

        using var response = await SendAsync(http, HttpMethod.Post, "/v2/images/generate", SmokeBody.Replace("\"width\":512", "\"width\":4000", StringComparison.Ordinal));
        var json = await EmulatorHttp.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var details = json.GetProperty("details");
        Assert.Equal(["fluxParams.width"], details.EnumerateObject().Select(p => p.Name));
        Assert.Contains(details.GetProperty("fluxParams.width").EnumerateArray(), m => m.GetString()!.Contains("at most 2048", StringComparison.Ordinal));
        Assert.Empty(emulator.Jobs);
    }

    /// <summary>The SDK's transport: <c>x-api-key</c>, <c>accept: application/json</c> and its user agent on every
    /// call; a JSON body as <c>application/json</c>; no idempotency key unless the caller passes one.</summary>
    private static Task<HttpResponseMessage> SendAsync(EmulatorHttp http, HttpMethod method, string path, string? body = null)
    {
        var message = new HttpRequestMessage(method, path.TrimStart('/'));
        message.Headers.Add("X-API-Key", EmulatorHttp.Key);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        message.Headers.UserAgent.ParseAdd("apiframe-sdk-node/2.0.0-beta.0");
        if (body is not null)
        {
            message.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return http.Client.SendAsync(message);
    }

    /// <summary>The SDK's wait loop, counted in polls rather than its 3 to 6 second sleeps (the emulator's clock runs
    /// with <c>TimeScale = 0</c>, so a job is done at once).</summary>
    private static async Task<JsonElement> WaitForAsync(EmulatorHttp http, string jobId)
    {
        for (var poll = 0; poll < 100; poll++)
        {
            using var response = await SendAsync(http, HttpMethod.Get, "/v2/jobs/" + Uri.EscapeDataString(jobId));
            var job = await EmulatorHttp.ReadJsonAsync(response);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var status = job.GetProperty("status").GetString();
            Assert.False(status is "FAILED" or "CANCELLED", $"waitFor would reject: {job}");
            if (status == "COMPLETED")
            {
                return job;
            }

            await Task.Delay(10);
        }

        throw new Xunit.Sdk.XunitException($"Job {jobId} did not end within 100 polls.");
    }

    [GeneratedRegex("^[0-9a-f-]{36}$", RegexOptions.IgnoreCase)]
    private static partial Regex JobIdShape();
}
