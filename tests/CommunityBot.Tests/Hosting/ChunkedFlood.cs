using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CommunityBot.Tests.Hosting;

/// <summary>
/// A hostile client on a raw socket: posts a chunked body of the given size as fast as the server takes it and stops as soon
/// as the answer's status line arrives (or the server closes the connection), as an attacker's tool would. HttpClient cannot
/// show this: it reports a server that answers early and closes as a failed send, without the status.
/// </summary>
internal static class ChunkedFlood
{
    public static async Task<HttpStatusCode?> PostAsync(Uri baseUrl, string authorization, long bytes, CancellationToken cancellationToken)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(baseUrl.Host, baseUrl.Port, cancellationToken);
        var stream = tcp.GetStream();
        var head = $"POST /api/messages HTTP/1.1\r\nHost: {baseUrl.Authority}\r\nAuthorization: {authorization}\r\n" +
            "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), cancellationToken);
        using var answered = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var status = ReadStatusAsync(stream, answered, cancellationToken);
        try
        {
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)'a');
            var size = Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n");
            var end = "\r\n"u8.ToArray();
            for (long sent = 0; sent < bytes && !answered.IsCancellationRequested; sent += chunk.Length)
            {
                await stream.WriteAsync(size, answered.Token);
                await stream.WriteAsync(chunk, answered.Token);
                await stream.WriteAsync(end, answered.Token);
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException)
        {
            // The server answered and closed, or the answer came: the rest is not sent.
        }
        return await status;
    }

    private static async Task<HttpStatusCode?> ReadStatusAsync(NetworkStream stream, CancellationTokenSource answered, CancellationToken cancellationToken)
    {
        var buffer = new byte[512];
        var line = new StringBuilder();
        try
        {
            while (!line.ToString().Contains('\n', StringComparison.Ordinal))
            {
                var read = await stream.ReadAsync(buffer, cancellationToken);
                if (read == 0)
                {
                    return null;
                }
                line.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }
        }
        catch (IOException)
        {
            return null;
        }
        finally
        {
            await answered.CancelAsync();
        }
        // "HTTP/1.1 401 Unauthorized"
        return (HttpStatusCode)int.Parse(line.ToString().Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
