using Apiframe;

namespace FluxGen.Sample;

/// <summary>The command line, parsed without reflection; every problem is a sentence for the user.</summary>
internal sealed record SampleOptions(
    string Prompt,
    Flux11ProAspectRatio? AspectRatio,
    Flux11ProOutputFormat? Format,
    int? Quality,
    long? Seed,
    string? ImageUrl,
    string OutputFolder)
{
    public const string Usage = """
        Usage: dotnet run --project src/FluxGen.Sample -- "<prompt>" [options]

          --aspect-ratio <1:1|3:4|4:3|9:16|16:9>   shape of the image (default 1:1)
          --format <jpg|png|webp>                  file format (default jpg)
          --quality <0-100>                        encoding quality (ignored for png)
          --seed <integer>                         same seed, same image
          --image-url <https://...>                reference image for image-to-image
          --output <folder>                        where to save the image (default ./images)
          --help                                   show this text

        Without APIFRAME_API_KEY the sample runs against FluxGen's built-in emulator; with it, against the real API.
        """;

    public static bool TryParse(string[] args, out SampleOptions? options, out string? error)
    {
        options = null;
        error = null;
        string? prompt = null, imageUrl = null, output = null;
        Flux11ProAspectRatio? ratio = null;
        Flux11ProOutputFormat? format = null;
        int? quality = null;
        long? seed = null;

        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (prompt is not null)
                {
                    error = $"Only one prompt is allowed; put it in quotes (found \"{prompt}\" and \"{arg}\").";
                    return false;
                }

                prompt = arg;
                continue;
            }

            if (arg == "--help")
            {
                error = string.Empty;
                return false;
            }

            if (i + 1 >= args.Length)
            {
                error = $"{arg} needs a value.";
                return false;
            }

            var value = args[++i];
            switch (arg)
            {
                case "--aspect-ratio":
                    if (!Flux11ProAspectRatioExtensions.TryParseWireValue(value, out var r))
                    {
                        error = $"--aspect-ratio '{value}' is not one of 1:1, 3:4, 4:3, 9:16, 16:9.";
                        return false;
                    }

                    ratio = r;
                    break;
                case "--format":
                    if (!Flux11ProOutputFormatExtensions.TryParseWireValue(value, out var f))
                    {
                        error = $"--format '{value}' is not one of jpg, png, webp.";
                        return false;
                    }

                    format = f;
                    break;
                case "--quality":
                    if (!int.TryParse(value, out var q))
                    {
                        error = $"--quality '{value}' is not a whole number.";
                        return false;
                    }

                    quality = q;
                    break;
                case "--seed":
                    if (!long.TryParse(value, out var s))
                    {
                        error = $"--seed '{value}' is not a whole number.";
                        return false;
                    }

                    seed = s;
                    break;
                case "--image-url":
                    imageUrl = value;
                    break;
                case "--output":
                    output = value;
                    break;
                default:
                    error = $"Unknown option {arg}.";
                    return false;
            }
        }

        if (string.IsNullOrWhiteSpace(prompt))
        {
            error = "Give a prompt, for example: \"a red umbrella on a rainy Tokyo street\".";
            return false;
        }

        options = new SampleOptions(prompt, ratio, format, quality, seed, imageUrl, output ?? Path.Combine(Environment.CurrentDirectory, "images"));
        return true;
    }

    public Flux11ProRequest ToRequest() => new(Prompt)
    {
        FluxParams = new()
        {
            AspectRatio = AspectRatio,
            OutputFormat = Format,
            OutputQuality = Quality,
            Seed = Seed,
            ImagePrompt = ImageUrl,
        },
    };
}
