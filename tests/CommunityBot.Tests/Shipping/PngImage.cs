using System.Buffers.Binary;
using System.IO.Compression;

namespace CommunityBot.Tests.Shipping;

/// <summary>
/// Just enough of PNG to check an icon: size and every pixel as RGBA, for 8-bit RGB or RGBA images without
/// interlacing (what rsvg-convert writes). Anything else is reported, not guessed.
/// </summary>
internal sealed record PngImage(int Width, int Height, bool HasAlpha, byte[] Rgba)
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    public (byte R, byte G, byte B, byte A) Pixel(int x, int y)
    {
        var i = ((y * Width) + x) * 4;
        return (Rgba[i], Rgba[i + 1], Rgba[i + 2], Rgba[i + 3]);
    }

    public IEnumerable<(byte R, byte G, byte B, byte A)> Pixels() =>
        Enumerable.Range(0, Width * Height).Select(i => Pixel(i % Width, i / Width));

    public static PngImage Read(byte[] file)
    {
        if (!file.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new InvalidDataException("not a PNG file");
        }

        int width = 0, height = 0, colorType = 0;
        using var compressed = new MemoryStream();
        for (var offset = 8; offset < file.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(file, offset + 4, 4);
            var data = file.AsSpan(offset + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                colorType = data[9];
                if (data[8] != 8 || colorType is not (2 or 6) || data[12] != 0)
                {
                    throw new InvalidDataException($"only 8-bit RGB/RGBA without interlacing is read (depth {data[8]}, colour type {colorType}, interlace {data[12]})");
                }
            }
            else if (type == "IDAT")
            {
                compressed.Write(data);
            }
            offset += 12 + length;
        }

        var channels = colorType == 6 ? 4 : 3;
        var raw = Inflate(compressed.ToArray());
        return new PngImage(width, height, channels == 4, ToRgba(Unfilter(raw, width, height, channels), width * height, channels));
    }

    private static byte[] Inflate(byte[] zlib)
    {
        using var input = new ZLibStream(new MemoryStream(zlib), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    // Each scanline starts with its filter type; undo it against the line above (PNG spec, section 9).
    private static byte[] Unfilter(byte[] raw, int width, int height, int bpp)
    {
        var stride = width * bpp;
        var pixels = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            for (var x = 0; x < stride; x++)
            {
                var value = raw[(y * (stride + 1)) + 1 + x];
                int left = x >= bpp ? pixels[(y * stride) + x - bpp] : 0;
                int up = y > 0 ? pixels[((y - 1) * stride) + x] : 0;
                int upLeft = x >= bpp && y > 0 ? pixels[((y - 1) * stride) + x - bpp] : 0;
                pixels[(y * stride) + x] = (byte)(value + filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"unknown filter {filter}"),
                });
            }
        }
        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static byte[] ToRgba(byte[] pixels, int count, int channels)
    {
        if (channels == 4)
        {
            return pixels;
        }
        var rgba = new byte[count * 4];
        for (var i = 0; i < count; i++)
        {
            rgba[i * 4] = pixels[i * 3];
            rgba[(i * 4) + 1] = pixels[(i * 3) + 1];
            rgba[(i * 4) + 2] = pixels[(i * 3) + 2];
            rgba[(i * 4) + 3] = 255;
        }
        return rgba;
    }
}
