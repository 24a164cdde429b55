using Microsoft.CodeAnalysis;

namespace FluxGen.Tests.Infrastructure;

/// <summary>Assertions on the generator's tracked steps: what a run redid, counted, never timed.</summary>
public static class StepAssert
{
    /// <summary>Each named step ran (has outputs) and redid nothing, and no output step produced anything new.</summary>
    public static void NothingRerun(GeneratorRunResult result, IEnumerable<string> steps)
    {
        foreach (var step in steps)
        {
            var outputs = result.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {o.Reason}"));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }
}
