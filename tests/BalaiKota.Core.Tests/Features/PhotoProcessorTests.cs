using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Photos;
using BalaiKota.Testing;
using SkiaSharp;
using static BalaiKota.Testing.TestImages.Quadrant;

namespace BalaiKota.Core.Tests.Features;

public class PhotoProcessorTests
{
    [Theory]
    [InlineData(4000, 3000, 1600, 1200)]
    [InlineData(3000, 4000, 1200, 1600)]
    [InlineData(4032, 1816, 1600, 721)]
    public async Task ScalesALargePhotoTo1600PixelsOnItsLongEdgeKeepingItsAspect(int width, int height, int expectedWidth, int expectedHeight)
    {
        var photo = await PhotoProcessor.ProcessAsync(new MemoryStream(TestImages.Jpeg(width, height)));

        Assert.Equal((expectedWidth, expectedHeight), (photo.Width, photo.Height));
        Assert.Equal((expectedWidth, expectedHeight), SizeOf(photo.Jpeg));
        Assert.Equal(TopLeft, TestImages.QuadrantAt(photo.Jpeg, 0.25, 0.25));
        Assert.Equal(BottomRight, TestImages.QuadrantAt(photo.Jpeg, 0.75, 0.75));
    }

    [Theory]
    [InlineData(4000, 3000, 1600, 1200, 2000, 1500)]
    [InlineData(4032, 3024, 1600, 1200, 2016, 1512)]
    [InlineData(6000, 4000, 1600, 1067, 2250, 1500)]
    [InlineData(1700, 1000, 1600, 941, 1700, 1000)]
    public void DecodesALargeJpegAtTheSmallestReducedScaleThatStillCoversTheTarget(int width, int height, int targetWidth, int targetHeight, int decodedWidth, int decodedHeight)
    {
        using var data = SKData.CreateCopy(TestImages.Jpeg(width, height));
        using var codec = SKCodec.Create(data);

        Assert.Equal(new SKSizeI(decodedWidth, decodedHeight), PhotoProcessor.DecodeSize(codec, new SKSizeI(targetWidth, targetHeight)));
    }

    [Fact]
    public void DoesNotUpscaleASmallPhoto()
    {
        var photo = PhotoProcessor.Process(TestImages.Jpeg(800, 600));

        Assert.Equal((800, 600), (photo.Width, photo.Height));
        Assert.Equal((800, 600), SizeOf(photo.Jpeg));
    }

    [Fact]
    public void TurnsAPhotoTakenWithTheTabletHeldUprightByItsExifOrientation()
    {
        // Orientation 6: stored sideways (landscape), to be turned 90° clockwise to view.
        var photo = PhotoProcessor.Process(TestImages.Jpeg(3200, 2400, exifOrientation: 6));

        Assert.Equal((1200, 1600), (photo.Width, photo.Height));
        Assert.Equal((1200, 1600), SizeOf(photo.Jpeg));
        // The stored top-left (red) corner is now the top-right one.
        Assert.Equal(TopLeft, TestImages.QuadrantAt(photo.Jpeg, 0.75, 0.25));
        Assert.Equal(TopRight, TestImages.QuadrantAt(photo.Jpeg, 0.75, 0.75));
        Assert.Equal(BottomLeft, TestImages.QuadrantAt(photo.Jpeg, 0.25, 0.25));
    }

    [Theory]
    [InlineData((ushort)1, false, TopLeft, TopRight)]
    [InlineData((ushort)2, false, TopRight, TopLeft)]
    [InlineData((ushort)3, false, BottomRight, BottomLeft)]
    [InlineData((ushort)4, false, BottomLeft, BottomRight)]
    [InlineData((ushort)5, true, TopLeft, BottomLeft)]
    [InlineData((ushort)6, true, TopRight, BottomRight)]
    [InlineData((ushort)7, true, BottomRight, TopRight)]
    [InlineData((ushort)8, true, BottomLeft, TopLeft)]
    public void ShowsEachExifOrientationAsAViewerDoes(ushort orientation, bool turned, TestImages.Quadrant whereRedGoes, TestImages.Quadrant whereGreenGoes)
    {
        // Where the stored top-left (red) and top-right (green) quadrants must appear, from the EXIF 2.3 definitions of tag 0x0112.
        var photo = PhotoProcessor.Process(TestImages.Jpeg(400, 300, exifOrientation: orientation));

        Assert.Equal(turned ? (300, 400) : (400, 300), (photo.Width, photo.Height));
        Assert.Equal(TopLeft, QuadrantAtCornerOf(photo.Jpeg, whereRedGoes));
        Assert.Equal(TopRight, QuadrantAtCornerOf(photo.Jpeg, whereGreenGoes));
        Assert.Equal(TopLeft, QuadrantAtCornerOf(photo.Thumbnail, whereRedGoes));
    }

