using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Apiframe;
using FluxGen.IntegrationTests.Redirects;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace FluxGen.IntegrationTests.Client;

/// <summary>A scripted server on loopback that misbehaves; the measure is bytes and attempts, never time.</summary>
public sealed class HostileServerTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Cap = 256 * 1024;
    private const long Offered = 400L * 1024 * 1024;

    [Fact]
    public async Task A_400_MB_chunked_reply_is_read_once_and_only_to_the_cap()
    {
        // A raw socket rather than Kestrel: Kestrel keeps accepting writes for a while after the peer has gone, so
        // only a socket's own writes say how much actually left for the client.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        long written = 0;
        var connections = 0;
        var server = Task.Run(async () =>
        {
            using var socket = await listener.AcceptTcpClientAsync();
            Interlocked.Increment(ref connections);
            var stream = socket.GetStream();
            await ReadHeadersAsync(stream);
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"));
            var payload = new byte[64 * 1024];
            payload.AsSpan().Fill((byte)' ');
            payload[0] = (byte)'[';
            var chunk = Encoding.ASCII.GetBytes(payload.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n").Concat(payload).Concat("\r\n"u8.ToArray()).ToArray();
            try
            {
                while (written < Offered)
                {
                    await stream.WriteAsync(chunk);
                    written += payload.Length;
                    chunk[payload.Length.ToString("x", CultureInfo.InvariantCulture).Length + 2] = (byte)' ';
                }
            }
            catch (IOException)
            {
                // The client hung up, as it should.
            }
        });
        using var client = new ApiframeClient(new ApiframeClientOptions
        {
            ApiKey = "afk_k",
            BaseAddress = new Uri($"http://127.0.0.1:{port}/"),
            MaxResponseBodyBytes = Cap,
        });

        var error = await Assert.ThrowsAsync<ApiframeException>(() => client.GetJobAsync("j1"));
        await server;

        Assert.Contains("MaxResponseBodyBytes", error.Message);
        Assert.Equal(1, connections);
        Assert.False(listener.Pending()); // no second connection: the reply was not asked for again
        output.WriteLine($"cap {Cap} bytes; the server got {written} bytes out before the client hung up, of {Offered} offered");
        // The cap plus what the two loopback socket buffers held: far below the 400 MB offered.
        Assert.InRange(written, Cap, 32L * 1024 * 1024);
    }

    private static async Task ReadHeadersAsync(Stream stream)
    {
        var tail = new Queue<byte>();
        var one = new byte[1];
        while (await stream.ReadAsync(one) == 1)
        {
            tail.Enqueue(one[0]);
            if (tail.Count > 4)
            {
                tail.Dequeue();
            }

            if (tail.SequenceEqual("\r\n\r\n"u8.ToArray()))
            {
                return;
            }
        }
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
