using System.Diagnostics;
using Apiframe;
using Apiframe.Validation;
using FluxGen.Emulator;
using FluxGen.Sample;

if (!SampleOptions.TryParse(args, out var options, out var error))
{
    if (error is { Length: > 0 })
    {
        Console.Error.WriteLine(error);
        Console.Error.WriteLine();
    }

    Console.Error.WriteLine(SampleOptions.Usage);
    return error is { Length: 0 } ? 0 : 2;
}

var request = options!.ToRequest();
try
{
    request.Validate();
}
catch (ApiframeValidationException ex)
{
    foreach (var problem in ex.Errors)
    {
        Console.Error.WriteLine(problem.Message);
    }

    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var realKey = Environment.GetEnvironmentVariable(ApiframeClientOptions.ApiKeyEnvironmentVariable);
ApiframeEmulator? emulator = null;
var clientOptions = new ApiframeClientOptions();
if (string.IsNullOrEmpty(realKey))
{
    // A 3-second job on the local emulator, so the progress bar has something to show.
    emulator = await ApiframeEmulator.StartAsync(new EmulatorOptions { TimeScale = 0.3 }, cancel.Token);
    clientOptions.ApiKey = "afk_fluxgen_sample";
    clientOptions.BaseAddress = emulator.BaseAddress;
    Console.WriteLine($"No APIFRAME_API_KEY set: using FluxGen's local emulator at {emulator.BaseAddress} (not the real API).");
}
else
{
    Console.WriteLine("Using the Apiframe API with the key from APIFRAME_API_KEY.");
}

try
{
    using var http = new HttpClient();
    var client = new ApiframeClient(http, clientOptions);
    var clock = Stopwatch.StartNew();
    var submission = await client.SubmitAsync(request, cancellationToken: cancel.Token);
    Console.WriteLine($"Job {submission.JobId} {submission.Status}");

    // Polling from the first second (rather than the model's usual 10 s) costs a few more requests and buys a live bar.
    var progress = new ProgressLine();
    var job = await client.WaitForCompletionAsync(submission.JobId, progress, expectedDuration: TimeSpan.FromSeconds(1), cancellationToken: cancel.Token);
    progress.Report(job);
    progress.Done();

    Directory.CreateDirectory(options.OutputFolder);
    var extension = (options.Format ?? Flux11ProOutputFormat.Jpg).ToWireValue();
    var path = Path.Combine(options.OutputFolder, $"{job.Id}.{extension}");
    await using (var image = await client.DownloadAsync(job.Images[0], cancel.Token))
    await using (var file = File.Create(path))
    {
        await image.CopyToAsync(file, cancel.Token);
    }

    Console.WriteLine($"Job:     {job.Id}");
    Console.WriteLine($"Time:    {clock.Elapsed.TotalSeconds:0.0} s");
    Console.WriteLine($"Credits: {job.CreditCost?.ToString() ?? "unknown"}");
    Console.WriteLine($"Saved:   {path}");
    return 0;
}
catch (ApiframeException ex)
{
    Console.Error.WriteLine();
    Console.Error.WriteLine($"The API refused: {ex.Message}");
    return 1;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine();
    Console.Error.WriteLine("Cancelled.");
    return 130;
}
finally
{
    if (emulator is not null)
    {
        await emulator.DisposeAsync();
    }
}
