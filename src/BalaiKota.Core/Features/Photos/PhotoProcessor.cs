using BalaiKota.Core.Domain;
using SkiaSharp;

namespace BalaiKota.Core.Features.Photos;

/// <summary>
/// What is kept of an upload: the photo as a JPEG of at most <see cref="PhotoProcessor.MaxEdge"/> px on
/// its long edge, upright, and a thumbnail of at most <see cref="PhotoProcessor.ThumbnailEdge"/> px.
/// Neither carries EXIF. <paramref name="Width"/> and <paramref name="Height"/> are those of <paramref name="Jpeg"/>.
/// </summary>
public sealed record ProcessedPhoto(byte[] Jpeg, byte[] Thumbnail, int Width, int Height, DateTime? TakenAtUtc);

/// <summary>
/// Turns an uploaded camera photo (JPEG, PNG or WebP) into what the app keeps (ARCHITECTURE.md §7):
/// EXIF orientation applied, scaled down to <see cref="MaxEdge"/> px and re-encoded as JPEG, plus a
/// thumbnail. The original is never kept, so its EXIF (location included) goes with it.
/// </summary>
/// <remarks>
/// <para>Bad bytes only ever end in a <see cref="DomainException"/>: <c>photo.tooLarge</c>,
/// <c>photo.notImage</c> (not a JPEG, PNG or WebP, including other formats Skia could read such as GIF or BMP),
/// <c>photo.tooManyPixels</c> (from the header, before any pixel is decoded) and <c>photo.corrupt</c>
/// (a recognised format that does not decode).</para>
/// <para>A truncated image (<see cref="SKCodecResult.IncompleteInput"/>) is refused as <c>photo.corrupt</c>
/// rather than kept with its missing rows filled in grey: an inspection photo is evidence, and the
/// inspector is still on site with the tablet and can simply take it again.</para>
/// <para>A JPEG is decoded by libjpeg-turbo at the smallest of its 1/8 … 8/8 scales that is still at least
/// the target size (a 4000×3000 photo is decoded at 2000×1500, not 12 MP), and WebP at the target size
/// itself; PNG has no scaled decode in <see cref="SKCodec"/> and is decoded at full size (at most 50 MP).</para>
/// <para><see cref="ProcessedPhoto.TakenAtUtc"/> is EXIF DateTimeOriginal of a JPEG, read by
/// <see cref="ExifDateReader"/> without another package; see there for how the time zone is chosen.</para>
/// </remarks>
public static class PhotoProcessor
{
    public const long MaxUploadBytes = 20 * 1024 * 1024;
    public const long MaxPixels = 50_000_000;
    public const int MaxEdge = 1600;
    public const int ThumbnailEdge = 320;

    public const int PhotoQuality = 82;
    public const int ThumbnailQuality = 75;

    private const int FirstReadBufferBytes = 1024 * 1024;

    /// <summary>
    /// Reads the whole upload and processes it. An upload over <see cref="MaxUploadBytes"/> is refused without
    /// buffering more than <see cref="MaxUploadBytes"/> + 1 bytes (and without reading at all when a seekable
    /// stream already says it is too long).
    /// </summary>
    public static async Task<ProcessedPhoto> ProcessAsync(Stream upload, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var (buffer, length) = await ReadBoundedAsync(upload, ct);
        ct.ThrowIfCancellationRequested();
        return Process(buffer.AsSpan(0, length));
    }

    /// <summary>Processes an upload that is already in memory.</summary>
    public static ProcessedPhoto Process(ReadOnlySpan<byte> data)
    {
        if (data.Length > MaxUploadBytes)
        {
            throw TooLarge();
        }

        if (data.IsEmpty)
        {
            throw NotImage();
        }

        using var encoded = SKData.CreateCopy(data);
        using var codec = SKCodec.Create(encoded);
        if (codec is null)
        {
            throw HasSupportedSignature(data) ? Corrupt() : NotImage();
        }

        if (codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp))
        {
            throw NotImage();
        }

        var stored = codec.Info;
        if (stored.Width <= 0 || stored.Height <= 0)
        {
            throw Corrupt();
        }

        if ((long)stored.Width * stored.Height > MaxPixels)
        {
            throw TooManyPixels();
        }

        // Sizes below are in the stored orientation until Draw turns the picture upright.
        var origin = codec.EncodedOrigin;
        var target = Fit(stored.Width, stored.Height, MaxEdge);
        using var decoded = Decode(codec, target);
        using var photo = Draw(decoded, target, origin);
        using var thumbnail = Draw(photo, Fit(photo.Width, photo.Height, ThumbnailEdge), SKEncodedOrigin.TopLeft);

