using System.Globalization;
using System.Text;
using Apiframe;

namespace FluxGen.IntegrationTests.Differential;

/// <summary>The request members the differential draws values for, one member per case.</summary>
internal enum Member
{
    Prompt,
    WebhookUrl,
    WebhookEvents,
    ImagePrompt,
    ImagePromptStrength,
    OutputFormat,
    OutputQuality,
    Seed,
    AspectRatio,
    Raw,
    Width,
    Height,
    Guidance,
    Steps,
    GoFast,
    Resolution,
    InputImages,
    PromptUpsampling,
}

/// <summary>
/// One drawn value for one member of a flux-1.1-pro request, everything else fixed and valid. It knows how each
/// validator receives it: as a generated record (runtime), as a C# constant in an object initializer (analyzer), and
/// as JSON text (emulator).
/// </summary>
/// <param name="Member">The member the value goes into.</param>
/// <param name="Value">A string, double, int, long, bool, int[] (enum items as their numbers) or string[].</param>
internal sealed record DifferentialCase(Member Member, object Value)
{
    private const string BasePrompt = "a lighthouse at dusk";

    // A strength needs its reference image (dependentRequired), so strength cases carry this valid one: the case
    // then tests the strength's own rules, not the cross-field one.
    private const string ReferenceImage = "https://example.com/ref.png";

    /// <summary>The request as a program builds it.</summary>
    public Flux11ProRequest ToRequest() => Member switch
    {
        Member.Prompt => new Flux11ProRequest((string)Value),
        Member.WebhookUrl => new Flux11ProRequest(BasePrompt) { WebhookUrl = (string)Value },
        Member.WebhookEvents => new Flux11ProRequest(BasePrompt) { WebhookEvents = ((int[])Value).Select(v => (WebhookEvent)v).ToArray() },
        _ => new Flux11ProRequest(BasePrompt) { FluxParams = ToParams() },
    };

    /// <summary>The same value as a constant in an object initializer, on one line.</summary>
    public string ToCSharp() => Member switch
    {
        Member.Prompt => $"new Flux11ProRequest({CSharpString((string)Value)})",
        Member.WebhookUrl => $"new Flux11ProRequest(\"p\") {{ WebhookUrl = {CSharpString((string)Value)} }}",
        Member.WebhookEvents => $"new Flux11ProRequest(\"p\") {{ WebhookEvents = [{string.Join(", ", ((int[])Value).Select(v => $"(WebhookEvent)({Int(v)})"))}] }}",
        Member.ImagePrompt => $"new Flux11ProParams {{ ImagePrompt = {CSharpString((string)Value)} }}",
        Member.ImagePromptStrength => $"new Flux11ProParams {{ ImagePrompt = \"{ReferenceImage}\", ImagePromptStrength = {CSharpDouble((double)Value)} }}",
        Member.OutputFormat => $"new Flux11ProParams {{ OutputFormat = (Flux11ProOutputFormat)({Int((int)Value)}) }}",
        Member.OutputQuality => $"new Flux11ProParams {{ OutputQuality = {Int((int)Value)} }}",
        Member.Seed => $"new Flux11ProParams {{ Seed = {((long)Value).ToString(CultureInfo.InvariantCulture)}L }}",
        Member.AspectRatio => $"new Flux11ProParams {{ AspectRatio = (Flux11ProAspectRatio)({Int((int)Value)}) }}",
        Member.Raw => $"new Flux11ProParams {{ Raw = {Bool((bool)Value)} }}",
        Member.Width => $"new Flux11ProParams {{ Width = {Int((int)Value)} }}",
        Member.Height => $"new Flux11ProParams {{ Height = {Int((int)Value)} }}",
        Member.Guidance => $"new Flux11ProParams {{ Guidance = {CSharpDouble((double)Value)} }}",
        Member.Steps => $"new Flux11ProParams {{ Steps = {Int((int)Value)} }}",
        Member.GoFast => $"new Flux11ProParams {{ GoFast = {Bool((bool)Value)} }}",
        Member.Resolution => $"new Flux11ProParams {{ Resolution = {CSharpString((string)Value)} }}",
        Member.InputImages => $"new Flux11ProParams {{ InputImages = [{string.Join(", ", ((string[])Value).Select(CSharpString))}] }}",
        Member.PromptUpsampling => $"new Flux11ProParams {{ PromptUpsampling = {Bool((bool)Value)} }}",
        _ => throw new InvalidOperationException(Member.ToString()),
    };

    /// <summary>The body any client would send for this value, written by hand: a lone surrogate as its
    /// <c>\u</c> escape, NaN and infinities as the bare words a careless writer emits, an undefined enum value as
    /// its number.</summary>
    public string ToJson()
    {
        var prompt = Member == Member.Prompt ? (string)Value : BasePrompt;
        var json = new StringBuilder("{\"prompt\":").Append(JsonString(prompt)).Append(",\"model\":\"flux-1.1-pro\"");
        switch (Member)
        {
            case Member.Prompt:
                break;
            case Member.WebhookUrl:
                json.Append(",\"webhookUrl\":").Append(JsonString((string)Value));
                break;
            case Member.WebhookEvents:
                json.Append(",\"webhookEvents\":[").AppendJoin(',', ((int[])Value).Select(v =>
                    WebhookEventExtensions.IsDefined((WebhookEvent)v) ? JsonString(((WebhookEvent)v).ToWireValue()) : Int(v))).Append(']');
                break;
            default:
                json.Append(",\"fluxParams\":{").Append(ParamsMember()).Append('}');
                break;
        }

        return json.Append('}').ToString();
    }

