using System.Text;
using System.Text.RegularExpressions;
using Apiframe;
using Apiframe.Webhooks;
using FluxGen.Emulator;
using FluxGen.IntegrationTests.Client;
using FluxGen.IntegrationTests.Package;
using Xunit;

namespace FluxGen.IntegrationTests.Resources;

/// <summary>
/// README's table of Node SDK calls and their C# counterparts: every row is made here against the emulator, and the
/// table and this list must name the same Node SDK calls, so neither can drift from the other.
/// </summary>
public sealed class NodeSdkMappingTests
{
    private const string Url = "https://example.com/photo.png";
    private const string Video = "https://cdn.example.com/clip.mp4";

    private static readonly Dictionary<string, Func<ClientFixture, Task>> Rows = new()
    {
        ["client.images.generate({ model: 'flux-1.1-pro', prompt })"] = f => Accepted(f, new Flux11ProRequest("an oil painting of a cat astronaut")),
        ["client.images.upscale({ model: 'topaz-image-upscale', ... })"] = f => Accepted(f, new TopazImageUpscaleRequest(new(image: Url))),
        ["client.images.edit({ model: 'flux-fill-pro', ... })"] = f => Accepted(f, new FluxFillProRequest(new(image: Url, mode: FluxFillProMode.Inpaint, prompt: "northern lights"))),
        ["client.images.removeBackground({ model: 'bria-bg-remove', ... })"] = f => Accepted(f, new BriaBgRemoveRequest(new(image: Url))),
        ["client.videos.generate({ model: 'kling-2.1', prompt })"] = f => Accepted(f, new Kling21Request("a paper boat")),
        ["client.videos.upscale({ model: 'topaz-video-upscale', ... })"] = f => Accepted(f, new TopazVideoUpscaleRequest(new(targetFps: 30, targetResolution: TopazVideoUpscaleTargetResolution.Value1080p, video: Video))),
        ["client.videos.edit({ model: 'wan-2.7-videoedit', ... })"] = f => Accepted(f, new Wan27VideoeditRequest("warm sunset grading", new(video: Video))),
        ["client.music.generate({ model: 'suno', prompt })"] = f => Accepted(f, new SunoRequest("lo-fi hip-hop")),
        ["client.jobs.get(id)"] = async f =>
        {
            var submitted = await f.Client.SubmitAsync(new Flux11ProRequest("get me"));
            Assert.Equal(submitted.JobId, (await f.Client.GetJobAsync(submitted.JobId)).Id);
        },
        ["client.jobs.list(query)"] = async f =>
        {
            var submitted = await f.Client.SubmitAsync(new Flux11ProRequest("list me"));
            var listed = new List<string>();
            await foreach (var job in f.Client.ListJobsAsync(new ApiframeJobQuery { Model = "flux-1.1-pro" }))
            {
                listed.Add(job.Id);
            }

            Assert.Contains(submitted.JobId, listed);
        },
        ["client.jobs.waitFor(id)"] = async f =>
        {
            var submitted = await f.Client.SubmitAsync(new Flux11ProRequest("wait for me"));
            Assert.Equal(ApiframeJobStatus.Completed, (await f.Client.WaitForCompletionAsync(submitted.JobId)).Status);
        },
        ["client.uploads.create({ file })"] = async f =>
        {
            var path = Path.Combine(Path.GetTempPath(), $"fluxgen-node-map-{Guid.NewGuid():N}.png");
            await File.WriteAllBytesAsync(path, UploadTests.Png(8, 8));
            try
            {
                Assert.Equal("image", (await f.Client.UploadAsync(ApiframeFile.FromPath(path))).Kind);
            }
            finally
            {
                File.Delete(path);
            }
        },
        ["client.loras.create({ name, subjectKind, images })"] = async f =>
        {
            var images = Enumerable.Range(0, 15).Select(i => ApiframeFile.FromBytes(UploadTests.Png(16, 16), $"style-{i}.png")).ToArray();
            var lora = await f.Client.CreateLoraAsync(new CreateLoraRequest("watercolour", images) { SubjectKind = CreateLoraSubjectKind.Style });
            Assert.False(string.IsNullOrEmpty(lora.Id));
            Assert.False(lora.IsReady);
        },
        ["client.loras.list()"] = async f =>
        {
            var created = await CreateLoraAsync(f);
            var listed = new List<string>();
            await foreach (var lora in f.Client.ListLorasAsync())
            {
                listed.Add(lora.Id);
            }

            Assert.Contains(created, listed);
        },
        ["client.loras.get(id)"] = async f =>
        {
            var created = await CreateLoraAsync(f);
            Assert.Equal(created, (await f.Client.GetLoraAsync(created)).Id);
        },
        ["client.loras.delete(id)"] = async f =>
        {
            var created = await CreateLoraAsync(f);
            await f.Client.DeleteLoraAsync(created);
            Assert.Equal(ApiframeLoraStatus.Archived, (await f.Client.GetLoraAsync(created)).Status);
        },
        ["client.assets.create({ url, type })"] = async f =>
        {
            var assetId = await f.Client.CreateAssetAsync(new CreateAssetRequest(Video, CreateAssetType.Video));
            Assert.Equal(Video, (await f.Client.GetAssetAsync(assetId)).GetProperty("url").GetString());
        },
        ["client.models.list({ modality })"] = async f => Assert.All(await f.Client.GetModelsAsync("music"), m => Assert.Equal("music", m.Modality)),
        ["client.assets.get(id)"] = async f =>
        {
            var error = await Assert.ThrowsAsync<ApiframeException>(() => f.Client.GetAssetAsync("no-such-asset"));
            Assert.Equal(404, error.StatusCode);
        },
        ["client.me()"] = async f => Assert.Equal("OWNER", (await f.Client.GetAccountAsync()).User.Role),
        ["verifyWebhook({ apiKey, body, signature })"] = f =>
        {
            var body = Encoding.UTF8.GetBytes("""{"event":"completed","jobId":"j1"}""");
            var verifier = new ApiframeWebhookVerifier(ClientFixture.Key);
            Assert.True(verifier.Verify(body, WebhookSigner.Sign(ClientFixture.Key, body)));
            Assert.False(verifier.Verify(body, WebhookSigner.Sign("afk_another_key", body)));
            return Task.CompletedTask;
        },
    };

