using System.Net;
using System.Net.Sockets;
using Garnet;
using Garnet.server;

namespace FluxGen.IntegrationTests.ScaleOut;

/// <summary>
/// A real Redis-protocol server for the tests: Garnet (Microsoft's Redis-compatible server) hosted in the test
/// process on a free loopback port, in memory only, stopped and started again on the same port when a test needs
/// Redis to go away and come back.
/// </summary>
internal sealed class GarnetRedis : IDisposable
{
    private GarnetServer? _server;

    private readonly string _memory;

    private GarnetRedis(int port, string memory)
    {
        Port = port;
        _memory = memory;
    }

    public int Port { get; }

    /// <summary>What <c>AddApiframeRedisWebhooks</c> is given.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    /// <summary>Starts a server; <paramref name="memory"/> bounds what it holds (Garnet's log memory size).</summary>
    public static GarnetRedis Start(string memory = "64m")
    {
        var redis = new GarnetRedis(FreePort(), memory);
        redis.Restart();
        return redis;
    }

    /// <summary>Stops the server; clients see their connections drop.</summary>
    public void Stop()
    {
        _server?.Dispose();
        _server = null;
    }

    /// <summary>Starts an empty server on the same port (Garnet keeps nothing across a restart here).</summary>
    public void Restart()
    {
        Stop();
        _server = new GarnetServer(new GarnetServerOptions
        {
            EndPoints = [new IPEndPoint(IPAddress.Loopback, Port)],
            QuietMode = true,
            // Small: a handful of keys per test, and several servers may run at once on a shared machine.
            LogMemorySize = _memory,
            IndexMemorySize = "1m",
        });
        _server.Start();
    }

    public void Dispose() => Stop();

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
