// The Microsoft.Extensions.AI image abstractions are [Experimental("MEAI001")]; these tests use them on purpose.
#pragma warning disable MEAI001

using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace FluxGen.IntegrationTests.AI;

/// <summary>
/// A chat model without a model: it answers a user's "Draw ..." by calling the image tool, and any other request by
/// listing the images it may edit and editing the newest, as an LLM given MEAI's image tools would. No network.
/// </summary>
internal sealed class ScriptedImageModel : IChatClient
{
    private const string Generate = "GenerateImage";
    private const string List = "GetImagesForEdit";
    private const string Edit = "EditImage";

    private int _calls;

    /// <summary>Each tool call made, by name, in order.</summary>
    public List<string> ToolCalls { get; } = new();

    /// <summary>What each listing of editable images returned.</summary>
    public List<string[]> Listings { get; } = new();

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ChatResponse(Next(messages.ToList(), options)));

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var update in new ChatResponse(Next(messages.ToList(), options)).ToChatResponseUpdates())
        {
            await Task.Yield();
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    private ChatMessage Next(List<ChatMessage> messages, ChatOptions? options)
    {
        var offered = options?.Tools?.Select(t => t.Name).ToHashSet() ?? [];
        if (!offered.SetEquals([Generate, List, Edit]))
        {
            throw new InvalidOperationException("MEAI offered the tools " + string.Join(", ", offered));
        }

        var ask = messages.Last(m => m.Role == ChatRole.User).Text;
        var last = messages[^1];
        if (last.Role == ChatRole.User)
        {
            return ask.StartsWith("Draw", StringComparison.Ordinal)
                ? Call(Generate, new() { ["prompt"] = ask })
                : Call(List, new());
        }

        var result = last.Contents.OfType<FunctionResultContent>().Single();
        var call = messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Single(c => c.CallId == result.CallId);
        if (call.Name != List)
        {
            return new ChatMessage(ChatRole.Assistant, "Here it is.");
        }

        var ids = Ids(result.Result);
        Listings.Add(ids);
        return Call(Edit, new() { ["prompt"] = ask, ["imageId"] = ids[^1] });
    }

    private ChatMessage Call(string name, Dictionary<string, object?> arguments)
    {
        ToolCalls.Add(name);
        var id = "call-" + Interlocked.Increment(ref _calls);
        return new ChatMessage(ChatRole.Assistant, [new FunctionCallContent(id, name, arguments)]);
    }

    // The function's return value, as the function invoker hands it back (JSON, or the value itself).
    private static string[] Ids(object? result) => result switch
    {
        JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Select(e => e.GetString()!).ToArray(),
        IEnumerable<string> ids => ids.ToArray(),
        _ => throw new InvalidOperationException("Unexpected image list: " + result),
    };
}
