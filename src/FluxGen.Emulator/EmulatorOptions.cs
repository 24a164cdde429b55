namespace FluxGen.Emulator;

/// <summary>
/// How the emulator behaves. Bound from the <c>Emulator</c> configuration section when run standalone
/// (<c>--Emulator:TimeScale=0.05</c>, <c>Emulator__FaultRate429=0.2</c>). The running emulator reads this same
/// instance on every request, so a test may change a value between calls.
/// </summary>
public sealed class EmulatorOptions
{
    /// <summary>The configuration section the standalone host binds.</summary>
    public const string SectionName = "Emulator";

    /// <summary>
    /// Port for <see cref="ApiframeEmulator.StartAsync(EmulatorOptions?, CancellationToken)"/> on 127.0.0.1;
    /// 0 (the default) takes a free port. The standalone host listens where <c>--urls</c> says instead.
    /// </summary>
    public int Port { get; set; }

    /// <summary>
    /// Multiplies each model's <c>x-apiframe.averageSeconds</c> to give a job's duration; 0.05 turns Flux 1.1 Pro's
    /// 10 s into 0.5 s. Zero finishes a job as soon as anything looks at it.
    /// </summary>
    public double TimeScale { get; set; } = 0.05;

    /// <summary>
    /// When true the emulator's clock stands still until <see cref="ApiframeEmulator.AdvanceClock(TimeSpan)"/>
    /// moves it, so a test decides exactly which job state each poll sees.
    /// </summary>
    public bool ManualClock { get; set; }

    /// <summary>Folder holding the model schemas; defaults to <c>schema/</c> beside the emulator assembly.</summary>
    public string? SchemaDirectory { get; set; }

    /// <summary>
    /// An OpenAPI document (a newer copy of Apiframe's, say) that replaces every document in
    /// <see cref="SchemaDirectory"/>: the emulator serves, validates and lists (<c>/v2/models</c>) the models it defines,
    /// as the generator types them for a project that adds the same document. Schema files still win over it.
    /// </summary>
    public string? OpenApiDocument { get; set; }

    /// <summary>
    /// Scheme, host and port written into result file URLs; defaults to the address the submit request came in on.
    /// </summary>
    public string? PublicBaseAddress { get; set; }

    /// <summary>An API key must start with this to be accepted (unless <see cref="ApiKeys"/> lists keys).</summary>
    public string ApiKeyPrefix { get; set; } = "afk_";

    /// <summary>When not empty, only these keys are accepted (401 for any other).</summary>
    public List<string> ApiKeys { get; set; } = new();

    /// <summary>Keys that are known but inactive: answered 403.</summary>
    public List<string> InactiveKeys { get; set; } = new();

    /// <summary>
    /// Credits the account holds; null means unlimited. A submit needing more than the balance minus what is billed
    /// and what running jobs will cost is answered 402.
    /// </summary>
    public long? CreditBalance { get; set; }

    /// <summary>Credits billed per generated image when a job completes.</summary>
    public int CreditsPerImage { get; set; } = 1;

    /// <summary>Longest side of a generated image in pixels; the other side follows the aspect ratio.</summary>
    public int ImageLongSide { get; set; } = 512;

    /// <summary>Seed for every random fault decision, so a run with the same options answers the same way.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Fraction (0..1) of <c>/v2/</c> requests answered 429 with <c>Retry-After</c>.</summary>
    public double FaultRate429 { get; set; }

    /// <summary>Fraction (0..1) of <c>/v2/</c> requests answered 503.</summary>
    public double FaultRate503 { get; set; }

    /// <summary>Fraction (0..1) of <c>/v2/</c> requests whose connection is dropped before anything happens.</summary>
    public double DropConnectionRate { get; set; }

    /// <summary>
    /// Fraction (0..1) of job-creating submits whose connection is dropped after the job was created, so the
    /// client never sees the 202 but the job runs (and bills) anyway.
    /// </summary>
    public double DropAfterCreateRate { get; set; }

    /// <summary>Seconds sent in <c>Retry-After</c> on a 429.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>Fraction (0..1) of jobs that end FAILED.</summary>
    public double JobFailureRate { get; set; }

    /// <summary>The <c>error</c> a failed job reports.</summary>
    public string JobFailureReason { get; set; } = "Generation failed: the model could not produce an image (emulated failure).";

    /// <summary>Fraction (0..1) of jobs that take <see cref="SlowJobFactor"/> times as long.</summary>
    public double SlowJobRate { get; set; }

    /// <summary>How many times longer a slow job takes.</summary>
    public double SlowJobFactor { get; set; } = 5;

    /// <summary>Attempts per webhook call before the job's <c>webhookStatus</c> becomes <c>failed</c>.</summary>
    public int WebhookAttempts { get; set; } = 3;

    /// <summary>Pause between webhook attempts, in milliseconds.</summary>
    public int WebhookRetryDelayMilliseconds { get; set; } = 100;

    /// <summary>Timeout of one webhook attempt, in milliseconds.</summary>
    public int WebhookTimeoutMilliseconds { get; set; } = 5000;
}
