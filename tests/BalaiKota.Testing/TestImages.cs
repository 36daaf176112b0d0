using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace BalaiKota.Testing;

/// <summary>
/// Images made in code for the photo tests (no binary fixtures): a picture with four differently coloured
/// quadrants, so that any turn or mirror shows; EXIF written into a JPEG as a camera would; a realistic
/// camera-sized photo for the benchmark; and a PNG whose header claims more pixels than it holds.
/// </summary>
public static class TestImages
{
    /// <summary>The quadrants of the picture as stored (before any EXIF orientation).</summary>
    public enum Quadrant
    {
        TopLeft,
        TopRight,
        BottomLeft,
        BottomRight,
    }

    public static SKColor ColorOf(Quadrant quadrant) => quadrant switch
    {
        Quadrant.TopLeft => new SKColor(220, 30, 30),      // red
        Quadrant.TopRight => new SKColor(30, 170, 30),     // green
        Quadrant.BottomLeft => new SKColor(30, 30, 210),   // blue
        _ => new SKColor(245, 220, 40),                    // yellow
    };

    /// <summary>
    /// A JPEG of four coloured quadrants; with <paramref name="exifOrientation"/> (1–8, e.g. 6: turn 90° clockwise to
    /// view) and/or DateTimeOriginal ("2026:11:20 09:30:00") and OffsetTimeOriginal ("+07:00") in an EXIF APP1 segment.
    /// </summary>
    public static byte[] Jpeg(int width, int height, ushort? exifOrientation = null, string? exifDateTimeOriginal = null, string? exifOffsetTimeOriginal = null)
    {
        using var bitmap = Quadrants(width, height);
        var jpeg = Encode(bitmap, SKEncodedImageFormat.Jpeg, 90);
        return exifOrientation is null && exifDateTimeOriginal is null && exifOffsetTimeOriginal is null
            ? jpeg
            : WithExif(jpeg, exifOrientation, exifDateTimeOriginal, exifOffsetTimeOriginal);
    }

    /// <summary>A PNG of four coloured quadrants.</summary>
    public static byte[] Png(int width, int height)
    {
        using var bitmap = Quadrants(width, height);
        return Encode(bitmap, SKEncodedImageFormat.Png, 100);
    }

