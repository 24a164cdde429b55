namespace FluxGen.Emulator;

/// <summary>Runs the emulator standalone: <c>dotnet run --project src/FluxGen.Emulator -- --Emulator:TimeScale=0.2</c>.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        using var stop = new CancellationTokenSource();
        await ApiframeEmulator.RunAsync(args, stop.Token).ConfigureAwait(false);
        return 0;
    }
}