        var takenAtUtc = codec.EncodedFormat == SKEncodedImageFormat.Jpeg ? ExifDateReader.DateTimeOriginalUtc(data) : null;
        return new ProcessedPhoto(EncodeJpeg(photo, PhotoQuality), EncodeJpeg(thumbnail, ThumbnailQuality), photo.Width, photo.Height, takenAtUtc);
    }

    private static async Task<(byte[] Buffer, int Length)> ReadBoundedAsync(Stream upload, CancellationToken ct)
    {
        const int limit = (int)MaxUploadBytes + 1;
        var initial = FirstReadBufferBytes;
        if (upload.CanSeek)
        {
            var remaining = upload.Length - upload.Position;
            if (remaining > MaxUploadBytes)
            {
                throw TooLarge();
            }

            // One byte more than announced, to see a stream that delivers more than its length.
            initial = (int)Math.Max(remaining + 1, 1);
        }

        var buffer = new byte[Math.Min(initial, limit)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length == limit)
                {
                    throw TooLarge();
                }

                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, limit));
            }

            var read = await upload.ReadAsync(buffer.AsMemory(length), ct);
            if (read == 0)
            {
                return (buffer, length);
            }

            length += read;
        }
    }

    /// <summary>The size that fits <paramref name="maxEdge"/> on the long edge, keeping the aspect; never larger than the original.</summary>
    private static SKSizeI Fit(int width, int height, int maxEdge)
    {
        var longEdge = Math.Max(width, height);
        if (longEdge <= maxEdge)
        {
            return new SKSizeI(width, height);
        }

        var scale = (double)maxEdge / longEdge;
        return width >= height
            ? new SKSizeI(maxEdge, Math.Max(1, (int)Math.Round(height * scale)))
            : new SKSizeI(Math.Max(1, (int)Math.Round(width * scale)), maxEdge);
    }

    private static SKBitmap Decode(SKCodec codec, SKSizeI target)
    {
        var full = new SKSizeI(codec.Info.Width, codec.Info.Height);
        var size = DecodeSize(codec, target);
        var (bitmap, result) = TryDecode(codec, size);
        if (result == SKCodecResult.InvalidScale && size != full)
        {
            bitmap.Dispose();
            (bitmap, result) = TryDecode(codec, full);
        }

        if (result != SKCodecResult.Success)
        {
            bitmap.Dispose();
            throw Corrupt();
        }

        return bitmap;
    }

    /// <summary>The smallest size the codec decodes to directly that is still at least <paramref name="target"/>.</summary>
    internal static SKSizeI DecodeSize(SKCodec codec, SKSizeI target)
    {
        var full = new SKSizeI(codec.Info.Width, codec.Info.Height);
        if (target == full)
        {
            return full;
        }

        // The exact scale first (WebP decodes to any size); then JPEG's eighths, smallest first, since
        // libjpeg-turbo rounds a scale down to the eighth below it.
        var exact = Math.Max((float)target.Width / full.Width, (float)target.Height / full.Height);
        foreach (var scale in (ReadOnlySpan<float>)[exact, 1 / 8f, 2 / 8f, 3 / 8f, 4 / 8f, 5 / 8f, 6 / 8f, 7 / 8f])
        {
            if (scale < exact)
            {
                continue;
            }

            var size = codec.GetScaledDimensions(scale);
            if (size.Width >= target.Width && size.Height >= target.Height && size.Width <= full.Width && size.Height <= full.Height)
            {
                return size;
            }
        }

        return full;
    }

    private static (SKBitmap Bitmap, SKCodecResult Result) TryDecode(SKCodec codec, SKSizeI size)
    {
        // Decoded into sRGB, so a photo with another embedded profile (Display P3 on some tablets) keeps its colours.
        var alpha = codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul;
        var info = new SKImageInfo(size.Width, size.Height, SKImageInfo.PlatformColorType, alpha, Srgb);
        var bitmap = Allocate(info);
        return (bitmap, codec.GetPixels(info, bitmap.GetPixels()));
    }

    /// <summary>
    /// <paramref name="source"/> scaled to <paramref name="size"/> (in the stored orientation), then turned upright for
    /// <paramref name="origin"/>. Two steps because Skia scales fast only along the axes: a cubic filter under a
    /// 90° turn costs about half as much again as scaling first and then moving the pixels.
    /// </summary>
    private static SKBitmap Draw(SKBitmap source, SKSizeI size, SKEncodedOrigin origin)
    {
        var scaled = Render(source, size, size, SKMatrix.Identity, Sampling(source.Width, size.Width));
        if (origin == SKEncodedOrigin.TopLeft)
        {
            return scaled;
        }

        using (scaled)
        {
            var turned = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
            var upright = turned ? new SKSizeI(size.Height, size.Width) : size;
            return Render(scaled, upright, size, Orientation(origin, size.Width, size.Height), new SKSamplingOptions(SKFilterMode.Nearest));
        }
    }

    /// <summary>
    /// A new opaque bitmap of <paramref name="output"/> size with <paramref name="source"/> stretched over (0, 0,
    /// <paramref name="drawn"/>) mapped through <paramref name="matrix"/>, over white (a transparent PNG keeps no
    /// alpha as a JPEG).
    /// </summary>
    private static SKBitmap Render(SKBitmap source, SKSizeI output, SKSizeI drawn, SKMatrix matrix, SKSamplingOptions sampling)
    {
        // No colour space on the output: the pixels are already sRGB, and the encoder then writes no ICC profile.
        var bitmap = Allocate(new SKImageInfo(output.Width, output.Height, SKImageInfo.PlatformColorType, SKAlphaType.Opaque));
        source.SetImmutable();
        using var image = SKImage.FromBitmap(source);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        canvas.SetMatrix(matrix);
        canvas.DrawImage(image, SKRect.Create(drawn.Width, drawn.Height), sampling);
        canvas.Flush();
        return bitmap;
    }

    /// <summary>
    /// Cubic (Mitchell) while shrinking by at most half, the case of a JPEG decoded at a reduced scale; mipmaps
    /// beyond that (the thumbnail, a full-size PNG), where a cubic filter alone would alias.
    /// </summary>
    private static SKSamplingOptions Sampling(int sourceWidth, int targetWidth) =>
        sourceWidth == targetWidth ? new SKSamplingOptions(SKFilterMode.Nearest)
        : targetWidth * 2 >= sourceWidth ? new SKSamplingOptions(SKCubicResampler.Mitchell)
        : new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear);

    /// <summary>
    /// Maps a picture drawn in (0, 0, w, h) as stored to where a viewer expects it (EXIF 2.3, tag 0x0112):
    /// x' = ScaleX·x + SkewX·y + TransX, y' = SkewY·x + ScaleY·y + TransY.
    /// </summary>
    internal static SKMatrix Orientation(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),        // mirrored left–right
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),    // rotated 180°
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),      // mirrored top–bottom
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),          // transposed
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),        // turn 90° clockwise to view
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),    // transverse
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),      // turn 90° counter-clockwise to view
        _ => SKMatrix.Identity,
    };

    private static byte[] EncodeJpeg(SKBitmap bitmap, int quality)
    {
        using var pixmap = bitmap.PeekPixels();
        using var data = pixmap.Encode(new SKJpegEncoderOptions(quality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore))
            ?? throw new InvalidOperationException("SkiaSharp could not encode the photo as JPEG.");
        return data.ToArray();
    }

    private static SKBitmap Allocate(SKImageInfo info)
    {
        var bitmap = new SKBitmap();
        if (!bitmap.TryAllocPixels(info))
        {
            bitmap.Dispose();
            throw new InsufficientMemoryException($"No memory for a {info.Width}×{info.Height} bitmap.");
        }

        return bitmap;
    }

    private static SKColorSpace Srgb { get; } = SKColorSpace.CreateSrgb();

    /// <summary>JPEG, PNG or WebP by its first bytes: such a file that Skia cannot open is damaged, not something else.</summary>
    private static bool HasSupportedSignature(ReadOnlySpan<byte> data) =>
        data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])
        || data.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])
        || (data.Length >= 12 && data.StartsWith("RIFF"u8) && data.Slice(8, 4).SequenceEqual("WEBP"u8));

    private static DomainException TooLarge() =>
        new("photo.tooLarge", "Foto lebih dari 20 MB; kirim foto yang lebih kecil.");

    private static DomainException NotImage() =>
        new("photo.notImage", "Berkas ini bukan gambar yang dapat dibaca (JPEG, PNG, atau WebP).");

    private static DomainException TooManyPixels() =>
        new("photo.tooManyPixels", "Foto lebih dari 50 megapiksel; kirim foto dengan resolusi yang lebih kecil.");

    private static DomainException Corrupt() =>
        new("photo.corrupt", "Foto rusak atau tidak lengkap; ambil ulang atau kirim lagi fotonya.");
}