    [Theory]
    [InlineData(4000, 3000, null, 320, 240)]
    [InlineData(4000, 3000, (ushort)6, 240, 320)]
    [InlineData(1000, 250, null, 320, 80)]
    [InlineData(200, 100, null, 200, 100)]
    public void MakesAThumbnailOfAtMost320PixelsOnItsLongEdge(int width, int height, ushort? orientation, int expectedWidth, int expectedHeight)
    {
        var photo = PhotoProcessor.Process(TestImages.Jpeg(width, height, orientation));

        Assert.Equal((expectedWidth, expectedHeight), SizeOf(photo.Thumbnail));
        Assert.Equal(orientation is null ? TopLeft : BottomLeft, TestImages.QuadrantAt(photo.Thumbnail, 0.25, 0.25));
    }

    [Fact]
    public void WritesJpegsThatKeepNoneOfTheOriginalsExif()
    {
        var upload = TestImages.Jpeg(2000, 1500, exifOrientation: 6, exifDateTimeOriginal: "2026:11:20 09:30:00", exifOffsetTimeOriginal: "+07:00");

        var photo = PhotoProcessor.Process(upload);

        foreach (var jpeg in new[] { photo.Jpeg, photo.Thumbnail })
        {
            var (format, origin) = Decoded(jpeg, c => (c.EncodedFormat, c.EncodedOrigin));
            Assert.Equal(SKEncodedImageFormat.Jpeg, format);
            Assert.Equal(SKEncodedOrigin.TopLeft, origin);
            Assert.DoesNotContain((byte)0xE1, SegmentMarkers(jpeg));
            Assert.Equal(-1, jpeg.AsSpan().IndexOf("Exif\0\0"u8));
        }

        Assert.Contains((byte)0xE1, SegmentMarkers(upload));
    }

    [Fact]
    public void AcceptsAPng()
    {
        var photo = PhotoProcessor.Process(TestImages.Png(2000, 1000));

        Assert.Equal((1600, 800), SizeOf(photo.Jpeg));
        Assert.Equal(SKEncodedImageFormat.Jpeg, FormatOf(photo.Jpeg));
        Assert.Equal(BottomRight, TestImages.QuadrantAt(photo.Jpeg, 0.75, 0.75));
        Assert.Null(photo.TakenAtUtc);
    }

    [Fact]
    public void AcceptsAWebP()
    {
        using var bitmap = SKBitmap.Decode(TestImages.Png(3000, 2000));
        using var webp = bitmap.Encode(SKEncodedImageFormat.Webp, 90);

        var photo = PhotoProcessor.Process(webp.AsSpan());

        Assert.Equal((1600, 1067), SizeOf(photo.Jpeg));
        Assert.Equal(TopRight, TestImages.QuadrantAt(photo.Jpeg, 0.75, 0.25));
    }

