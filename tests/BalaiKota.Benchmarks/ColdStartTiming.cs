using System.Diagnostics;
using BalaiKota.Testing;

namespace BalaiKota.Benchmarks;

/// <summary>
/// The README's run command on an empty SQLite database, from process start until the sign-in page
/// is served: migrations, reference data and demo seed included. Runs the built app (no build step).
/// </summary>
internal static class ColdStartTiming
{
    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5;
        Console.WriteLine($"Machine: {Timing.Machine}");
        var seconds = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var file = SqliteFiles.NewPath("coldstart");
            try
            {
                var watch = Stopwatch.StartNew();
                await using var app = await AppProcess.StartAsync(new Dictionary<string, string> { ["ConnectionStrings__BalaiKota"] = $"Data Source={file}" }, TimeSpan.FromSeconds(120), readyPath: "/Account/Login");
                seconds.Add(watch.Elapsed.TotalSeconds);
            }
            finally
            {
                SqliteFiles.Delete(file);
            }
        }

        Timing.Report("Cold start to first page, empty SQLite database, demo data", seconds);
        return 0;
    }
}
