// The Microsoft.Extensions.AI image abstractions are [Experimental("MEAI001")]; these tests use them on purpose.
#pragma warning disable MEAI001

using System.Text.Json;
using Apiframe;
using FluxGen.IntegrationTests.Client;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Xunit;

namespace FluxGen.IntegrationTests.AI;

/// <summary>
/// The generator where Microsoft.Extensions.AI composes it: <c>UseImageGeneration</c> over <c>UseFunctionInvocation</c>
/// turns a chat model's tool calls into generator calls, and keeps the images it gets in the conversation.
/// </summary>
public sealed class ImageGeneratingChatTests
{
    private static readonly string[] Turns = ["Draw a lighthouse on a cliff", "Make it night", "Add a full moon"];

    /// <param name="streaming">Whether the chat is read as a stream of updates.</param>
    /// <param name="reloaded">Whether the history is rebuilt between turns (as an app that stores chats does), so
    /// the images in it are new objects the generator did not make: they are uploaded, not sent by result URL.</param>
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task A_model_generates_an_image_edits_it_then_edits_the_edit(bool streaming, bool reloaded)
    {
        await using var fixture = await ClientFixture.StartAsync();
        var logs = new Hosting.CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(logs));
        var model = new ScriptedImageModel();
        using var chat = model.AsBuilder()
            .UseImageGeneration(fixture.Client.AsIImageGenerator().AsBuilder().UseLogging(loggerFactory).Build())
            .UseFunctionInvocation()
            .Build();
        var options = new ChatOptions { Tools = [new HostedImageGenerationTool()] };

        var history = new List<ChatMessage>();
        var images = new List<DataContent>();
        foreach (var turn in Turns)
        {
            history.Add(new ChatMessage(ChatRole.User, turn));
            var response = streaming
                ? await chat.GetStreamingResponseAsync(history, options).ToChatResponseAsync()
                : await chat.GetResponseAsync(history, options);

            // One image per call, in the conversation as the image tool's result.
            var result = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<ImageGenerationToolResultContent>());
            var image = Assert.IsType<DataContent>(Assert.Single(result.Outputs!));
            Assert.StartsWith("image/", image.MediaType, StringComparison.Ordinal);
            images.Add(image);
            history.AddRange(reloaded ? response.Messages.Select(Reload) : response.Messages);
        }

        Assert.Equal(["GenerateImage", "GetImagesForEdit", "EditImage", "GetImagesForEdit", "EditImage"], model.ToolCalls);
        Assert.Equal([1, 2], model.Listings.Select(l => l.Length));

        // Three jobs, each image its own job's file, and each edit started from the image before it.
        var jobs = fixture.Emulator.Jobs.Reverse().ToList();
        Assert.Equal(3, jobs.Count);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(await fixture.Http.GetByteArrayAsync(jobs[i].ImageUrls.Single()), images[i].Data.ToArray());
        }

        Assert.Null(InputImage(jobs[0]));
        for (var i = 1; i < 3; i++)
        {
            var sent = InputImage(jobs[i])!;
            if (reloaded)
            {
                Assert.Contains("/uploads/", sent, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(new Uri(fixture.Emulator.BaseAddress, jobs[i - 1].ImageUrls.Single()).AbsoluteUri, sent);
            }

            Assert.Equal(images[i - 1].Data.ToArray(), await fixture.Http.GetByteArrayAsync(sent));
        }

        Assert.Equal(reloaded ? 2 : 0, fixture.Emulator.Requests.Count(r => r.Method == "POST" && r.Path == "/v2/uploads"));

        // The generator still reports through MEAI's logging.
        Assert.Equal(3, logs.Entries.Count(e => e.Category.Contains("LoggingImageGenerator", StringComparison.Ordinal) && e.Message.Contains("completed", StringComparison.OrdinalIgnoreCase)));
    }

    private static string? InputImage(FluxGen.Emulator.JobSnapshot job)
    {
        using var input = JsonDocument.Parse(job.InputJson);
        return input.RootElement.TryGetProperty("fluxParams", out var block) && block.TryGetProperty("input_images", out var urls) ? Assert.Single(urls.EnumerateArray()).GetString() : null;
    }

    // The message as an app would read it back from storage: equal contents, none of them the same objects.
    private static ChatMessage Reload(ChatMessage message) =>
        new(message.Role, message.Contents.Select(Reload).ToList());

    private static AIContent Reload(AIContent content) => content switch
    {
        ImageGenerationToolResultContent result => new ImageGenerationToolResultContent(result.CallId)
        {
            Outputs = result.Outputs?.Select(Reload).ToList(),
        },
        DataContent data => new DataContent(data.Data.ToArray(), data.MediaType) { Name = data.Name, AdditionalProperties = data.AdditionalProperties?.Clone() },
        _ => content,
    };
}
