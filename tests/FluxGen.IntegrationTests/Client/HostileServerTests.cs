using System.Net.Http.Headers;
using Apiframe;
using FluxGen.IntegrationTests.Redirects;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace FluxGen.IntegrationTests.Client;

/// <summary>A scripted server on loopback that misbehaves; the measure is bytes and attempts, never time.</summary>
public sealed class HostileServerTests
{
    private const int Cap = 256 * 1024;
    private const long Offered = 400L * 1024 * 1024;

    [Fact]
    public async Task A_400_MB_chunked_reply_is_read_once_and_only_to_the_cap()
    {
        long written = 0;
        await using var server = await ScriptedOrigin.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            var chunk = new byte[64 * 1024];
            chunk.AsSpan().Fill((byte)' ');
            chunk[0] = (byte)'[';
            try
            {
                while (written < Offered && !context.RequestAborted.IsCancellationRequested)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                    Interlocked.Add(ref written, chunk.Length);
                    chunk[0] = (byte)' ';
                }
            }
            // Kestrel may swallow writes after the client has gone, so the loop also watches RequestAborted.
            catch (Exception ex) when (ex is OperationCanceledException or IOException or ConnectionAbortedException)
            {
                // The client hung up, as it should.
            }
        });
        using var client = new ApiframeClient(new ApiframeClientOptions { ApiKey = "afk_k", BaseAddress = server.BaseAddress, MaxResponseBodyBytes = Cap });

        var error = await Assert.ThrowsAsync<ApiframeException>(() => client.GetJobAsync("j1"));

        Assert.Contains("MaxResponseBodyBytes", error.Message);
        Assert.Single(server.Received);
        // What the server got out before the client hung up: the cap plus what socket buffers held, far below 400 MB.
        Assert.InRange(Interlocked.Read(ref written), Cap, 32L * 1024 * 1024);
    }

    [Fact]
    public async Task A_Retry_After_of_999999999_seconds_fails_the_submit_at_once_with_RetryAfter()
    {
        await using var server = await ScriptedOrigin.StartAsync(context =>
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = "999999999";
            return Task.CompletedTask;
        });
        using var client = new ApiframeClient(new ApiframeClientOptions { ApiKey = "afk_k", BaseAddress = server.BaseAddress });

        var error = await Assert.ThrowsAsync<ApiframeException>(() => client.SubmitAsync(new Flux11ProRequest("p")));

        Assert.Equal(TimeSpan.FromSeconds(999999999), error.RetryAfter);
        Assert.Single(server.Received);
    }
}
