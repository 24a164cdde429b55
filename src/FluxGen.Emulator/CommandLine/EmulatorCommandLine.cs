using System.Collections;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;

namespace FluxGen.Emulator.CommandLine;

/// <summary>
/// The emulator's command line, shared by <c>dotnet run --project src/FluxGen.Emulator</c> and the installed
/// <c>fluxgen-emulator</c> tool: <c>--urls</c> and the <c>--Emulator:&lt;Option&gt;</c> configuration keys, checked
/// before the server starts so a typo is one sentence and exit code 2 instead of an option silently ignored.
/// </summary>
/// <remarks>Hand-written rather than a command-line library: the options are configuration keys that ASP.NET Core
/// binds (so <c>Emulator__X</c> environment variables keep working), and this only has to vet them first.</remarks>
public static class EmulatorCommandLine
{
    /// <summary>The exit code of a command line that could not be understood.</summary>
    public const int UsageError = 2;

    private const string Command = "fluxgen-emulator";
    private const string SectionPrefix = "--" + EmulatorOptions.SectionName + ":";

    /// <summary>Runs the emulator until Ctrl+C, or prints help, or rejects the arguments.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="cancellationToken">Stops the emulator.</param>
    /// <returns>0 after a clean stop or after <c>--help</c>, 2 for arguments that are not understood, 1 when the server cannot start.</returns>
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Any(a => a is "-h" or "--help" or "-?" or "/?"))
        {
            Console.Out.Write(HelpText());
            return 0;
        }

        if (Check(args) is { } problem)
        {
            Console.Error.WriteLine($"{Command}: {problem} Run '{Command} --help' to see the options.");
            return UsageError;
        }

        try
        {
            await ApiframeEmulator.RunAsync(args, cancellationToken).ConfigureAwait(false);
            return 0;
        }
        catch (Exception exception) when (exception is IOException or InvalidOperationException or DirectoryNotFoundException)
        {
            // Port in use, no schema folder: the server cannot start; a stack trace would only bury the reason.
            Console.Error.WriteLine($"{Command}: the emulator could not start: {exception.Message}");
            return 1;
        }
    }

    /// <summary>The <c>--help</c> text: usage, then every option with its default.</summary>
    public static string HelpText()
    {
        var defaults = new EmulatorOptions();
        var text = new System.Text.StringBuilder();
        text.AppendLine("FluxGen Apiframe emulator: a local stand-in for Apiframe's v2 image API (NOT the real API).");
        text.AppendLine();
        text.AppendLine($"Usage: {Command} [--urls <url>] [--Emulator:<Option>=<value> ...]");
        text.AppendLine();
        text.AppendLine("Options:");
        text.AppendLine($"  {"--help, -h",-52} Show this text.");
        text.AppendLine($"  {"--urls <url>",-52} Where to listen (default {ApiframeEmulator.DefaultStandaloneUrl}).");
        foreach (var option in Options())
        {
            var value = option.PropertyType == typeof(List<string>) ? ":<n>=<text>" : "=<" + TypeWord(option.PropertyType) + ">";
            var current = option.GetValue(defaults);
            var shown = current switch
            {
                null => "not set",
                bool flag => flag ? "true" : "false",
                IList { Count: 0 } => "none",
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => current.ToString(),
            };
            text.AppendLine($"  {SectionPrefix + option.Name + value,-52} {Describe(option.Name)} (default {shown})");
        }

        text.AppendLine();
        text.AppendLine("Each option can also come from the environment: Emulator__TimeScale=0.2, ASPNETCORE_URLS=...");
        text.AppendLine("Any API key that starts with afk_ is accepted unless --Emulator:ApiKeys:0=... lists the keys.");
        return text.ToString();
    }

    /// <summary>Why the arguments cannot be used, as one sentence, or <see langword="null"/> when they can.</summary>
    internal static string? Check(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var argument = args[i];
            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? argument : argument[..equals];
            string? value = equals < 0 ? null : argument[(equals + 1)..];
            if (value is null)
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    return IsKnown(name) ? $"'{name}' needs a value." : $"'{argument}' is not an option.";
                }

                value = args[++i];
            }

            if (string.Equals(name, "--urls", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (OptionFor(name) is not { } option)
            {
                return $"'{name}' is not an option.";
            }

            if (!Converts(option, name, value))
            {
                return $"'{value}' is not a valid {TypeWord(option.PropertyType)} for '{name}'.";
            }
        }

        return null;
    }

    private static bool IsKnown(string name) => string.Equals(name, "--urls", StringComparison.OrdinalIgnoreCase) || OptionFor(name) is not null;

    // --Emulator:Name, or --Emulator:Name:<index> for a list; names are case-insensitive, as configuration keys are.
    private static PropertyInfo? OptionFor(string name)
    {
        if (!name.StartsWith(SectionPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var parts = name[SectionPrefix.Length..].Split(':');
        var option = Options().FirstOrDefault(p => string.Equals(p.Name, parts[0], StringComparison.OrdinalIgnoreCase));
        var isList = option?.PropertyType == typeof(List<string>);
        return parts.Length switch
        {
            1 when !isList => option,
            2 when isList && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out _) => option,
            _ => null,
        };
    }

    private static bool Converts(PropertyInfo option, string name, string value)
    {
        var type = option.PropertyType == typeof(List<string>) ? typeof(string) : Nullable.GetUnderlyingType(option.PropertyType) ?? option.PropertyType;
        if (type == typeof(string))
        {
            return true;
        }

        try
        {
            TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value);
            return true;
        }
        catch (Exception exception) when (exception is FormatException or NotSupportedException or ArgumentException or OverflowException)
        {
            return false;
        }
    }

    private static IEnumerable<PropertyInfo> Options() =>
        typeof(EmulatorOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite);

    private static string TypeWord(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(int) || t == typeof(long) => "integer",
        var t when t == typeof(double) => "number",
        var t when t == typeof(bool) => "true|false",
        _ => "text",
    };

    private static string Describe(string option) => option switch
    {
        nameof(EmulatorOptions.Port) => "Port for in-process hosting; the command line uses --urls.",
        nameof(EmulatorOptions.TimeScale) => "Multiplies each model's averageSeconds; 0 finishes jobs at once.",
        nameof(EmulatorOptions.ManualClock) => "Freezes time until a test advances it (in-process use).",
        nameof(EmulatorOptions.SchemaDirectory) => "Folder of model schemas; unset means schema/ beside the emulator.",
        nameof(EmulatorOptions.OpenApiDocument) => "OpenAPI document replacing the folder's documents (a newer API).",
        nameof(EmulatorOptions.PublicBaseAddress) => "Scheme, host and port written into result file URLs.",
        nameof(EmulatorOptions.ApiKeyPrefix) => "A key must start with this.",
        nameof(EmulatorOptions.ApiKeys) => "When set, only these keys are accepted.",
        nameof(EmulatorOptions.InactiveKeys) => "Keys answered 403.",
        nameof(EmulatorOptions.CreditBalance) => "Credits the account holds; 402 beyond it.",
        nameof(EmulatorOptions.CreditsPerImage) => "Credits billed per image.",
        nameof(EmulatorOptions.ImageLongSide) => "Longest image side in pixels.",
        nameof(EmulatorOptions.Seed) => "Seed of every random fault decision.",
        nameof(EmulatorOptions.FaultRate429) => "Fraction of requests answered 429.",
        nameof(EmulatorOptions.FaultRate503) => "Fraction of requests answered 503.",
        nameof(EmulatorOptions.DropConnectionRate) => "Fraction of requests whose connection drops.",
        nameof(EmulatorOptions.DropAfterCreateRate) => "Fraction of submits dropped after the job exists.",
        nameof(EmulatorOptions.RetryAfterSeconds) => "Retry-After seconds on a 429.",
        nameof(EmulatorOptions.JobFailureRate) => "Fraction of jobs that end FAILED.",
        nameof(EmulatorOptions.JobFailureReason) => "The error a failed job reports.",
        nameof(EmulatorOptions.SlowJobRate) => "Fraction of jobs that run slow.",
        nameof(EmulatorOptions.SlowJobFactor) => "How many times longer a slow job takes.",
        nameof(EmulatorOptions.WebhookAttempts) => "Attempts per webhook call.",
        nameof(EmulatorOptions.WebhookRetryDelayMilliseconds) => "Pause between webhook attempts, ms.",
        nameof(EmulatorOptions.WebhookTimeoutMilliseconds) => "Timeout of one webhook attempt, ms.",
        _ => "See EmulatorOptions.",
    };
}
