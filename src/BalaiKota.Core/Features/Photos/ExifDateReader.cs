using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using BalaiKota.Core.Domain;

namespace BalaiKota.Core.Features.Photos;

/// <summary>
/// When a JPEG was taken, from its EXIF: DateTimeOriginal (tag 0x9003 in the Exif IFD), read straight from the
/// APP1 segment (a few dozen lines instead of a metadata package). The camera writes local time; with
/// OffsetTimeOriginal (0x9011, EXIF 2.31, written by current Android and iOS cameras) it is exact, and without
/// one it is taken as WIB, where this app's tablets are. Anything missing, malformed or implausible gives null,
/// never an exception.
/// </summary>
internal static class ExifDateReader
{
    private const ushort ExifIfdPointer = 0x8769;
    private const ushort DateTimeOriginal = 0x9003;
    private const ushort OffsetTimeOriginal = 0x9011;
    private const ushort AsciiType = 2;
    private const ushort LongType = 4;
    private const int MaxEntries = 512;

    public static DateTime? DateTimeOriginalUtc(ReadOnlySpan<byte> jpeg)
    {
        var tiff = ExifTiff(jpeg);
        if (tiff.Length < 8)
        {
            return null;
        }

        bool little;
        if (tiff[0] == 'I' && tiff[1] == 'I')
        {
            little = true;
        }
        else if (tiff[0] == 'M' && tiff[1] == 'M')
        {
            little = false;
        }
        else
        {
            return null;
        }

        var reader = new TiffReader(tiff, little);
        if (reader.U16(2) != 42
            || reader.Find(reader.U32(4), ExifIfdPointer) is not { Type: LongType, Count: 1 } pointer)
        {
            return null;
        }

        var exifIfd = reader.U32(pointer.ValueAt);
        var taken = reader.Ascii(reader.Find(exifIfd, DateTimeOriginal));
        if (taken is null
            || !DateTime.TryParseExact(taken, "yyyy:MM:dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || local.Year < 1990)
        {
            return null;
        }

        if (Offset(reader.Ascii(reader.Find(exifIfd, OffsetTimeOriginal))) is { } offset)
        {
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Wib.Zone);
    }

    /// <summary>The TIFF structure inside the first "Exif" APP1 segment before the image data, or empty.</summary>
    private static ReadOnlySpan<byte> ExifTiff(ReadOnlySpan<byte> jpeg)
    {
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8)
        {
            return default;
        }

        var at = 2;
        while (at + 4 <= jpeg.Length)
        {
            if (jpeg[at] != 0xFF)
            {
                return default;
            }

            var marker = jpeg[at + 1];
            if (marker == 0xFF)
            {
                at++;
                continue;
            }

            if (marker is 0xD9 or 0xDA)
            {
                return default;
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                at += 2;
                continue;
            }

            int length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.Slice(at + 2, 2));
            if (length < 2 || at + 2 + length > jpeg.Length)
            {
                return default;
            }

            var payload = jpeg.Slice(at + 4, length - 2);
            if (marker == 0xE1 && payload.StartsWith("Exif\0\0"u8))
            {
                return payload[6..];
            }

            at += 2 + length;
        }

        return default;
    }

    /// <summary>"+07:00" or "-03:30"; null for anything else, including the blank "   :  " some cameras write.</summary>
    private static TimeSpan? Offset(string? text)
    {
        if (text is not { Length: 6 } || text[0] is not ('+' or '-')
            || !TimeSpan.TryParseExact(text.AsSpan(1), @"hh\:mm", CultureInfo.InvariantCulture, out var offset)
            || offset > TimeSpan.FromHours(14))
        {
            return null;
        }

        return text[0] == '-' ? -offset : offset;
    }

    private readonly record struct Entry(ushort Type, uint Count, int ValueAt);

    private readonly ref struct TiffReader
    {
        private readonly ReadOnlySpan<byte> tiff;
        private readonly bool little;

        public TiffReader(ReadOnlySpan<byte> tiff, bool little)
        {
            this.tiff = tiff;
            this.little = little;
        }

        public int U16(int at) =>
            at < 0 || at + 2 > tiff.Length ? -1
            : little ? BinaryPrimitives.ReadUInt16LittleEndian(tiff.Slice(at, 2)) : BinaryPrimitives.ReadUInt16BigEndian(tiff.Slice(at, 2));

        /// <summary>An offset into the TIFF structure; -1 when it lies outside it.</summary>
        public int U32(int at)
        {
            if (at < 0 || at + 4 > tiff.Length)
            {
                return -1;
            }

            var value = little ? BinaryPrimitives.ReadUInt32LittleEndian(tiff.Slice(at, 4)) : BinaryPrimitives.ReadUInt32BigEndian(tiff.Slice(at, 4));
            return value < (uint)tiff.Length ? (int)value : -1;
        }

        public Entry? Find(int ifd, ushort tag)
        {
            var count = U16(ifd);
            if (count is < 0 or > MaxEntries || ifd + 2 + (count * 12) > tiff.Length)
            {
                return null;
            }

            for (var i = 0; i < count; i++)
            {
                var at = ifd + 2 + (i * 12);
                if (U16(at) == tag)
                {
                    var countAt = at + 4;
                    var itemCount = little ? BinaryPrimitives.ReadUInt32LittleEndian(tiff.Slice(countAt, 4)) : BinaryPrimitives.ReadUInt32BigEndian(tiff.Slice(countAt, 4));
                    return new Entry((ushort)U16(at + 2), itemCount, at + 8);
                }
            }

            return null;
        }

        /// <summary>An ASCII value, inline when it fits in four bytes, up to its first NUL; null when it is not one.</summary>
        public string? Ascii(Entry? entry)
        {
            if (entry is not { Type: AsciiType, Count: > 0 and <= 64 } e)
            {
                return null;
            }

            var length = (int)e.Count;
            var at = length <= 4 ? e.ValueAt : U32(e.ValueAt);
            if (at < 0 || at + length > tiff.Length)
            {
                return null;
            }

            var bytes = tiff.Slice(at, length);
            var end = bytes.IndexOf((byte)0);
            return Encoding.ASCII.GetString(end >= 0 ? bytes[..end] : bytes);
        }
    }
}
