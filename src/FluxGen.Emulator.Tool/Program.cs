using FluxGen.Emulator.CommandLine;

namespace FluxGen.Emulator.Tool;

/// <summary>The <c>fluxgen-emulator</c> command.</summary>
internal static class Program
{
    private static Task<int> Main(string[] args) => EmulatorCommandLine.RunAsync(args);
}
