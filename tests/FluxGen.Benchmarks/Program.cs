using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using FluxGen.Benchmarks;

// `--analyzer-share [rounds] [--parallel]` prints the analyzer's own time as a share of compile time; anything else goes to
// BenchmarkDotNet, which offers every benchmark class here (pick with --filter, e.g. `--filter *AnalyzerBenchmarks*`).
if (args.Length > 0 && args[0] == "--analyzer-share")
{
    var rounds = args.Length > 1 && int.TryParse(args[1], System.Globalization.CultureInfo.InvariantCulture, out var given) ? given : 7;
    await AnalyzerShare.RunAsync(rounds, args.Contains("--parallel"));
    return;
}


// `--build-cost [rounds] [report rounds] [--no-server] [--only none,flux1client]` times real `dotnet build`s of throwaway projects, interleaved, as medians
// (see RealBuildCost); `--build-cost-in-process [rounds]` runs OpenApiBenchmarks' build category the same way (BuildCost).
if (args.Length > 0 && args[0] == "--build-cost")
{
    var realRounds = args.Length > 1 && int.TryParse(args[1], System.Globalization.CultureInfo.InvariantCulture, out var buildRounds) ? buildRounds : 5;
    var reports = args.Length > 2 && int.TryParse(args[2], System.Globalization.CultureInfo.InvariantCulture, out var reportGiven) ? reportGiven : 3;
    var only = Array.IndexOf(args, "--only") is var at and >= 0 && at + 1 < args.Length ? args[at + 1].Split(',').ToHashSet(StringComparer.Ordinal) : null;
    RealBuildCost.Run(realRounds, reports, server: !args.Contains("--no-server"), only);
    return;
}

if (args.Length > 0 && args[0] == "--build-cost-in-process")
{
    BuildCost.Run(args.Length > 1 && int.TryParse(args[1], System.Globalization.CultureInfo.InvariantCulture, out var count) ? count : 15);
    return;
}

// `--redis-relay [events] [flood]` measures the relay among instances (see RedisRelayBenchmark): latency p50/p99
// over `events` (1,000) webhooks, then the memory held after `flood` (100,000) more.
if (args.Length > 0 && args[0] == "--redis-relay")
{
    var events = args.Length > 1 && int.TryParse(args[1], System.Globalization.CultureInfo.InvariantCulture, out var e) ? e : 1000;
    var flood = args.Length > 2 && int.TryParse(args[2], System.Globalization.CultureInfo.InvariantCulture, out var f) ? f : 100_000;
    await RedisRelayBenchmark.RunAsync(events, flood);
    return;
}

// Results go beside the binaries, not into whatever folder the command was started from.
var config = DefaultConfig.Instance.WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
BenchmarkSwitcher.FromAssembly(typeof(AnalyzerBenchmarks).Assembly).Run(args, config);
