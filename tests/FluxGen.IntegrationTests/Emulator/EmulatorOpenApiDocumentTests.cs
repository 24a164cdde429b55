using System.Net;
using FluxGen.Emulator;
using FluxGen.Emulator.CommandLine;
using FluxGen.IntegrationTests.OpenApi;
using Xunit;

namespace FluxGen.IntegrationTests.Emulator;

/// <summary><c>--Emulator:OpenApiDocument</c>: the emulator serves, validates and lists the models of a newer copy of
/// Apiframe's document instead of the bundled one, as the generator types them for a project holding that copy.</summary>
public sealed class EmulatorOpenApiDocumentTests
{
    [Fact]
    public async Task A_newer_document_adds_and_removes_models()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("fluxgen-newer-").FullName, "newer-openapi.json");
        File.WriteAllText(path, NewerOpenApiDocument.Text());
        try
        {
            var argument = "--Emulator:OpenApiDocument=" + path;
            Assert.Null(EmulatorCommandLine.Check([argument]));
            await using var emulator = await ApiframeEmulator.StartStandaloneAsync(["--urls", "http://127.0.0.1:0", argument]);
            using var http = new EmulatorHttp(emulator.BaseAddress);
            Assert.Equal(path, emulator.Options.OpenApiDocument);

            using var catalog = await http.GetAsync("v2/models");
            var listed = (await EmulatorHttp.ReadJsonAsync(catalog)).GetProperty("models").EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToList();
            Assert.Contains("dall-e-4", listed);
            Assert.DoesNotContain("reve-create", listed);
            Assert.Contains("flux-1.1-pro", listed);

            await http.SubmitOkAsync("""{"prompt":"a lighthouse","model":"dall-e-4"}""");
            using var removed = await http.SubmitAsync("""{"prompt":"a lighthouse","model":"reve-create"}""");
            var error = await EmulatorHttp.ReadJsonAsync(removed);
            Assert.Equal(HttpStatusCode.BadRequest, removed.StatusCode);
            Assert.StartsWith("Unknown model 'reve-create'", error.GetProperty("details").GetProperty("model")[0].GetString(), StringComparison.Ordinal);

            // The bundled document, for comparison: the same requests the other way round.
            await using var bundled = await ApiframeEmulator.StartAsync(new EmulatorOptions());
            using var plain = new EmulatorHttp(bundled.BaseAddress);
            await plain.SubmitOkAsync("""{"prompt":"a lighthouse","model":"reve-create"}""");
            using var unknown = await plain.SubmitAsync("""{"prompt":"a lighthouse","model":"dall-e-4"}""");
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public async Task A_missing_document_stops_the_emulator_with_one_sentence()
    {
        var missing = Path.Combine(Path.GetTempPath(), "fluxgen-no-such-" + Guid.NewGuid().ToString("N") + ".json");

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => ApiframeEmulator.StartAsync(new EmulatorOptions { OpenApiDocument = missing }));

        Assert.Contains("Emulator:OpenApiDocument", error.Message, StringComparison.Ordinal);
    }
}
