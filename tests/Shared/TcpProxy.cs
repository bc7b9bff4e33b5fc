using System.Net;
using System.Net.Sockets;

namespace CommunityBot.Testing;

/// <summary>
/// A loopback TCP proxy in front of a server (the test PostgreSQL) that a test can cut and restore, to play a database
/// outage without stopping a server other tests share. <see cref="Cut"/> stops listening and drops every open
/// connection (clients see a refused or reset connection at once, as when a server restarts); <see cref="Restore"/>
/// listens on the same port again.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly string targetHost;
    private readonly int targetPort;
    private readonly Lock gate = new();
    private readonly List<TcpClient> connections = [];
    private TcpListener? listener;
    private CancellationTokenSource? accepting;

    private TcpProxy(string targetHost, int targetPort)
    {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    public int Port { get; private set; }

    public static TcpProxy Start(string targetHost, int targetPort)
    {
        var proxy = new TcpProxy(targetHost, targetPort);
        proxy.Listen(0);
        return proxy;
    }

    public void Cut()
    {
        lock (gate)
        {
            accepting?.Cancel();
            listener?.Stop();
            listener = null;
            foreach (var connection in connections)
            {
                // Linger 0: a reset, as a crashed server gives, rather than a polite close the client might wait on.
                connection.Client.LingerState = new LingerOption(true, 0);
                connection.Dispose();
            }
            connections.Clear();
        }
    }

    public void Restore() => Listen(Port);

    public ValueTask DisposeAsync()
    {
        Cut();
        return ValueTask.CompletedTask;
    }

    private void Listen(int port)
    {
        var socket = new TcpListener(IPAddress.Loopback, port);
        socket.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        socket.Start();
        var stop = new CancellationTokenSource();
        lock (gate)
        {
            listener = socket;
            accepting = stop;
            Port = ((IPEndPoint)socket.LocalEndpoint).Port;
        }
        _ = AcceptAsync(socket, stop.Token);
    }

    private async Task AcceptAsync(TcpListener socket, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await socket.AcceptTcpClientAsync(stop);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = PipeAsync(client, stop);
        }
    }

    private async Task PipeAsync(TcpClient client, CancellationToken stop)
    {
        var server = new TcpClient();
        lock (gate)
        {
            if (stop.IsCancellationRequested)
            {
                client.Dispose();
                server.Dispose();
                return;
            }
            connections.Add(client);
            connections.Add(server);
        }
        try
        {
            await server.ConnectAsync(targetHost, targetPort, stop);
            var up = client.GetStream().CopyToAsync(server.GetStream(), stop);
            var down = server.GetStream().CopyToAsync(client.GetStream(), stop);
            await Task.WhenAny(up, down);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The outage or a client hanging up: both ends are closed below.
        }
        finally
        {
            lock (gate)
            {
                connections.Remove(client);
                connections.Remove(server);
            }
            client.Dispose();
            server.Dispose();
        }
    }
}
