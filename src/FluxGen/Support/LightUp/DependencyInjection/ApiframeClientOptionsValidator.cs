using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Apiframe;

// Start-up check (ValidateOnStart): a host with a missing key or an unreadable setting fails when it starts, with
// every problem named, instead of at the first call. The key itself is never put in a message.
internal sealed class ApiframeClientOptionsValidator : IValidateOptions<ApiframeClientOptions>
{
    private readonly IConfiguration? _configuration;

    public ApiframeClientOptionsValidator(IConfiguration? configuration) => _configuration = configuration;

    public ValidateOptionsResult Validate(string? name, ApiframeClientOptions options)
    {
        var errors = new List<string>();
        if (_configuration is not null)
        {
            // Read again only to collect the values that did not parse.
            ApiframeClientOptionsSetup.Read(_configuration.GetSection(ApiframeClientOptionsSetup.SectionName), new ApiframeClientOptions(), errors);
        }

        if (string.IsNullOrWhiteSpace(options.ApiKey) && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(ApiframeClientOptions.ApiKeyEnvironmentVariable)))
        {
            errors.Add($"No API key: set {ApiframeClientOptionsSetup.SectionName}:ApiKey in configuration, ApiframeClientOptions.ApiKey in AddApiframeClient, or the {ApiframeClientOptions.ApiKeyEnvironmentVariable} environment variable.");
        }

        if (options.MaxRetries < 0)
        {
            errors.Add("MaxRetries cannot be negative.");
        }

        if (options.MaxResponseBodyBytes <= 0)
        {
            errors.Add("MaxResponseBodyBytes must be positive.");
        }

        if (options.BaseAddress is { } address && (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add("BaseAddress must be an absolute http or https URI.");
        }

        return errors.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("The Apiframe client is not configured correctly: " + string.Join(" ", errors));
    }
}
