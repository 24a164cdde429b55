using System.Net.Http.Json;
using System.Text.Json;
using Apiframe;
using FluxGen.IntegrationTests.Client;
using Xunit;

namespace FluxGen.IntegrationTests.Resources;

/// <summary>The model catalogue, the account and assets through the generated client, against the emulator.</summary>
public sealed class CatalogueAccountAssetTests
{
    [Fact]
    public async Task The_catalogue_lists_every_model_once_and_a_modality_filters_it()
    {
        await using var fixture = await ClientFixture.StartAsync();

        var all = await fixture.Client.GetModelsAsync();
        var video = await fixture.Client.GetModelsAsync("video");
        var music = await fixture.Client.GetModelsAsync("music");

        Assert.Equal(all.Select(m => m.Id).Distinct().Count(), all.Count);
        Assert.Contains(all, m => m.Id == "flux-1.1-pro" && m.Modality == "image" && m.Label.Length > 0);
        Assert.NotEmpty(video);
        Assert.All(video, m => Assert.Equal("video", m.Modality));
        Assert.Contains(music, m => m.Id == "suno");
        Assert.Equal(all.Count(m => m.Modality == "video"), video.Count);
        Assert.All(all, m => Assert.Equal(fixture.Emulator.Options.CreditsPerImage, m.CostMin));
        Assert.All(all, m => Assert.Equal("flat", m.PricingMode));

        // Members the client does not model are kept, not dropped.
        Assert.All(all, m => Assert.Equal(JsonValueKind.String, m.AdditionalProperties["endpoint"].ValueKind));

        // A modality outside the document's three is refused before any request.
        var before = fixture.Emulator.Requests.Count;
        Assert.Throws<ArgumentException>(() => fixture.Client.GetModelsAsync("sculpture").GetAwaiter().GetResult());
        Assert.Equal(before, fixture.Emulator.Requests.Count);
    }

    [Fact]
    public async Task The_account_names_the_user_the_team_with_its_credits_and_the_key_without_the_key()
    {
        await using var fixture = await ClientFixture.StartAsync(e => e.CreditBalance = 100);
        var before = await fixture.Client.GetAccountAsync();

        await fixture.Client.GenerateAsync(new Flux11ProRequest("one image"));
        var after = await fixture.Client.GetAccountAsync();

        Assert.Equal("OWNER", after.User.Role);
        Assert.NotNull(after.Team);
        Assert.Equal(100, before.Team!.Credits);
        Assert.Equal(100 - fixture.Emulator.Options.CreditsPerImage, after.Team.Credits);
        Assert.NotNull(after.ApiKey);
        Assert.Equal(fixture.Emulator.Options.ApiKeyPrefix, after.ApiKey.Prefix);
        Assert.DoesNotContain(ClientFixture.Key, after.ToString() + after.ApiKey + after.Team.Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_asset_reads_back_as_the_providers_object_and_an_unknown_one_is_a_404()
    {
        await using var fixture = await ClientFixture.StartAsync();
        using var create = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.Emulator.BaseAddress, "v2/assets/create"))
        {
            Content = JsonContent.Create(new { url = "https://cdn.example.com/foo.mp4", type = "video" }),
        };
        create.Headers.Add("X-API-Key", ClientFixture.Key);
        using var created = await fixture.Http.SendAsync(create);
        var assetId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("assetId").GetString()!;

        var asset = await fixture.Client.GetAssetAsync(assetId);

        Assert.Equal("https://cdn.example.com/foo.mp4", asset.GetProperty("url").GetString());
        Assert.Equal("video", asset.GetProperty("type").GetString());
        var missing = await Assert.ThrowsAsync<ApiframeException>(() => fixture.Client.GetAssetAsync(Guid.NewGuid().ToString()));
        Assert.Equal(404, missing.StatusCode);
    }
}
