using Apiframe;
using Apiframe.Validation;
using FluxGen.IntegrationTests.Client;
using Xunit;

namespace FluxGen.IntegrationTests.Operations;

/// <summary>A LoRA's life through the generated client, over real HTTP to the emulator: trained from 15 images,
/// waited on, listed, used by <c>flux-lora</c> and deleted; and the bad input that never reaches the server.</summary>
public sealed class LoraTests
{
    // A whole 1×1 PNG: signature, IHDR, one IDAT, IEND.
    private static readonly byte[] Png =
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
        0x89, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
        0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
        0x42, 0x60, 0x82,
    ];

    private static ApiframeFile[] Images(int count, string extension = ".png") =>
        Enumerable.Range(0, count).Select(i => ApiframeFile.FromBytes(Png, $"face-{i}{extension}")).ToArray();

    private static CreateLoraRequest Person(IReadOnlyList<ApiframeFile> images) =>
        new("my-face", images) { SubjectKind = CreateLoraSubjectKind.Person, Gender = CreateLoraGender.Female, Ethnicity = "asian", Steps = 800 };

    // Training takes the emulator 600 s of its time: about a second here, so the wait polls it several times.
    private static Task<ClientFixture> StartAsync(Action<FluxGen.Emulator.EmulatorOptions>? more = null) =>
        ClientFixture.StartAsync(e =>
        {
            e.TimeScale = 1.0 / 600;
            more?.Invoke(e);
        });

    [Fact]
    public async Task A_lora_is_trained_waited_on_listed_used_by_flux_lora_and_deleted()
    {
        await using var fixture = await StartAsync();
        var client = fixture.Client;

        var created = await client.CreateLoraAsync(Person(Images(15)));
        Assert.Equal((ApiframeLoraStatus.Pending, 15), (created.Status, created.ImageCount));
        Assert.False(created.IsReady);
        Assert.NotNull(created.JobId);

        var seen = new Recorder<ApiframeLora>();
        var ready = await client.WaitForLoraAsync(created.Id, seen);
        Assert.True(ready.IsReady);
        Assert.Equal(ApiframeLoraStatus.Ready, ready.Status);
        Assert.Equal("READY", ready.Status.ToString());
        Assert.Equal(("my-face", "person", "female", "asian", 800), (ready.Name, ready.SubjectKind, ready.Gender, ready.Ethnicity, ready.Steps));
        Assert.Contains(seen.Values, l => !l.IsReady);
        Assert.Equal(ApiframeLoraStatus.Ready, seen.Values[^1].Status);

        var listed = await ToListAsync(client.ListLorasAsync());
        Assert.Equal(created.Id, Assert.Single(listed).Id);

        var image = await client.GenerateAsync(new FluxLoraRequest(prompt: "a portrait in the rain", fluxLoraParams: new FluxLoraParams(loraId: ready.Id)));
        Assert.Equal(ApiframeJobStatus.Completed, image.Status);
        Assert.NotEmpty(image.Images);

        await client.DeleteLoraAsync(ready.Id);
        Assert.Empty(await ToListAsync(client.ListLorasAsync()));
        var archived = Assert.Single(await ToListAsync(client.ListLorasAsync(includeArchived: true)));
        Assert.Equal(ApiframeLoraStatus.Archived, archived.Status);
        Assert.Equal(ApiframeLoraStatus.Archived, (await client.GetLoraAsync(ready.Id)).Status);

        // The form went out once, under an idempotency key, with the key only in its header.
        var post = Assert.Single(fixture.Emulator.Requests, r => r.Method == "POST" && r.Path == "/v2/loras");
        Assert.Equal((202, ClientFixture.Key), (post.StatusCode, post.ApiKey));
        Assert.False(string.IsNullOrEmpty(post.IdempotencyKey));
    }

    [Fact]
    public async Task Lists_follow_the_cursor_across_pages()
    {
        await using var fixture = await StartAsync();
        for (var i = 0; i < 30; i++)
        {
            await fixture.Client.CreateLoraAsync(new CreateLoraRequest($"style {i}", Images(15)) { SubjectKind = CreateLoraSubjectKind.Style });
        }

        var listed = await ToListAsync(fixture.Client.ListLorasAsync());

        Assert.Equal(30, listed.Select(l => l.Id).Distinct().Count());
        Assert.Equal(2, fixture.Emulator.Requests.Count(r => r.Method == "GET" && r.Path == "/v2/loras"));
    }

    [Fact]
    public async Task A_lora_that_fails_to_train_ends_the_wait_with_the_servers_reason()
    {
        await using var fixture = await StartAsync(e => e.JobFailureRate = 1);
        var created = await fixture.Client.CreateLoraAsync(new CreateLoraRequest("brush", Images(15)) { SubjectKind = CreateLoraSubjectKind.Style });

        var error = await Assert.ThrowsAsync<ApiframeException>(() => fixture.Client.WaitForLoraAsync(created.Id));

        Assert.Equal(fixture.Emulator.Options.JobFailureReason, error.Error);
        Assert.Contains(fixture.Emulator.Options.JobFailureReason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wait_that_runs_out_names_the_lora_and_what_it_last_saw()
    {
        // The fixture's own clock: training takes 30 s, the wait is given 20 s of the client's time (1 s here).
        await using var fixture = await ClientFixture.StartAsync();
        var created = await fixture.Client.CreateLoraAsync(new CreateLoraRequest("brush", Images(15)) { SubjectKind = CreateLoraSubjectKind.Style });

        var error = await Assert.ThrowsAsync<ApiframeTimeoutException>(() => fixture.Client.WaitForLoraAsync(created.Id, timeout: TimeSpan.FromSeconds(20)));

        Assert.Equal(created.Id, error.JobId);
        Assert.StartsWith($"LoRA {created.Id} was not ready within", error.Message, StringComparison.Ordinal);
        Assert.Matches(@"; last seen (PENDING|TRAINING)\.$", error.Message);
    }

    [Fact]
    public async Task An_unknown_lora_is_a_404()
    {
        await using var fixture = await StartAsync();
        var id = Guid.NewGuid().ToString();

        Assert.Equal(404, (await Assert.ThrowsAsync<ApiframeException>(() => fixture.Client.GetLoraAsync(id))).StatusCode);
        Assert.Equal(404, (await Assert.ThrowsAsync<ApiframeException>(() => fixture.Client.DeleteLoraAsync(id))).StatusCode);
        Assert.Equal(404, (await Assert.ThrowsAsync<ApiframeException>(() => fixture.Client.WaitForLoraAsync(id))).StatusCode);
    }

    [Theory]
    [InlineData(14)]
    [InlineData(31)]
    public async Task Too_few_or_too_many_images_fail_before_any_request(int count)
    {
        await using var fixture = await StartAsync();

        var error = await Assert.ThrowsAsync<ApiframeValidationException>(() => fixture.Client.CreateLoraAsync(Person(Images(count))));

        Assert.Equal("images", Assert.Single(error.Errors).Path);
        Assert.Empty(fixture.Emulator.Requests);
    }

    [Fact]
    public async Task A_person_without_gender_and_images_the_api_refuses_fail_before_any_request()
    {
        await using var fixture = await StartAsync();
        var noGender = Person(Images(15)) with { Gender = null };
        var gifs = Person(Images(15, ".gif"));

        var missing = await Assert.ThrowsAsync<ApiframeValidationException>(() => fixture.Client.CreateLoraAsync(noGender));
        await Assert.ThrowsAsync<ArgumentException>(() => fixture.Client.CreateLoraAsync(gifs));

        Assert.Equal(("gender", "dependentRequired"), (Assert.Single(missing.Errors).Path, missing.Errors[0].Constraint));
        Assert.Empty(fixture.Emulator.Requests);
    }

    [Fact]
    public async Task Without_validation_the_server_answers_the_same_rule_with_a_400()
    {
        await using var fixture = await StartAsync();
        var client = fixture.NewClient(o => o.ValidateRequests = false);

        var error = await Assert.ThrowsAsync<ApiframeException>(() => client.CreateLoraAsync(Person(Images(15)) with { Gender = null }));

        Assert.Equal(400, error.StatusCode);
        Assert.True(error.Details.ContainsKey("gender"));
    }

    [Fact]
    public async Task A_503_is_retried_with_every_image_sent_again_under_the_same_key()
    {
        await using var fixture = await StartAsync(e => { e.FaultRate503 = 1; });
        var client = fixture.NewClient(o => o.MaxRetries = 1);

        var error = await Assert.ThrowsAsync<ApiframeException>(() => client.CreateLoraAsync(Person(Images(15)), idempotencyKey: "lora-key-1"));

        Assert.Equal(503, error.StatusCode);
        var posts = fixture.Emulator.Requests.Where(r => r.Path == "/v2/loras").ToList();
        Assert.Equal(2, posts.Count);
        Assert.All(posts, p => Assert.Equal("lora-key-1", p.IdempotencyKey));
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    /// <summary>Keeps every report, synchronously (Progress&lt;T&gt; would post them later).</summary>
    private sealed class Recorder<T> : IProgress<T>
    {
        public List<T> Values { get; } = new();

        public void Report(T value)
        {
            lock (Values)
            {
                Values.Add(value);
            }
        }
    }
}
