using System.Diagnostics;
using System.Reflection;
using Apiframe;
using Xunit;

namespace FluxGen.Support.Tests.Client;

/// <summary>The key never shows in <c>ToString()</c> or in the debugger's view of the options.</summary>
public sealed class RedactionTests
{
    private const string Key = "afk_redaction_probe";

    [Fact]
    public void ToString_says_only_whether_the_key_is_set()
    {
        var options = new ApiframeClientOptions { ApiKey = Key };

        Assert.DoesNotContain(Key, options.ToString());
        Assert.Contains("ApiKey = (redacted)", options.ToString());
        Assert.Contains("ApiKey = (not set)", new ApiframeClientOptions().ToString());
    }

    [Fact]
    public void The_debugger_shows_the_redacted_text_and_hides_the_key_member()
    {
        var display = typeof(ApiframeClientOptions).GetCustomAttribute<DebuggerDisplayAttribute>();
        var browsable = typeof(ApiframeClientOptions).GetProperty(nameof(ApiframeClientOptions.ApiKey))!.GetCustomAttribute<DebuggerBrowsableAttribute>();

        Assert.Equal("{ToString(),nq}", display?.Value);
        Assert.Equal(DebuggerBrowsableState.Never, browsable?.State);
    }
}