    [Fact]
    public void PutsATransparentPngOnWhiteRatherThanBlack()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(100, 100, SKColorType.Rgba8888, SKAlphaType.Premul));
        bitmap.Erase(SKColors.Transparent);
        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);

        var photo = PhotoProcessor.Process(png.AsSpan());

        using var output = SKBitmap.Decode(photo.Jpeg);
        var pixel = output.GetPixel(50, 50);
        Assert.True(pixel is { Red: > 245, Green: > 245, Blue: > 245 }, $"Expected white, got {pixel}.");
    }

    [Fact]
    public async Task RefusesATextFileAsNotAnImage()
    {
        var text = "Temuan: ruang rapat pengap, AC mati sejak Senin."u8.ToArray();

        var error = await Assert.ThrowsAsync<DomainException>(() => PhotoProcessor.ProcessAsync(new MemoryStream(text)));

        Assert.Equal("photo.notImage", error.Code);
        Assert.Equal("Berkas ini bukan gambar yang dapat dibaca (JPEG, PNG, atau WebP).", error.Message);
    }

    [Fact]
    public async Task RefusesAnEmptyUploadAsNotAnImage()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => PhotoProcessor.ProcessAsync(new MemoryStream()));

        Assert.Equal("photo.notImage", error.Code);
    }

    [Fact]
    public async Task RefusesAnUploadOver20MegabytesWithoutBufferingMoreThanTheLimit()
    {
        var upload = new UploadStream(content: null, length: 64L * 1024 * 1024, seekable: false);

        var error = await Assert.ThrowsAsync<DomainException>(() => PhotoProcessor.ProcessAsync(upload));

        Assert.Equal("photo.tooLarge", error.Code);
        Assert.Equal("Foto lebih dari 20 MB; kirim foto yang lebih kecil.", error.Message);
        Assert.Equal(PhotoProcessor.MaxUploadBytes + 1, upload.BytesRead);
    }

    [Fact]
    public async Task RefusesAnUploadOfOneByteOver20Megabytes()
    {
        var upload = new UploadStream(content: null, length: PhotoProcessor.MaxUploadBytes + 1, seekable: false);

        var error = await Assert.ThrowsAsync<DomainException>(() => PhotoProcessor.ProcessAsync(upload));

        Assert.Equal("photo.tooLarge", error.Code);
    }

    [Fact]
    public async Task RefusesASeekableUploadOver20MegabytesBeforeReadingIt()
    {
        var upload = new UploadStream(content: null, length: PhotoProcessor.MaxUploadBytes + 1, seekable: true);

        var error = await Assert.ThrowsAsync<DomainException>(() => PhotoProcessor.ProcessAsync(upload));

        Assert.Equal("photo.tooLarge", error.Code);
        Assert.Equal(0, upload.BytesRead);
    }

    [Fact]
    public async Task JudgesAnUploadOfExactly20MegabytesByItsContentNotItsSize()
    {
        var upload = new UploadStream(content: null, length: PhotoProcessor.MaxUploadBytes, seekable: false);

        var error = await Assert.ThrowsAsync<DomainException>(() => PhotoProcessor.ProcessAsync(upload));

        Assert.Equal("photo.notImage", error.Code);
    }

    [Fact]
    public async Task ReadsAnUploadThatArrivesInSmallPiecesWithoutAKnownLength()
    {
        // Larger than the first read buffer, so the buffer has to grow.
        var jpeg = TestImages.Photo(2400, 1800);
        Assert.True(jpeg.Length > 1024 * 1024, $"The test photo is only {jpeg.Length} bytes.");

        var photo = await PhotoProcessor.ProcessAsync(new UploadStream(jpeg, jpeg.Length, seekable: false, piece: 8000));

        Assert.Equal((1600, 1200), SizeOf(photo.Jpeg));
    }

    [Fact]
    public void RefusesAPhotoOver50MegapixelsFromItsHeaderAlone()
    {
        // 8000×8000 claimed by a PNG of a few hundred bytes: decoding would need 256 MB, the header says enough.
        var png = TestImages.PngClaiming(8000, 8000);
        Assert.True(png.Length < 1000);
        Assert.Equal((8000, 8000), SizeOf(png));

        var error = Assert.Throws<DomainException>(() => PhotoProcessor.Process(png));

        Assert.Equal("photo.tooManyPixels", error.Code);
        Assert.StartsWith("Foto lebih dari 50 megapiksel; ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AcceptsAPhotoOfJustUnder50MegapixelsByItsHeader()
    {
        // 7000×7000 = 49 MP passes the header check; this PNG then fails to decode, which shows it got that far.
        var error = Assert.Throws<DomainException>(() => PhotoProcessor.Process(TestImages.PngClaiming(7000, 7000)));

        Assert.Equal("photo.corrupt", error.Code);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(20)]
    [InlineData(200)]
    [InlineData(700)]
    [InlineData(5_000)]
    [InlineData(30_000)]
    public void RefusesATruncatedJpegAsCorrupt(int keptBytes)
    {
        var jpeg = TestImages.Photo(1200, 900);
        Assert.True(keptBytes < jpeg.Length);

        var error = Assert.Throws<DomainException>(() => PhotoProcessor.Process(jpeg.AsSpan(0, keptBytes)));

        Assert.Equal("photo.corrupt", error.Code);
    }

    [Fact]
    public void EndsDamagedBytesInAPhotoOrADomainExceptionNeverAnotherError()
    {
        var originals = new[] { TestImages.Jpeg(640, 480, exifOrientation: 6, exifDateTimeOriginal: "2026:11:20 09:30:00"), TestImages.Png(300, 200) };
        var random = new Random(7);
        var outcomes = new List<string>();
        foreach (var original in originals)
        {
            for (var attempt = 0; attempt < 40; attempt++)
            {
                var damaged = (byte[])original.Clone();
                var damage = random.Next(1, 20);
                for (var i = 0; i < damage; i++)
                {
                    damaged[random.Next(2, Math.Min(damaged.Length, 600))] = (byte)random.Next(256);
                }

                try
                {
                    var photo = PhotoProcessor.Process(damaged);
                    Assert.True(photo.Width is > 0 and <= PhotoProcessor.MaxEdge && photo.Height is > 0 and <= PhotoProcessor.MaxEdge);
                    outcomes.Add("photo");
                }
                catch (DomainException error)
                {
                    outcomes.Add(error.Code);
                }
            }
        }

        // Both kinds of outcome happened, so the damage was neither always harmless nor always fatal.
        Assert.Contains("photo", outcomes);
        Assert.Contains(outcomes, o => o != "photo");
    }

    [Theory]
    [InlineData("2026:11:20 09:30:00", "+07:00", "2026-11-20T02:30:00")]
    [InlineData("2026:11:20 09:30:00", "+08:00", "2026-11-20T01:30:00")]
    [InlineData("2026:11:20 09:30:00", null, "2026-11-20T02:30:00")]
    [InlineData("2026:11:20 09:30:00", "   :  ", "2026-11-20T02:30:00")]
    [InlineData("0000:00:00 00:00:00", null, null)]
    [InlineData("kemarin", null, null)]
    public void ReadsWhenThePhotoWasTakenFromExifAsUtcTakingWibWhenTheCameraGaveNoOffset(string dateTimeOriginal, string? offset, string? expectedUtc)
    {
        var photo = PhotoProcessor.Process(TestImages.Jpeg(200, 100, exifDateTimeOriginal: dateTimeOriginal, exifOffsetTimeOriginal: offset));

        var expected = expectedUtc is null ? (DateTime?)null : DateTime.SpecifyKind(DateTime.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
        Assert.Equal(expected, photo.TakenAtUtc);
        Assert.Equal(expectedUtc is null ? null : DateTimeKind.Utc, photo.TakenAtUtc?.Kind);
    }

    [Fact]
    public void GivesNoTimeTakenForAPhotoWithoutExif()
    {
        Assert.Null(PhotoProcessor.Process(TestImages.Jpeg(200, 100)).TakenAtUtc);
        Assert.Null(PhotoProcessor.Process(TestImages.Jpeg(200, 100, exifOrientation: 3)).TakenAtUtc);
    }

    private static (int Width, int Height) SizeOf(byte[] encoded) => Decoded(encoded, c => (c.Info.Width, c.Info.Height));

    private static SKEncodedImageFormat FormatOf(byte[] encoded) => Decoded(encoded, c => c.EncodedFormat);

    /// <summary>What SkiaSharp's codec reads from an image's header.</summary>
    private static T Decoded<T>(byte[] encoded, Func<SKCodec, T> read)
    {
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data);
        Assert.NotNull(codec);
        return read(codec);
    }

    private static TestImages.Quadrant? QuadrantAtCornerOf(byte[] jpeg, TestImages.Quadrant corner) => corner switch
    {
        TopLeft => TestImages.QuadrantAt(jpeg, 0.25, 0.25),
        TopRight => TestImages.QuadrantAt(jpeg, 0.75, 0.25),
        BottomLeft => TestImages.QuadrantAt(jpeg, 0.25, 0.75),
        _ => TestImages.QuadrantAt(jpeg, 0.75, 0.75),
    };

    /// <summary>The markers of a JPEG's segments up to the start of the image data.</summary>
    private static List<byte> SegmentMarkers(byte[] jpeg)
    {
        var markers = new List<byte>();
        var at = 2;
        while (at + 4 <= jpeg.Length && jpeg[at] == 0xFF)
        {
            var marker = jpeg[at + 1];
            markers.Add(marker);
            if (marker == 0xDA)
            {
                break;
            }

            at += 2 + ((jpeg[at + 2] << 8) | jpeg[at + 3]);
        }

        return markers;
    }

    /// <summary>An upload of <c>length</c> bytes (of <c>content</c>, or zeros), handed out in pieces, that counts what was read from it.</summary>
    private sealed class UploadStream(byte[]? content, long length, bool seekable, int piece = 81920) : Stream
    {
        private long position;

        public long BytesRead => position;

        public override bool CanRead => true;

        public override bool CanSeek => seekable;

        public override bool CanWrite => false;

        public override long Length => seekable ? length : throw new NotSupportedException();

        public override long Position
        {
            get => seekable ? position : throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var count = (int)Math.Min(Math.Min(buffer.Length, piece), length - position);
            if (content is null)
            {
                buffer[..count].Clear();
            }
            else
            {
                content.AsSpan((int)position, count).CopyTo(buffer);
            }

            position += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
