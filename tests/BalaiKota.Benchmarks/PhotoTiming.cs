using System.Diagnostics;
using BalaiKota.Core.Features.Photos;
using BalaiKota.Testing;

namespace BalaiKota.Benchmarks;

/// <summary>
/// One tablet-camera upload through the photo pipeline: a 12-megapixel (4000×3000) JPEG with sensor-like noise
/// and EXIF orientation 6, read from a stream, decoded, turned upright, scaled to 1600 px and a thumbnail, both
/// encoded. Reports time, the peak resident memory above the process at rest, and managed allocations.
/// </summary>
internal static class PhotoTiming
{
    private const double MiB = 1024 * 1024;

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20;
        Console.WriteLine($"Machine: {Timing.Machine}");
        var upload = TestImages.Photo(4000, 3000, exifOrientation: 6);
        Console.WriteLine($"Upload: 4000×3000 JPEG, quality 92, EXIF orientation 6, {upload.Length / MiB:0.0} MiB");

        Settle();
        var canResetPeak = Timing.ResetPeakWorkingSet();
        var atRest = ResidentBytes().Current;

        // Two warm-up runs (JIT, Skia's first use); their memory counts in the overall peak below.
        ProcessedPhoto? photo = null;
        for (var i = 0; i < 2; i++)
        {
            photo = await ProcessAsync(upload);
        }

        // The peak is reset before each measured run, so the highest one so far is kept here.
        var aboveRest = ResidentBytes().Peak - atRest;
        var milliseconds = new List<double>();
        var peaks = new List<double>();
        var allocations = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            Settle();
            var resettable = Timing.ResetPeakWorkingSet();
            var before = ResidentBytes().Current;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            photo = await ProcessAsync(upload);
            watch.Stop();
            milliseconds.Add(watch.Elapsed.TotalMilliseconds);
            allocations.Add((GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / MiB);
            var peak = ResidentBytes().Peak;
            aboveRest = Math.Max(aboveRest, peak - atRest);
            if (resettable)
            {
                peaks.Add((peak - before) / MiB);
            }
        }

        var overallPeak = aboveRest / MiB;
        Console.WriteLine($"Output: {photo!.Width}×{photo.Height} JPEG {photo.Jpeg.Length / 1024.0:0} KiB, thumbnail {photo.Thumbnail.Length / 1024.0:0} KiB");
        Console.WriteLine(
            $"Photo, 12 MP JPEG: median {Timing.Median(milliseconds):0} ms, p95 {Timing.Percentile(milliseconds, 95):0} ms over {runs} runs "
            + $"(each: {string.Join(", ", milliseconds.Select(ms => ms.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))})");
        Console.WriteLine($"Managed allocations per photo: median {Timing.Median(allocations):0.0} MiB (GC.GetTotalAllocatedBytes; Skia's native buffers are not in it)");
        Console.WriteLine(canResetPeak
            ? $"Resident memory: peak {overallPeak:0.0} MiB above the process at rest before the first photo (rest: {atRest / MiB:0} MiB; the cold first run included)"
            : $"Resident memory: peak {overallPeak:0.0} MiB above the start (the peak could not be reset, so making the test photo is in it)");
        if (canResetPeak && peaks.Count > 0)
        {
            // What a warm process needs on top for one more photo: freed buffers of the previous one are reused (the GC
            // keeps its segments, glibc raises its mmap threshold), so this is far below the first figure.
            Console.WriteLine($"  a warm process grew by a median {Timing.Median(peaks):0.0} MiB, at most {peaks.Max():0.0} MiB, per further photo");
        }

        return 0;
    }

    private static Task<ProcessedPhoto> ProcessAsync(byte[] upload) =>
        PhotoProcessor.ProcessAsync(new MemoryStream(upload, writable: false));

    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static (long Current, long Peak) ResidentBytes()
    {
        using var self = Process.GetCurrentProcess();
        return (self.WorkingSet64, self.PeakWorkingSet64);
    }
}
