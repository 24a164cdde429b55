using BenchmarkDotNet.Running;

// Every benchmark class in this assembly is offered; pick with --filter, e.g. `--filter *AnalyzerBenchmarks*`.
BenchmarkSwitcher.FromAssembly(typeof(FluxGen.Benchmarks.AnalyzerBenchmarks).Assembly).Run(args);
