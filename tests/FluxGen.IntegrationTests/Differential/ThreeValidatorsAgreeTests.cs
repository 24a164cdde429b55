using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Apiframe.Validation;
using CsCheck;
using FluxGen.Emulator;
using FluxGen.IntegrationTests.Emulator;
using Xunit;
using Xunit.Abstractions;

namespace FluxGen.IntegrationTests.Differential;

/// <summary>
/// The differential: values drawn per member and keyword go to the generated <c>Validate()</c> directly, to the
/// analyzer through a compilation, and to the emulator over loopback HTTP; any disagreement fails the run. Each run
/// draws from a new seed (printed with the case count); <c>FLUXGEN_DIFFERENTIAL_SEED</c> replays one and
/// <c>FLUXGEN_DIFFERENTIAL_CASES</c> changes the count (10,000 by default).
/// </summary>
[Collection(nameof(DifferentialCollection))]
public sealed class ThreeValidatorsAgreeTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int DefaultCases = 10_000;
    private const int AnalyzerBatch = 2_500;

    private ApiframeEmulator _emulator = null!;
    private EmulatorHttp _http = null!;

    public async Task InitializeAsync()
    {
        _emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { ManualClock = true });
        _http = new EmulatorHttp(_emulator.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task Runtime_analyzer_and_emulator_give_one_verdict_on_every_drawn_value()
    {
        var seed = Environment.GetEnvironmentVariable("FLUXGEN_DIFFERENTIAL_SEED") is { Length: > 0 } given
            ? given
            : new PCG((uint)Random.Shared.Next(), (ulong)Random.Shared.NextInt64()).ToString();
        var count = int.TryParse(Environment.GetEnvironmentVariable("FLUXGEN_DIFFERENTIAL_CASES"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : DefaultCases;
        output.WriteLine($"Differential: {count} cases from seed {seed} (replay with FLUXGEN_DIFFERENTIAL_SEED={seed}).");

        var pcg = PCG.Parse(seed);
        var cases = new DifferentialCase[count];
        for (var i = 0; i < count; i++)
        {
            cases[i] = ValueGenerators.Case.Generate(pcg, null, out _);
        }

        var runtime = cases.Select(RuntimeVerdict).ToArray();

        var analyzer = new bool[count];
        for (var start = 0; start < count; start += AnalyzerBatch)
        {
            var batch = cases.Skip(start).Take(AnalyzerBatch).ToList();
            (await AnalyzerVerdicts.FlaggedAsync(batch)).CopyTo(analyzer, start);
        }

        var emulator = new HttpStatusCode[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, token) =>
        {
            using var response = await PostAsync(runtime[i].Body, token);
            emulator[i] = response.StatusCode;
        });

        var disagreements = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var valid = runtime[i].Valid;
            var emulatorValid = emulator[i] == HttpStatusCode.Accepted;
            if (analyzer[i] == valid || emulatorValid != valid || emulator[i] is not (HttpStatusCode.Accepted or HttpStatusCode.BadRequest))
            {
                disagreements.Add($"{cases[i]}: Validate() {(valid ? "valid" : "invalid")}, analyzer {(analyzer[i] ? "flags it" : "silent")}, emulator {(int)emulator[i]}");
            }
        }

        foreach (var member in cases.Select((c, i) => (c.Member, Valid: runtime[i].Valid)).GroupBy(x => x.Member).OrderBy(g => g.Key))
        {
            output.WriteLine($"  {member.Key}: {member.Count(x => x.Valid)} valid, {member.Count(x => !x.Valid)} invalid");
        }

        Assert.True(disagreements.Count == 0, $"{disagreements.Count} of {count} cases disagree (seed {seed}):\n" + string.Join('\n', disagreements.Take(30)));

        // The generators must reach both sides of every rule, or agreement says little.
        foreach (var member in new[] { Member.Prompt, Member.WebhookUrl, Member.ImagePrompt, Member.ImagePromptStrength, Member.OutputQuality, Member.OutputFormat, Member.AspectRatio, Member.WebhookEvents, Member.Width, Member.Height, Member.Guidance, Member.Steps, Member.Resolution, Member.InputImages })
        {
            var verdicts = cases.Select((c, i) => (c, i)).Where(x => x.c.Member == member).Select(x => runtime[x.i].Valid).ToList();
            Assert.True(count < 1000 || (verdicts.Contains(true) && verdicts.Contains(false)), $"{member}: only one verdict was drawn");
        }
    }

    /// <summary>The runtime's verdict, and the body the emulator gets: what <c>ToJson()</c> writes for a valid
    /// request, the hand-written body any other client would send for an invalid one.</summary>
    private static (bool Valid, string Body) RuntimeVerdict(DifferentialCase c)
    {
        var request = c.ToRequest();
        try
        {
            request.Validate();
        }
        catch (ApiframeValidationException)
        {
            return (false, c.ToJson());
        }

        var written = request.ToJson();
        if (!JsonNode.DeepEquals(JsonNode.Parse(written), JsonNode.Parse(c.ToJson())))
        {
            throw new InvalidOperationException($"The test's own JSON for {c} differs from ToJson(): {written} vs {c.ToJson()}");
        }

        return (true, written);
    }

    private Task<HttpResponseMessage> PostAsync(string body, CancellationToken token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "v2/images/generate")
        {
            Content = new StringContent(body, new UTF8Encoding(false), "application/json"),
        };
        request.Headers.Add("X-API-Key", EmulatorHttp.Key);
        return _http.Client.SendAsync(request, token);
    }
}

/// <summary>The differential keeps both cores busy for a while; it runs alone, after the parallel tests, so tests
/// that poll the emulator on the real clock are not starved by it.</summary>
[CollectionDefinition(nameof(DifferentialCollection), DisableParallelization = true)]
public sealed class DifferentialCollection
{
}
