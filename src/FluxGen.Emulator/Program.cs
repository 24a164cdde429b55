namespace FluxGen.Emulator;

/// <summary>Runs the emulator standalone: <c>dotnet run --project src/FluxGen.Emulator -- --Emulator:TimeScale=0.2</c>.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        await ApiframeEmulator.RunAsync(args).ConfigureAwait(false);
        return 0;
    }
}
