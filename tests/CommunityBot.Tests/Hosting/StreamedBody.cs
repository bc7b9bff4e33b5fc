using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace CommunityBot.Tests.Hosting;

/// <summary>
/// The start of a message activity whose text runs on for <paramref name="bytes"/> in all, streamed from one small buffer so
/// that the test itself allocates next to nothing. Without <paramref name="declareLength"/> it is sent chunked (no Content-Length).
/// </summary>
internal sealed class StreamedBody : HttpContent
{
    private static readonly byte[] Start = Encoding.UTF8.GetBytes("""{"type":"message","text":" """);
    private readonly long bytes;

    public StreamedBody(long bytes, bool declareLength = false)
    {
        this.bytes = bytes;
        Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (declareLength)
        {
            Headers.ContentLength = bytes;
        }
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await stream.WriteAsync(Start);
        var filler = new byte[64 * 1024];
        Array.Fill(filler, (byte)'a');
        for (var left = bytes - Start.Length; left > 0; left -= filler.Length)
        {
            await stream.WriteAsync(filler.AsMemory(0, (int)Math.Min(filler.Length, left)));
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