    /// <summary>
    /// A camera-like JPEG (quality 92): soft gradients and shapes under sensor-like noise, so that it compresses as a
    /// real photo does (a 4000×3000 one is several MB), not to a few kB as flat colours would.
    /// </summary>
    public static byte[] Photo(int width, int height, ushort? exifOrientation = null, int seed = 20261120)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            using var wall = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width * 0.3f, height), [new SKColor(235, 228, 210), new SKColor(150, 140, 120)], SKShaderTileMode.Clamp);
            using var paint = new SKPaint { Shader = wall, IsAntialias = true };
            canvas.DrawRect(0, 0, width, height, paint);
            using var window = SKShader.CreateRadialGradient(new SKPoint(width * 0.7f, height * 0.3f), width * 0.25f, [new SKColor(250, 250, 255), new SKColor(120, 170, 220)], SKShaderTileMode.Clamp);
            paint.Shader = window;
            canvas.DrawRect(width * 0.5f, height * 0.1f, width * 0.4f, height * 0.4f, paint);
            paint.Shader = null;
            paint.Color = new SKColor(90, 60, 40);
            canvas.DrawRect(width * 0.05f, height * 0.65f, width * 0.6f, height * 0.08f, paint);
            paint.Color = new SKColor(40, 90, 60);
            canvas.DrawCircle(width * 0.25f, height * 0.35f, height * 0.15f, paint);
        }

        var random = new Random(seed);
        var pixels = bitmap.GetPixelSpan();
        for (var i = 0; i < pixels.Length; i += 4)
        {
            // One draw per pixel for luminance noise plus a little per channel, as a sensor at moderate ISO gives.
            var shared = random.Next(-14, 15);
            pixels[i] = Clamp(pixels[i] + shared + random.Next(-4, 5));
            pixels[i + 1] = Clamp(pixels[i + 1] + shared + random.Next(-4, 5));
            pixels[i + 2] = Clamp(pixels[i + 2] + shared + random.Next(-4, 5));
        }

        var jpeg = Encode(bitmap, SKEncodedImageFormat.Jpeg, 92);
        return exifOrientation is null ? jpeg : WithExif(jpeg, exifOrientation, null, null);
    }

    /// <summary>
    /// A real small PNG whose IHDR (with a valid CRC) claims <paramref name="width"/>×<paramref name="height"/>:
    /// a decoder reads the header fine and would only find out when it decodes the pixels.
    /// </summary>
    public static byte[] PngClaiming(int width, int height)
    {
        var png = Png(8, 8);
        // Signature (8), then the IHDR chunk: length (4), "IHDR" (4), width (4), height (4), 5 more bytes, CRC (4).
        if (!png.AsSpan(12, 4).SequenceEqual("IHDR"u8))
        {
            throw new InvalidOperationException("The encoder did not start its PNG with IHDR.");
        }

        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32(png.AsSpan(12, 4 + 13)));
        return png;
    }

    /// <summary>
    /// Inserts an EXIF APP1 segment right after SOI, laid out as cameras write it (little-endian TIFF; Orientation in
    /// IFD0; DateTimeOriginal and OffsetTimeOriginal in the Exif IFD).
    /// </summary>
    public static byte[] WithExif(byte[] jpeg, ushort? orientation, string? dateTimeOriginal, string? offsetTimeOriginal)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        if (jpeg.Length < 2 || jpeg[0] != 0xFF || jpeg[1] != 0xD8)
        {
            throw new ArgumentException("Not a JPEG.", nameof(jpeg));
        }

        var ifd0 = new List<(ushort Tag, ushort Type, byte[] Value)>();
        if (orientation is { } o)
        {
            ifd0.Add((0x0112, 3, BitConverter.GetBytes(o)));
        }

        var exif = new List<(ushort Tag, ushort Type, byte[] Value)>();
        if (dateTimeOriginal is not null)
        {
            exif.Add((0x9003, 2, Encoding.ASCII.GetBytes(dateTimeOriginal + "\0")));
        }

        if (offsetTimeOriginal is not null)
        {
            exif.Add((0x9011, 2, Encoding.ASCII.GetBytes(offsetTimeOriginal + "\0")));
        }

        const int ifd0Offset = 8;
        var ifd0Size = IfdSize(ifd0.Count + (exif.Count > 0 ? 1 : 0));
        var exifOffset = ifd0Offset + ifd0Size + DataSize(ifd0);
        if (exif.Count > 0)
        {
            ifd0.Add((0x8769, 4, BitConverter.GetBytes((uint)exifOffset)));
        }

        using var tiff = new MemoryStream();
        using (var writer = new BinaryWriter(tiff, Encoding.ASCII, leaveOpen: true))
        {
            writer.Write("II"u8);
            writer.Write((ushort)42);
            writer.Write((uint)ifd0Offset);
            WriteIfd(writer, ifd0, ifd0Offset);
            if (exif.Count > 0)
            {
                WriteIfd(writer, exif, exifOffset);
            }
        }

        var payloadLength = 6 + (int)tiff.Length;
        var segment = new byte[4 + payloadLength];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), checked((ushort)(2 + payloadLength)));
        "Exif\0\0"u8.CopyTo(segment.AsSpan(4));
        tiff.ToArray().CopyTo(segment, 10);
        return [.. jpeg.AsSpan(0, 2), .. segment, .. jpeg.AsSpan(2)];
    }

    /// <summary>Which quadrant's colour the pixel at the given fraction of the width and height of an encoded image has; null for none.</summary>
    public static Quadrant? QuadrantAt(byte[] encoded, double x, double y)
    {
        using var bitmap = SKBitmap.Decode(encoded) ?? throw new ArgumentException("Not a decodable image.", nameof(encoded));
        var pixel = bitmap.GetPixel((int)(x * (bitmap.Width - 1)), (int)(y * (bitmap.Height - 1)));
        foreach (var quadrant in Enum.GetValues<Quadrant>())
        {
            var color = ColorOf(quadrant);
            if (Math.Abs(pixel.Red - color.Red) + Math.Abs(pixel.Green - color.Green) + Math.Abs(pixel.Blue - color.Blue) < 60)
            {
                return quadrant;
            }
        }

        return null;
    }

    private static SKBitmap Quadrants(int width, int height)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        using var paint = new SKPaint();
        var (halfWidth, halfHeight) = (width / 2f, height / 2f);
        foreach (var (quadrant, left, top) in new[] { (Quadrant.TopLeft, 0f, 0f), (Quadrant.TopRight, halfWidth, 0f), (Quadrant.BottomLeft, 0f, halfHeight), (Quadrant.BottomRight, halfWidth, halfHeight) })
        {
            paint.Color = ColorOf(quadrant);
            canvas.DrawRect(left, top, halfWidth, halfHeight, paint);
        }

        return bitmap;
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality)
    {
        using var data = bitmap.Encode(format, quality) ?? throw new InvalidOperationException($"SkiaSharp could not encode {format}.");
        return data.ToArray();
    }

    private static byte Clamp(int value) => (byte)Math.Clamp(value, 0, 255);

    private static int IfdSize(int entries) => 2 + (entries * 12) + 4;

    private static int DataSize(List<(ushort Tag, ushort Type, byte[] Value)> entries) =>
        entries.Where(e => e.Value.Length > 4).Sum(e => e.Value.Length);

    /// <summary>An IFD at <paramref name="offset"/>, its values longer than four bytes right after it.</summary>
    private static void WriteIfd(BinaryWriter writer, List<(ushort Tag, ushort Type, byte[] Value)> entries, int offset)
    {
        entries.Sort((a, b) => a.Tag.CompareTo(b.Tag));
        var dataOffset = offset + IfdSize(entries.Count);
        writer.Write((ushort)entries.Count);
        foreach (var (tag, type, value) in entries)
        {
            writer.Write(tag);
            writer.Write(type);
            writer.Write((uint)(type == 2 ? value.Length : 1));
            if (value.Length <= 4)
            {
                writer.Write(value);
                writer.Write(new byte[4 - value.Length]);
            }
            else
            {
                writer.Write((uint)dataOffset);
                dataOffset += value.Length;
            }
        }

        writer.Write(0u);
        foreach (var (_, _, value) in entries.Where(e => e.Value.Length > 4))
        {
            writer.Write(value);
        }
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
