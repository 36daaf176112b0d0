using System.Diagnostics;

namespace BalaiKota.Benchmarks;

internal static class Timing
{
    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>The nearest-rank percentile: the smallest value with at least <paramref name="percent"/> % of the values at or below it.</summary>
    public static double Percentile(IReadOnlyList<double> values, double percent)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public static void Report(string what, IReadOnlyList<double> seconds) =>
        Console.WriteLine($"{what}: median {Median(seconds):0.00} s over {seconds.Count} runs (each: {string.Join(", ", seconds.Select(s => s.ToString("0.00")))})");

    public static string Machine =>
        $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024 * 1024)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";

    public static async Task<double> SecondsAsync(Func<Task> job)
    {
        var watch = Stopwatch.StartNew();
        await job();
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>Calls <paramref name="call"/> <paramref name="warmUpCalls"/> times untimed, then <paramref name="calls"/> times, each timed in milliseconds.</summary>
    public static async Task<List<double>> MillisecondsAsync(int calls, int warmUpCalls, Func<Task> call)
    {
        for (var i = 0; i < warmUpCalls; i++)
        {
            await call();
        }

        var milliseconds = new List<double>();
        for (var i = 0; i < calls; i++)
        {
            var watch = Stopwatch.StartNew();
            await call();
            milliseconds.Add(watch.Elapsed.TotalMilliseconds);
        }

        return milliseconds;
    }

    /// <summary>Linux keeps the peak resident set (VmHWM, what PeakWorkingSet64 reads); writing 5 to clear_refs resets it to the current one.</summary>
    public static bool ResetPeakWorkingSet()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
