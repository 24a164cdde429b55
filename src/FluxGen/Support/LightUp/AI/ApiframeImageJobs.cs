// The Microsoft.Extensions.AI image types are [Experimental("MEAI001")]; this file only serves the image generator.
#pragma warning disable MEAI001

using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace Apiframe;

/// <summary>Runs the jobs of one image-generator call side by side and gathers their images in job order.</summary>
internal static class ApiframeImageJobs
{
    /// <summary>One finished job and the contents made of the images it was asked for.</summary>
    public readonly record struct Run(ApiframeJob Job, IReadOnlyList<AIContent> Contents);

    /// <summary>
    /// Submits every request, each under its own idempotency key, and waits for all of them. The first failure (or the
    /// caller's cancellation) cancels the other waits, and is what the call throws.
    /// </summary>
    /// <param name="client">The client that submits and waits.</param>
    /// <param name="requests">One request per job.</param>
    /// <param name="wanted">How many images to keep of each job; <see langword="null"/>: all it made.</param>
    /// <param name="contents">Makes the contents of a job's image URLs (downloading them, or not).</param>
    /// <param name="cancellationToken">Stops every submission, wait and download.</param>
    public static async Task<IReadOnlyList<Run>> RunAsync(
        ApiframeClient client,
        IReadOnlyList<IApiframeRequest> requests,
        IReadOnlyList<int?> wanted,
        Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<AIContent>>> contents,
        CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var runs = new Task<Run>[requests.Count];
        for (var i = 0; i < runs.Length; i++)
        {
            runs[i] = RunOneAsync(client, requests[i], wanted[i], contents, linked);
        }

        try
        {
            await Task.WhenAll(runs).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The others were cancelled because of the first real failure: that one is the call's answer.
            ExceptionDispatchInfo.Capture(FirstFailure(runs) ?? ex).Throw();
            throw;
        }

        var results = new Run[runs.Length];
        for (var i = 0; i < runs.Length; i++)
        {
            results[i] = runs[i].Result;
        }

        return results;
    }

    private static async Task<Run> RunOneAsync(
        ApiframeClient client,
        IApiframeRequest request,
        int? wanted,
        Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<AIContent>>> contents,
        CancellationTokenSource linked)
    {
        try
        {
            var job = await client.GenerateAsync(request, Guid.NewGuid().ToString("D"), progress: null, timeout: null, linked.Token).ConfigureAwait(false);

            // A job that made more than it was asked for gives only what was asked: the call returns exactly Count.
            var images = job.Images;
            if (wanted is { } most && images.Count > most)
            {
                var kept = new string[most];
                for (var i = 0; i < most; i++)
                {
                    kept[i] = images[i];
                }

                images = kept;
            }

            return new Run(job, await contents(images, linked.Token).ConfigureAwait(false));
        }
        catch
        {
            linked.Cancel();
            throw;
        }
    }

    private static Exception? FirstFailure(Task<Run>[] runs)
    {
        foreach (var run in runs)
        {
            if (run.IsFaulted && run.Exception?.InnerException is { } failure && failure is not OperationCanceledException)
            {
                return failure;
            }
        }

        return null;
    }
}
