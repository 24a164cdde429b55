using System;
using System.Collections.Generic;
using System.Globalization;
using Apiframe.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Apiframe;

// The "Apiframe" configuration section, read by hand: a binder based on reflection would not survive trimming or
// native AOT, and the section has only a few scalar keys.
internal sealed class ApiframeClientOptionsSetup : IConfigureOptions<ApiframeClientOptions>
{
    internal const string SectionName = "Apiframe";

    private readonly IConfiguration? _configuration;
    private readonly ApiframeWebhookInbox _inbox;

    public ApiframeClientOptionsSetup(ApiframeWebhookInbox inbox, IConfiguration? configuration)
    {
        _inbox = inbox;
        _configuration = configuration;
    }

    public void Configure(ApiframeClientOptions options)
    {
        if (_configuration is not null)
        {
            Read(_configuration.GetSection(SectionName), options, errors: null);
        }

        options.WebhookInbox ??= _inbox;
    }

    // Copies every key that is present; a value that does not parse is reported into errors (when asked) and
    // otherwise left at its default, so start-up validation can name it.
    internal static void Read(IConfigurationSection section, ApiframeClientOptions options, List<string>? errors)
    {
        if (section["ApiKey"] is { Length: > 0 } key)
        {
            options.ApiKey = key;
        }

        Uri(section, "BaseAddress", errors, value => options.BaseAddress = value);
        Uri(section, "WebhookUrl", errors, value => options.WebhookUrl = value);
        Parse<bool>(section, "ValidateRequests", errors, text => bool.TryParse(text, out var v) ? v : null, v => options.ValidateRequests = v);
        Parse<int>(section, "MaxRetries", errors, text => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null, v => options.MaxRetries = v);
        Parse<int>(section, "MaxResponseBodyBytes", errors, text => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null, v => options.MaxResponseBodyBytes = v);
        Parse<double>(section, "WebhookFallbackFactor", errors, text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null, v => options.WebhookFallbackFactor = v);
        Time(section, "AttemptTimeout", errors, v => options.AttemptTimeout = v);
        Time(section, "PollTimeout", errors, v => options.PollTimeout = v);
        Time(section, "MaxRetryAfter", errors, v => options.MaxRetryAfter = v);
        Time(section, "RetryBaseDelay", errors, v => options.RetryBaseDelay = v);
        Time(section, "RetryMaxDelay", errors, v => options.RetryMaxDelay = v);
        Time(section, "MinPollInterval", errors, v => options.MinPollInterval = v);
        Time(section, "MaxPollInterval", errors, v => options.MaxPollInterval = v);
    }

    private static void Uri(IConfigurationSection section, string key, List<string>? errors, Action<Uri> set) =>
        Parse(section, key, errors, text => System.Uri.TryCreate(text, UriKind.Absolute, out var v) ? v : null, set, "an absolute http or https URI");

    private static void Time(IConfigurationSection section, string key, List<string>? errors, Action<TimeSpan> set) =>
        Parse<TimeSpan>(section, key, errors, text => TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var v) ? v : null, set, "a time span such as 00:00:30");

    private static void Parse<T>(IConfigurationSection section, string key, List<string>? errors, Func<string, T?> parse, Action<T> set, string? expected = null)
        where T : struct
    {
        if (section[key] is not { Length: > 0 } text)
        {
            return;
        }

        if (parse(text) is { } value)
        {
            set(value);
        }
        else
        {
            errors?.Add($"{SectionName}:{key} is not {expected ?? "a valid " + typeof(T).Name} (\"{text}\").");
        }
    }

    private static void Parse(IConfigurationSection section, string key, List<string>? errors, Func<string, Uri?> parse, Action<Uri> set, string expected)
    {
        if (section[key] is not { Length: > 0 } text)
        {
            return;
        }

        if (parse(text) is { } value && (value.Scheme == System.Uri.UriSchemeHttp || value.Scheme == System.Uri.UriSchemeHttps))
        {
            set(value);
        }
        else
        {
            errors?.Add($"{SectionName}:{key} is not {expected} (\"{text}\").");
        }
    }
}