    [Fact]
    public void The_readme_table_and_this_test_name_the_same_node_sdk_calls()
    {
        Assert.Equal(Rows.Keys.Order(StringComparer.Ordinal), ReadmeRows().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_row_of_the_readme_table_works_against_the_emulator()
    {
        await using var fixture = await ClientFixture.StartAsync();
        foreach (var row in ReadmeRows())
        {
            try
            {
                await Rows[row](fixture);
            }
            catch (Exception ex) when (ex is not KeyNotFoundException)
            {
                throw new InvalidOperationException($"README row `{row}` failed: {ex.Message}", ex);
            }
        }
    }

    private static async Task<string> CreateLoraAsync(ClientFixture fixture)
    {
        var images = Enumerable.Range(0, 15).Select(i => ApiframeFile.FromBytes(UploadTests.Png(16, 16), $"object-{i}.png")).ToArray();
        return (await fixture.Client.CreateLoraAsync(new CreateLoraRequest("teapot", images) { SubjectKind = CreateLoraSubjectKind.Object })).Id;
    }

    private static async Task Accepted(ClientFixture fixture, IApiframeRequest request)
    {
        var submission = await fixture.Client.SubmitAsync(request);
        Assert.Equal(request.ModelInfo.Id, fixture.Emulator.GetJob(submission.JobId)!.Model);
    }

    // The first column of the table between the README's markers, without its backticks.
    private static IEnumerable<string> ReadmeRows()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var start = readme.IndexOf("<!-- node-sdk-mapping:start -->", StringComparison.Ordinal);
        var end = readme.IndexOf("<!-- node-sdk-mapping:end -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "README has no Node SDK mapping table");
        return Regex.Matches(readme[start..end], @"^\| `([^`]+)` \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
    }
}
