using System;
using System.Collections.Generic;

namespace Apiframe;

/// <summary>
/// The jobs one image-generator call submits: one typed request as it is, or requests for an image model built from
/// the options, one per job, as many as the wanted count needs (each job makes at most the model's
/// <see cref="ApiframeImageModel.ImagesPerJob"/>).
/// </summary>
internal sealed class ApiframeImagePlan
{
    private readonly ApiframeImageModel? _model;
    private readonly IApiframeRequest? _typed;
    private readonly string? _prompt;
    private readonly List<KeyValuePair<string, object>> _values;

    public ApiframeImagePlan(ApiframeImageModel model, string? prompt, List<KeyValuePair<string, object>> values, int count)
    {
        _model = model;
        _prompt = prompt;
        _values = values;
        JobCounts = Split(count, model.ImagesPerJob);
    }

    private ApiframeImagePlan(IApiframeRequest typed)
    {
        _typed = typed;
        _values = new List<KeyValuePair<string, object>>();
        JobCounts = new int?[] { null };
    }

    /// <summary>How many images each job is to give; <see langword="null"/>: all it makes (a typed request says).</summary>
    public IReadOnlyList<int?> JobCounts { get; }

    /// <summary>A typed request from <c>RawRepresentationFactory</c>, which says everything itself.</summary>
    public static ApiframeImagePlan ForTyped(object raw, int count, int originals)
    {
        var typed = raw as IApiframeRequest ?? throw new InvalidOperationException(
            $"RawRepresentationFactory returned a {raw.GetType().Name}; the Apiframe image generator sends an IApiframeRequest, such as a generated Flux11ProRequest.");
        if (originals > 0)
        {
            throw new NotSupportedException("A request from RawRepresentationFactory names its own input images: set them on it, not in ImageGenerationRequest.OriginalImages.");
        }

        if (count > 1)
        {
            throw new NotSupportedException($"A request from RawRepresentationFactory is sent once, as it is: set its own image count, not ImageGenerationOptions.Count = {count}.");
        }

        return new ApiframeImagePlan(typed);
    }

    /// <summary>The request of each job, with the input images' URLs in the model's input-image member.</summary>
    public IReadOnlyList<IApiframeRequest> Requests(IReadOnlyList<string> inputUrls)
    {
        if (_model is null)
        {
            return new[] { _typed! };
        }

        var requests = new IApiframeRequest[JobCounts.Count];
        for (var i = 0; i < requests.Length; i++)
        {
            var values = new List<KeyValuePair<string, object>>(_values);
            _model.AddInputImages(inputUrls, values);
            _model.AddCount(JobCounts[i]!.Value, values);
            requests[i] = new ApiframeImageRequest(_model, _prompt, values);
        }

        return requests;
    }

    // Full jobs first, the rest in the last one: 5 images at 4 a job are jobs of 4 and 1.
    private static int?[] Split(int count, int perJob)
    {
        var jobs = new int?[((count - 1) / perJob) + 1]; // not (count + perJob - 1): perJob may be int.MaxValue
        for (var i = 0; i < jobs.Length; i++)
        {
            jobs[i] = Math.Min(perJob, count - (i * perJob));
        }

        return jobs;
    }
}
