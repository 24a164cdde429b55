using System.Diagnostics;

namespace FluxGen.Benchmarks;

/// <summary>
/// The build category of <see cref="OpenApiBenchmarks"/> again, its variants interleaved round by round in one
/// process and reported as medians. BenchmarkDotNet runs each variant in its own process, one after the other, and
/// a build's time drifted by up to 1.8× over a process's iterations (slowest late), which a mean of 15 turns into a
/// ±20 % spread; interleaving gives each variant the same drift, and the median drops the collections' spikes.
/// </summary>
internal static class BuildCost
{
    public static void Run(int rounds)
    {
        var benchmarks = new OpenApiBenchmarks();
        benchmarks.Setup();
        var variants = new (string Name, Func<long> Build)[]
        {
            ("flux-1.1-pro only (baseline)", benchmarks.BuildFluxOnly),
            ("document beside it (default: models on use)", benchmarks.BuildDocumentOnUse),
            ("every model written (FluxGenModels=*)", benchmarks.BuildEveryModel),
        };
        var times = variants.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round <= rounds; round++)
        {
            for (var i = 0; i < variants.Length; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var clock = Stopwatch.StartNew();
                variants[i].Build();
                if (round > 0)
                {
                    times[i].Add(clock.Elapsed.TotalMilliseconds);
                }
            }
        }

        var baseline = Median(times[0]);
        Console.WriteLine($"Build: parse + FluxGen + compile/emit of a small consumer, {rounds} interleaved rounds, medians:");
        for (var i = 0; i < variants.Length; i++)
        {
            Console.WriteLine($"  {variants[i].Name}: {Median(times[i]):0} ms = {Median(times[i]) / baseline:0.00}x (min {times[i].Min():0}, max {times[i].Max():0})");
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
