using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Apiframe;

// Traces and metrics with the BCL alone, so they cost nothing until a listener subscribes (an OpenTelemetry
// exporter, dotnet-counters, a test's ActivityListener). Tags carry ids and numbers, never the key or a URL.
internal static class ApiframeTelemetry
{
    internal const string ModelTag = "apiframe.model";
    internal const string JobIdTag = "apiframe.job.id";
    internal const string StatusTag = "apiframe.job.status";
    internal const string AttemptsTag = "apiframe.attempts";
    internal const string CreditsTag = "apiframe.credits";
    internal const string PollsTag = "apiframe.polls";

    // OpenTelemetry's GenAI semantic conventions (gen_ai.provider.name replaced gen_ai.system in semconv 1.37),
    // so GenAI dashboards see an Apiframe job as a generation by its model.
    internal const string GenAiOperationTag = "gen_ai.operation.name";
    internal const string GenAiProviderTag = "gen_ai.provider.name";
    internal const string GenAiRequestModelTag = "gen_ai.request.model";
    internal const string GenAiOutputTypeTag = "gen_ai.output.type";
    internal const string GenAiResponseModelTag = "gen_ai.response.model";
    internal const string GenAiResponseIdTag = "gen_ai.response.id";
    internal const string GenAiProvider = "apiframe";
    internal const string GenAiGenerateContent = "generate_content";

    internal static readonly ActivitySource Source = new(ApiframeDiagnostics.Name);

    internal static readonly Meter Meter = new(ApiframeDiagnostics.Name);

    internal static readonly Counter<long> Requests = Meter.CreateCounter<long>(ApiframeDiagnostics.RequestsCounter, "{request}", "HTTP requests sent to Apiframe, retries and redirects included.");

    internal static readonly Counter<long> Retries = Meter.CreateCounter<long>(ApiframeDiagnostics.RetriesCounter, "{retry}", "Attempts repeated after a 429, 5xx, timeout or dropped connection.");

    internal static readonly Counter<long> Polls = Meter.CreateCounter<long>(ApiframeDiagnostics.PollsCounter, "{poll}", "Job polls made while waiting for jobs.");

    internal static readonly Counter<long> Credits = Meter.CreateCounter<long>(ApiframeDiagnostics.CreditsCounter, "{credit}", "Credits charged for completed jobs.");

    internal static readonly Histogram<double> JobDuration = Meter.CreateHistogram<double>(ApiframeDiagnostics.JobDurationHistogram, "s", "Time from a job's creation to its completion.");

    internal static Activity? Start(string name) => Source.StartActivity(name, ActivityKind.Client);

    // The attempt count belongs to the innermost Apiframe activity only, never to a caller's own activity.
    internal static void SetAttempts(int attempts)
    {
        if (Activity.Current is { } activity && ReferenceEquals(activity.Source, Source))
        {
            activity.SetTag(AttemptsTag, attempts);
        }
    }

    /// <summary>Tags a submission as a GenAI <c>generate_content</c> call to the model.</summary>
    internal static void TagGenAiRequest(Activity? activity, ApiframeModelInfo model)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag(GenAiOperationTag, GenAiGenerateContent);
        activity.SetTag(GenAiProviderTag, GenAiProvider);
        activity.SetTag(GenAiRequestModelTag, model.Id);

        // The convention's output types are text, json, image and speech: only images have a value that fits.
        if (model.Modality == "image")
        {
            activity.SetTag(GenAiOutputTypeTag, "image");
        }
    }

    /// <summary>Tags a finished wait with the job as the GenAI response.</summary>
    internal static void TagGenAiResponse(Activity? activity, ApiframeJob job)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag(GenAiProviderTag, GenAiProvider);
        activity.SetTag(GenAiResponseIdTag, job.Id);
        activity.SetTag(GenAiResponseModelTag, job.Model);
    }

    internal static void Finished(ApiframeJob job, System.TimeSpan waited)
    {
        var model = new KeyValuePair<string, object?>(ModelTag, job.Model);
        if (job.CreditCost is { } credits && credits > 0)
        {
            Credits.Add(credits, model);
        }

        var duration = job.CreatedAt is { } created && job.CompletedAt is { } completed && completed >= created
            ? completed - created
            : waited;
        JobDuration.Record(duration.TotalSeconds, model, new KeyValuePair<string, object?>(StatusTag, job.Status.Value));
    }

    internal static void Fail(Activity? activity, System.Exception exception)
    {
        // Client exception messages are already free of the key (ApiframeErrorReader redacts server text).
        activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
    }
}
