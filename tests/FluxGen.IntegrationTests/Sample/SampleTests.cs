using System.Reflection;
using FluxGen.IntegrationTests.Package;
using SkiaSharp;
using Xunit;
using Xunit.Abstractions;

namespace FluxGen.IntegrationTests.Sample;

/// <summary>The README's first command: the sample makes an image on the emulator, and bad options are a message and
/// exit code 2, never a stack trace.</summary>
public class SampleTests(ITestOutputHelper output)
{
    private static readonly string SampleDll = Path.Combine(
        RepositoryPaths.Root, "src", "FluxGen.Sample", "bin",
        typeof(SampleTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration, "net10.0", "FluxGen.Sample.dll");

    [Fact]
    public async Task WithoutAKeyItGeneratesAnImageOnTheEmulator()
    {
        var folder = Directory.CreateTempSubdirectory("fluxgen-sample-").FullName;
        try
        {
            var (exitCode, text) = await RunAsync("a red umbrella on a rainy Tokyo street", "--aspect-ratio", "9:16", "--format", "webp", "--seed", "7", "--output", folder);

            output.WriteLine(text);
            Assert.Equal(0, exitCode);
            Assert.Contains("emulator", text, StringComparison.Ordinal);
            Assert.Contains("COMPLETED", text, StringComparison.Ordinal);
            Assert.Contains("Credits: 1", text, StringComparison.Ordinal);
            var saved = Assert.Single(Directory.GetFiles(folder));
            Assert.Contains($"Saved:   {saved}", text, StringComparison.Ordinal);
            using var codec = SKCodec.Create(saved);
            Assert.Equal(SKEncodedImageFormat.Webp, codec.EncodedFormat);
            Assert.Equal(codec.Info.Width * 16, codec.Info.Height * 9, tolerance: 16);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("--format gif", "--format 'gif' is not one of jpg, png, webp.")]
    [InlineData("--quality 101", "fluxParams.output_quality is 101, above the maximum 100.")]
    [InlineData("--quality high", "--quality 'high' is not a whole number.")]
    [InlineData("--image-url ftp://example.com/a.png", "fluxParams.image_prompt is \"ftp://example.com/a.png\", which is not an absolute http or https URI.")]
    [InlineData("--colour red", "Unknown option --colour.")]
    [InlineData("--seed", "--seed needs a value.")]
    public async Task BadOptionsGiveAClearMessageAndExitCode2(string options, string message)
    {
        var (exitCode, text) = await RunAsync(new[] { "a prompt" }.Concat(options.Split(' ')).ToArray());

        Assert.Equal(2, exitCode);
        Assert.Contains(message, text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoPromptIsAMessageToo()
    {
        var (exitCode, text) = await RunAsync();

        Assert.Equal(2, exitCode);
        Assert.Contains("Give a prompt", text, StringComparison.Ordinal);
    }

    private static Task<(int ExitCode, string Output)> RunAsync(params string[] arguments) =>
        DotnetCli.RunAsync(RepositoryPaths.Root, new Dictionary<string, string> { ["APIFRAME_API_KEY"] = string.Empty }, new[] { SampleDll }.Concat(arguments).ToArray());
}
