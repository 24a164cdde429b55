using System.Net;
using System.Text.Json;
using FluxGen.Emulator;
using Xunit;

namespace FluxGen.IntegrationTests.Emulator;

public sealed class EmulatorListTests
{
    [Fact]
    public async Task Pages_walk_every_job_newest_first_by_cursor()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { ManualClock = true });
        using var http = new EmulatorHttp(emulator.BaseAddress);
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add(await http.SubmitOkAsync());
        }

        await http.SubmitOkAsync(key: "afk_someone_else");

        var listed = new List<string>();
        var pages = new List<(int Count, bool HasMore)>();
        string? cursor = null;
        do
        {
            var page = await ListAsync(http, "limit=2" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)));
            var jobs = page.GetProperty("jobs").EnumerateArray().ToList();
            listed.AddRange(jobs.Select(j => j.GetProperty("id").GetString()!));
            pages.Add((jobs.Count, page.GetProperty("hasMore").GetBoolean()));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal([(2, true), (2, true), (1, false)], pages);
        created.Reverse();
        Assert.Equal(created, listed);
    }

    [Fact]
    public async Task Status_and_model_filter_the_list()
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { ManualClock = true });
        using var http = new EmulatorHttp(emulator.BaseAddress);
        var done = await http.SubmitOkAsync();
        emulator.AdvanceClock(TimeSpan.FromMinutes(1));
        var queued = await http.SubmitOkAsync();

        var completed = await ListAsync(http, "status=COMPLETED");
        var waiting = await ListAsync(http, "status=QUEUED&model=flux-1.1-pro");
        var otherModel = await ListAsync(http, "model=flux-2-pro");

        Assert.Equal([done], Ids(completed));
        Assert.Equal([queued], Ids(waiting));
        Assert.Empty(Ids(otherModel));
        Assert.False(otherModel.GetProperty("hasMore").GetBoolean());
        Assert.Equal(JsonValueKind.Null, otherModel.GetProperty("nextCursor").ValueKind);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("status=DONE", "status")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    public async Task Bad_query_is_400_naming_the_parameter(string query, string parameter)
    {
        await using var emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { ManualClock = true });
        using var http = new EmulatorHttp(emulator.BaseAddress);

        using var response = await http.GetAsync("v2/jobs?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await EmulatorHttp.ReadJsonAsync(response)).GetProperty("details").TryGetProperty(parameter, out _));
    }

    private static async Task<JsonElement> ListAsync(EmulatorHttp http, string query)
    {
        using var response = await http.GetAsync("v2/jobs?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await EmulatorHttp.ReadJsonAsync(response);
    }

    private static List<string> Ids(JsonElement page) =>
        page.GetProperty("jobs").EnumerateArray().Select(j => j.GetProperty("id").GetString()!).ToList();
}
