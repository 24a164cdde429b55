using FluxGen.Emulator;
using FluxGen.Emulator.CommandLine;
using Xunit;

namespace FluxGen.IntegrationTests.Emulator;

/// <summary>The command line of <c>fluxgen-emulator</c> and of the emulator project: today's options pass, anything
/// else is one sentence before the server starts.</summary>
public sealed class EmulatorCommandLineTests
{
    [Fact]
    public void Todays_options_pass()
    {
        Assert.Null(EmulatorCommandLine.Check(["--urls", "http://127.0.0.1:0", "--Emulator:TimeScale=0.25", "--Emulator:FaultRate503=1",
            "--Emulator:InactiveKeys:0=afk_retired", "--Emulator:CreditBalance=5", "--emulator:seed", "7", "--urls=http://127.0.0.1:6000",
            "--Emulator:ManualClock=true", "--Emulator:JobFailureReason=boom"]));
    }

    [Theory]
    [InlineData("--port=5080", "'--port' is not an option.")]
    [InlineData("--Emulator:TimeScal=0.2", "'--Emulator:TimeScal' is not an option.")]
    [InlineData("--Emulator:ApiKeys=afk_a", "'--Emulator:ApiKeys' is not an option.")]
    [InlineData("--Emulator:Seed:0=1", "'--Emulator:Seed:0' is not an option.")]
    [InlineData("--Emulator:CreditBalance=lots", "'lots' is not a valid integer for '--Emulator:CreditBalance'.")]
    [InlineData("--Emulator:ManualClock=yes", "'yes' is not a valid true|false for '--Emulator:ManualClock'.")]
    [InlineData("--urls", "'--urls' needs a value.")]
    [InlineData("verbose", "'verbose' is not an option.")]
    public void Anything_else_is_one_sentence(string argument, string expected)
    {
        Assert.Equal(expected, EmulatorCommandLine.Check([argument]));
    }

    [Fact]
    public void Help_describes_every_option_with_its_default()
    {
        var help = EmulatorCommandLine.HelpText();

        foreach (var option in typeof(EmulatorOptions).GetProperties().Where(p => p.CanWrite))
        {
            var line = help.Split('\n').Single(l => l.StartsWith($"  --Emulator:{option.Name}=", StringComparison.Ordinal) || l.StartsWith($"  --Emulator:{option.Name}:", StringComparison.Ordinal));
            Assert.DoesNotContain("See EmulatorOptions", line, StringComparison.Ordinal);
            Assert.Contains("(default ", line, StringComparison.Ordinal);
        }
    }
}
