namespace FluxGen.IntegrationTests.Emulator;

/// <summary>Waits for something that happens in the background (a webhook) without asserting how long it took.</summary>
internal static class Eventually
{
    public static async Task<T> WaitAsync<T>(Func<T> read, Func<T, bool> done, string what, int maxChecks = 1000)
    {
        for (var check = 0; check < maxChecks; check++)
        {
            var value = read();
            if (done(value))
            {
                return value;
            }

            await Task.Delay(10);
        }

        throw new Xunit.Sdk.XunitException($"Gave up waiting for {what}.");
    }
}
