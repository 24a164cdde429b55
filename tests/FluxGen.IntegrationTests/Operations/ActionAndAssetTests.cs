using Apiframe;
using Apiframe.Validation;
using FluxGen.IntegrationTests.Client;
using Xunit;

namespace FluxGen.IntegrationTests.Operations;

/// <summary>The generated action and asset requests through the generated client, over real HTTP to the emulator.</summary>
public sealed class ActionAndAssetTests
{
    [Fact]
    public async Task A_midjourney_grid_is_upsampled_into_one_image()
    {
        await using var fixture = await ClientFixture.StartAsync();
        var grid = await fixture.Client.GenerateAsync(new MidjourneyRequest("a fox in an autumn forest"));

        var upsampled = await fixture.Client.GenerateAsync(new MidjourneyUpsampleRequest(grid.Id, 2));

        Assert.Equal(ApiframeJobStatus.Completed, upsampled.Status);
        Assert.Single(upsampled.Images);
        Assert.NotEqual(grid.Id, upsampled.Id);
        var post = Assert.Single(fixture.Emulator.Requests, r => r.Method == "POST" && r.Path == "/v2/images/midjourney/action");
        Assert.Equal((202, ClientFixture.Key), (post.StatusCode, post.ApiKey));
        Assert.False(string.IsNullOrEmpty(post.IdempotencyKey));
    }

    [Fact]
    public async Task A_suno_track_is_extended_into_a_fresh_pair()
    {
        await using var fixture = await ClientFixture.StartAsync();
        var song = await fixture.Client.GenerateAsync(new SunoRequest("lo-fi hip-hop, rainy afternoon"));

        var extended = await fixture.Client.GenerateAsync(new SunoExtendRequest(song.Id) { Index = 1, ContinueAt = 12.5 });

        Assert.Equal(ApiframeJobStatus.Completed, extended.Status);
        Assert.Equal(2, extended.Audio.Count);
        Assert.Contains(fixture.Emulator.Requests, r => r.Method == "POST" && r.Path == "/v2/music/suno/action" && r.StatusCode == 202);
    }

    [Fact]
    public async Task An_action_the_document_refuses_fails_before_any_request()
    {
        await using var fixture = await ClientFixture.StartAsync();
        var parent = Guid.NewGuid().ToString();
        var index = 5;
        var before = fixture.Emulator.Requests.Count;

        var error = await Assert.ThrowsAsync<ApiframeValidationException>(() => fixture.Client.SubmitAsync(new MidjourneyUpsampleRequest(parent, index)));

        Assert.Contains(error.Errors, e => e.Path == "index");
        Assert.Equal(before, fixture.Emulator.Requests.Count);
    }

    [Fact]
    public async Task An_asset_is_created_and_reads_back()
    {
        await using var fixture = await ClientFixture.StartAsync();

        var assetId = await fixture.Client.CreateAssetAsync(new CreateAssetRequest("https://cdn.example.com/clip.mp4", CreateAssetType.Video));

        var asset = await fixture.Client.GetAssetAsync(assetId);
        Assert.Equal("https://cdn.example.com/clip.mp4", asset.GetProperty("url").GetString());
        Assert.Equal("video", asset.GetProperty("type").GetString());
        var post = Assert.Single(fixture.Emulator.Requests, r => r.Method == "POST" && r.Path == "/v2/assets/create");
        Assert.Equal(201, post.StatusCode);
        Assert.False(string.IsNullOrEmpty(post.IdempotencyKey));

        // A URL the document refuses never leaves the process.
        var url = "cdn.example.com/clip.mp4";
        var before = fixture.Emulator.Requests.Count;
        await Assert.ThrowsAsync<ApiframeValidationException>(() => fixture.Client.CreateAssetAsync(new CreateAssetRequest(url, CreateAssetType.Video)));
        Assert.Equal(before, fixture.Emulator.Requests.Count);
    }

    [Fact]
    public async Task An_asset_call_is_retried_under_one_idempotency_key()
    {
        await using var fixture = await ClientFixture.StartAsync(e => { e.FaultRate503 = 1; e.Seed = 3; });
        var client = fixture.NewClient(o => o.MaxRetries = 2);

        var error = await Assert.ThrowsAsync<ApiframeException>(() => client.CreateAssetAsync(new CreateAssetRequest("https://cdn.example.com/a.png", CreateAssetType.Image), idempotencyKey: "asset-key-1"));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal("asset-key-1", error.IdempotencyKey);
        var posts = fixture.Emulator.Requests.Where(r => r.Path == "/v2/assets/create").ToList();
        Assert.Equal(3, posts.Count);
        Assert.All(posts, p => Assert.Equal("asset-key-1", p.IdempotencyKey));
    }
}
