using System.Globalization;
using FluxGen.Analysis.Secrets;
using static FluxGen.Tests.Secrets.ApiKeyLiteralVerifier;

namespace FluxGen.Tests.Secrets;

/// <summary>FLUX051: a string constant shaped like an Apiframe API key is a warning that says why and how.</summary>
public class ApiKeyLiteralTests
{
    [Fact]
    public Task Keys_are_flagged_wherever_a_string_constant_can_be()
    {
        var source = $$"""""
            using System;

            [Obsolete({|#0:"{{Key}}"|})]
            class Settings
            {
                const string Field = {|#1:"{{Key}}"|};
                static ReadOnlySpan<byte> Utf8 => {|#2:"{{Key}}"u8|};
                static string Raw => {|#3:""""{{Key}}""""|};
                static string Header(int n) => $"{|#4:X-API-Key: {{Key}} |}{n}";
                static string Line => {|#5:"key={{Key}};region=eu"|};
            }
            """"";
        return VerifyAsync(source, Flux051(0), Flux051(1), Flux051(2), Flux051(3), Flux051(4), Flux051(5));
    }

    [Theory]
    [InlineData("afk_test_123")]                       // the webhook test vector of API-NOTES
    [InlineData("afk_secret_key_1234567890")]          // words and underscores: a readable test key
    [InlineData("afk_integration_key")]
    [InlineData("afk_")]
    [InlineData("afk_XXXXXXXXXXXXXXXXXXXXXXXX")]       // a placeholder: few distinct characters
    [InlineData("afk_0123456789abcdefABCDE")]          // 21 characters after the prefix: too short
    [InlineData("xafk_9fK2mQ7xLpR4tZ8vB1nC6dW3")]      // the prefix inside a longer word is not a key
    [InlineData("afk_9fK2mQ7xLpR4tZ8vB1nC6dW3_more")]  // nor is a run that goes on with an underscore
    public void Values_that_are_not_keys_are_left_alone(string value) =>
        Assert.Equal(-1, ApiKeyShape.Find(value.Replace("9fK2mQ7xLpR4tZ8vB1nC6dW3", Body, StringComparison.Ordinal)).Start);

    [Fact]
    public void The_shortest_key_is_prefix_plus_24_characters()
    {
        Assert.Equal((0, 28), ApiKeyShape.Find("afk_" + Body));
        Assert.Equal((-1, 0), ApiKeyShape.Find("afk_" + Body[1..]));
        Assert.Equal((5, 28), ApiKeyShape.Find("key: afk_" + Body + "."));
    }

    [Fact]
    public async Task The_message_says_why_and_how()
    {
        var message = Descriptors.ApiKeyInSource.MessageFormat.ToString(CultureInfo.InvariantCulture);

        Assert.Contains("version control", message);
        Assert.Contains("APIFRAME_API_KEY environment variable", message);
        Assert.Contains("user secrets", message);
        Assert.Contains("configuration", message);
        await Task.CompletedTask;
    }

    [Fact]
    public Task The_fix_reads_the_environment_variable() =>
        VerifyFixAsync(
            $$"""
            using System;

            class Startup
            {
                const string Key = {|#0:"{{Key}}"|};

                string Configure()
                {
                    const string local = {|#1:"{{Key}}"|};
                    var inline = {|#2:"{{Key}}"|};
                    return Key + local + inline;
                }
            }
            """,
            [Flux051(0), Flux051(1), Flux051(2)],
            """
            using System;

            class Startup
            {
                static readonly string Key = Environment.GetEnvironmentVariable("APIFRAME_API_KEY");

                string Configure()
                {
                    string local = Environment.GetEnvironmentVariable("APIFRAME_API_KEY");
                    var inline = Environment.GetEnvironmentVariable("APIFRAME_API_KEY");
                    return Key + local + inline;
                }
            }
            """);

    [Fact]
    public Task The_fix_qualifies_Environment_where_System_is_not_in_scope() =>
        VerifyFixAsync(
            $$"""
            class Startup
            {
                string Key() => {|#0:"{{Key}}"|};
            }
            """,
            [Flux051(0)],
            """
            class Startup
            {
                string Key() => System.Environment.GetEnvironmentVariable("APIFRAME_API_KEY");
            }
            """);

    [Fact]
    public Task No_fix_where_csharp_needs_a_constant_or_the_key_is_part_of_a_longer_string() =>
        VerifyFixAsync(
            $$"""
            using System;

            [Obsolete({|#0:"{{Key}}"|})]
            class Settings
            {
                static string Line => {|#1:"key={{Key}}"|};
            }
            """,
            [Flux051(0), Flux051(1)],
            $$"""
            using System;

            [Obsolete({|#0:"{{Key}}"|})]
            class Settings
            {
                static string Line => {|#1:"key={{Key}}"|};
            }
            """,
            [Flux051(0), Flux051(1)]);
}
