using FluxGen.Emulator.CommandLine;

namespace FluxGen.Emulator;

/// <summary>Runs the emulator standalone: <c>dotnet run --project src/FluxGen.Emulator -- --Emulator:TimeScale=0.2</c>.</summary>
internal static class Program
{
    private static Task<int> Main(string[] args) => EmulatorCommandLine.RunAsync(args);
}