    public override string ToString() => Member switch
    {
        Member.WebhookEvents => $"{Member} = [{string.Join(", ", (int[])Value)}]",
        Member.ImagePromptStrength or Member.Guidance => $"{Member} = {((double)Value).ToString("R", CultureInfo.InvariantCulture)}",
        Member.Prompt or Member.WebhookUrl or Member.ImagePrompt or Member.Resolution => $"{Member} = {CSharpString((string)Value)}",
        Member.InputImages => $"{Member} = {((string[])Value).Length} images",
        _ => $"{Member} = {Value}",
    };

    private Flux11ProParams ToParams() => Member switch
    {
        Member.ImagePrompt => new Flux11ProParams { ImagePrompt = (string)Value },
        Member.ImagePromptStrength => new Flux11ProParams { ImagePrompt = ReferenceImage, ImagePromptStrength = (double)Value },
        Member.OutputFormat => new Flux11ProParams { OutputFormat = (Flux11ProOutputFormat)(int)Value },
        Member.OutputQuality => new Flux11ProParams { OutputQuality = (int)Value },
        Member.Seed => new Flux11ProParams { Seed = (long)Value },
        Member.AspectRatio => new Flux11ProParams { AspectRatio = (Flux11ProAspectRatio)(int)Value },
        Member.Raw => new Flux11ProParams { Raw = (bool)Value },
        Member.Width => new Flux11ProParams { Width = (int)Value },
        Member.Height => new Flux11ProParams { Height = (int)Value },
        Member.Guidance => new Flux11ProParams { Guidance = (double)Value },
        Member.Steps => new Flux11ProParams { Steps = (int)Value },
        Member.GoFast => new Flux11ProParams { GoFast = (bool)Value },
        Member.Resolution => new Flux11ProParams { Resolution = (string)Value },
        Member.InputImages => new Flux11ProParams { InputImages = (string[])Value },
        Member.PromptUpsampling => new Flux11ProParams { PromptUpsampling = (bool)Value },
        _ => throw new InvalidOperationException(Member.ToString()),
    };

    private string ParamsMember() => Member switch
    {
        Member.ImagePrompt => "\"image_prompt\":" + JsonString((string)Value),
        Member.ImagePromptStrength => "\"image_prompt\":\"" + ReferenceImage + "\",\"image_prompt_strength\":" + JsonDouble((double)Value),
        Member.OutputFormat => "\"output_format\":" + (Flux11ProOutputFormatExtensions.IsDefined((Flux11ProOutputFormat)(int)Value)
            ? JsonString(((Flux11ProOutputFormat)(int)Value).ToWireValue())
            : Int((int)Value)),
        Member.OutputQuality => "\"output_quality\":" + Int((int)Value),
        Member.Seed => "\"seed\":" + ((long)Value).ToString(CultureInfo.InvariantCulture),
        Member.AspectRatio => "\"aspect_ratio\":" + (Flux11ProAspectRatioExtensions.IsDefined((Flux11ProAspectRatio)(int)Value)
            ? JsonString(((Flux11ProAspectRatio)(int)Value).ToWireValue())
            : Int((int)Value)),
        Member.Raw => "\"raw\":" + Bool((bool)Value),
        Member.Width => "\"width\":" + Int((int)Value),
        Member.Height => "\"height\":" + Int((int)Value),
        Member.Guidance => "\"guidance\":" + JsonDouble((double)Value),
        Member.Steps => "\"steps\":" + Int((int)Value),
        Member.GoFast => "\"go_fast\":" + Bool((bool)Value),
        Member.Resolution => "\"resolution\":" + JsonString((string)Value),
        Member.InputImages => "\"input_images\":[" + string.Join(",", ((string[])Value).Select(JsonString)) + "]",
        Member.PromptUpsampling => "\"prompt_upsampling\":" + Bool((bool)Value),
        _ => throw new InvalidOperationException(Member.ToString()),
    };

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";

    private static string CSharpDouble(double value) =>
        double.IsNaN(value) ? "double.NaN"
        : double.IsPositiveInfinity(value) ? "1.0 / 0"
        : double.IsNegativeInfinity(value) ? "-1.0 / 0"
        : value.ToString("R", CultureInfo.InvariantCulture) + "d";

    private static string JsonDouble(double value) =>
        double.IsNaN(value) ? "NaN"
        : double.IsPositiveInfinity(value) ? "Infinity"
        : double.IsNegativeInfinity(value) ? "-Infinity"
        : value.ToString("R", CultureInfo.InvariantCulture);

    // Both escapers write every character outside printable ASCII as \uXXXX, so a lone surrogate stays itself.
    private static string CSharpString(string value) => Quote(value);

    private static string JsonString(string value) => Quote(value);

    private static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                text.Append('\\').Append(c);
            }
            else if (c < 0x20 || c >= 0x7F)
            {
                text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.Append('"').ToString();
    }
}
