using System.Buffers;
using System.Text.Unicode;

namespace CommunityBot.Communities.Import;

/// <summary>Decodes a body as strict UTF-8: an invalid byte is named by its line and column instead of becoming "�".</summary>
public static class Utf8Check
{
    /// <returns>The text without a byte order mark, or null with the line and byte column of the first invalid byte.</returns>
    public static (string? Text, int Line, int Column) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, bytes.Length));
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
            if (status == OperationStatus.Done)
            {
                return (new string(chars, 0, written), 0, 0);
            }
            var before = bytes[..read];
            return (null, before.Count((byte)'\n') + 1, read - before.LastIndexOf((byte)'\n'));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
