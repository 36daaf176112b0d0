using System.Diagnostics;
using System.Globalization;
using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Reports;
using BalaiKota.Reporting.Documents;
using BalaiKota.Reporting.Pdf;
using BalaiKota.Testing;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace BalaiKota.Benchmarks;

/// <summary>
/// The PDF reports (issue 5): the monthly report of a busy month (60 visits, 1,500 findings, 300 photos) rendered from
/// a synthetic model, with its memory measured in a fresh child process; the same month end to end from the database
/// (<see cref="MonthlyReportService.BuildAsync"/>, then the render) on generated history, SQLite and PostgreSQL when
/// configured; text-heavy table pages (one table of 5,000 rows × 6 text columns through the layout layer), pages per
/// second; and the visit report of a 30-room visit with 40 photos. One PDF of each synthetic case is written to
/// artifacts/benchmarks/ to be looked at. Every time is the median of the runs after a warm-up.
/// </summary>
internal static class ReportTiming
{
    private const double MiB = 1024 * 1024;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.FirstOrDefault() == "memory")
        {
            return Memory();
        }

        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 7;
        var historyMonths = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 13;
        var visitsPerMonth = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 60;
        Console.WriteLine($"Machine: {Timing.Machine}");
        var artifacts = Path.Combine(AppProcess.RepositoryRoot, "artifacts", "benchmarks");
        Directory.CreateDirectory(artifacts);

        BusyMonth(runs, artifacts);
        await MemoryInChildAsync();
        TablePages(runs, artifacts);
        LargeVisit(runs, artifacts);
        await FromDatabaseAsync(runs, historyMonths, visitsPerMonth);
        Console.WriteLine($"PDFs in {artifacts}");
        return 0;
    }

    private static void BusyMonth(int runs, string artifacts)
    {
        var model = SyntheticReports.BusyMonth();
        Console.WriteLine(Invariant($"Busy month (synthetic): {model.Findings.Count:N0} findings, {model.Tasks.Count:N0} tasks, {model.VerifiedRepairs.Count} repair pairs ({model.VerifiedRepairs.Count * 2} photos, {model.VerifiedRepairs.Sum(p => p.Before.Jpeg.Length + p.After.Jpeg.Length) / MiB:0.0} MiB of JPEG), {model.OverdueTasks.Count} overdue, {model.RepeatFindings.Count} repeats"));
        var (pdf, seconds, allocated) = Time(runs, () => MonthlyReportDocument.Render(model));
        Save(artifacts, "monthly-busy.pdf", pdf);
        var pages = Pages(pdf);
        Console.WriteLine(Invariant(
            $"Monthly report, busy month: median {Timing.Median(seconds):0.00} s over {runs} runs (each: {Each(seconds)}); {pages} pages, {pdf.Length / MiB:0.0} MiB; {Timing.Median(allocated):0} MiB managed allocations per render; {pages / Timing.Median(seconds):0} pages/s"));
    }

    /// <summary>The peak resident memory of a fresh process that builds the busy month and renders it once (cold).</summary>
    private static async Task MemoryInChildAsync()
    {
        var host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ReportTiming).Assembly.Location);
        }

        start.ArgumentList.Add("reports");
        start.ArgumentList.Add("memory");
        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        Console.Write(output);
    }

    private static int Memory()
    {
        using var self = Process.GetCurrentProcess();
        var model = SyntheticReports.BusyMonth();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var resettable = Timing.ResetPeakWorkingSet();
        self.Refresh();
        var rest = self.WorkingSet64;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var pdf = MonthlyReportDocument.Render(model);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        self.Refresh();
        var peak = self.PeakWorkingSet64;
        Console.WriteLine(
            Invariant($"Memory, busy month in a fresh process (one cold render, {pdf.Length / MiB:0.0} MiB PDF): peak working set {peak / MiB:0} MiB; ")
            + (resettable ? Invariant($"{(peak - rest) / MiB:0} MiB above the process with the model built ({rest / MiB:0} MiB); ") : "(the peak could not be reset, so making the model is in it); ")
            + Invariant($"{allocated / MiB:0} MiB managed allocations"));
        return 0;
    }

    /// <summary>One table of 5,000 rows of 6 text columns through the layout layer, landscape as the appendix; layout timed apart from the whole.</summary>
    private static void TablePages(int runs, string artifacts)
    {
        var rows = SyntheticReports.BusyMonth(findings: 5000, repairPairs: 0).Findings
            .Select(f => (IReadOnlyList<TableCell>)[f.VisitDate.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("id-ID")), f.OpdShortName, f.RoomName, f.Area.ToString(), f.Description, f.Status.ToString()])
            .ToList();
        TableColumn[] columns = [new("Tanggal", 1.6f), new("OPD", 1.3f), new("Ruang", 3), new("Aspek", 1.8f), new("Uraian", 7), new("Status", 1.4f)];
        PdfReport Build()
        {
            var report = new PdfReport(new PdfReportOptions("Tabel uji 5.000 baris", "Benchmark", ReportLanguage.Indonesian, new DateTime(2026, 11, 3, 2, 0, 0, DateTimeKind.Utc), PageOrientation.Landscape));
            report.Heading("Semua temuan").Table(columns, rows);
            return report;
        }

        var (pdf, seconds, _) = Time(runs, () =>
        {
            using var report = Build();
            return report.ToPdf();
        });
        var layout = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            using var report = Build();
            var watch = Stopwatch.StartNew();
            report.Layout();
            layout.Add(watch.Elapsed.TotalSeconds);
        }

        Save(artifacts, "table-5000-rows.pdf", pdf);
        var pages = Pages(pdf);
        var median = Timing.Median(seconds);
        Console.WriteLine(Invariant(
            $"Table of 5,000 rows × 6 text columns: median {median:0.00} s over {runs} runs (each: {Each(seconds)}); {pages} pages, {pdf.Length / MiB:0.0} MiB; {pages / median:0} pages/s; of it layout (measuring and wrapping) median {Timing.Median(layout):0.00} s, drawing and PDF writing ≈ {median - Timing.Median(layout):0.00} s"));
    }

    private static void LargeVisit(int runs, string artifacts)
    {
        var model = SyntheticReports.LargeVisit();
        Console.WriteLine(Invariant($"Visit (synthetic): {model.Rooms.Count} rooms, {model.Summary.Items} answers ({model.Summary.NotOk} not OK), {model.Findings.Count} findings, {model.Findings.Sum(f => f.Photos.Count)} photos, {model.Tasks.Count} tasks, 2 signatures"));
        var (pdf, seconds, allocated) = Time(runs, () => VisitReportDocument.Render(model));
        Save(artifacts, "visit-30-rooms.pdf", pdf);
        Console.WriteLine(Invariant(
            $"Visit report, 30 rooms, 40 photos: median {Timing.Median(seconds) * 1000:0} ms over {runs} runs (each: {string.Join(", ", seconds.Select(s => (s * 1000).ToString("0", CultureInfo.InvariantCulture)))} ms); {Pages(pdf)} pages, {pdf.Length / MiB:0.0} MiB; {Timing.Median(allocated):0} MiB managed allocations per render"));
    }

    /// <summary>The last complete month of generated history, read by the service and rendered, each timed apart.</summary>
    private static async Task FromDatabaseAsync(int runs, int months, int visitsPerMonth)
    {
        var providers = TestEnvironment.PostgresConnectionString is null ? new[] { DatabaseProvider.Sqlite } : [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];
        var leadership = new Actor("bench-leadership", new HashSet<string> { Roles.Leadership });
        var month = WibMonth.Of(Wib.Today(TimeProvider.System)).Previous;
        foreach (var provider in providers)
        {
            await using var scenario = await InspectionScenario.CreateAsync(provider, inspectors: 0, months, visitsPerMonth);
            Console.WriteLine(Invariant($"{provider}: set-up {scenario.SetUpTime.TotalSeconds:0} s (history of {months} months × {visitsPerMonth} visits: {scenario.History})"));
            if (provider == DatabaseProvider.Postgres)
            {
                await using var db = await scenario.CreateDbContextAsync();
                await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database, "ANALYZE");
            }

            async Task<MonthlyReportModel> BuildAsync()
            {
                await using var scope = scenario.Host.Services.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<MonthlyReportService>().BuildAsync(leadership, month, null, ReportLanguage.Indonesian);
            }

            MonthlyReportModel model = null!;
            byte[] pdf = [];
            for (var i = 0; i < 2; i++)
            {
                model = await BuildAsync();
                pdf = MonthlyReportDocument.Render(model);
            }

            var data = new List<double>();
            var render = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                model = await BuildAsync();
                data.Add(watch.Elapsed.TotalSeconds);
                watch.Restart();
                pdf = MonthlyReportDocument.Render(model);
                render.Add(watch.Elapsed.TotalSeconds);
            }

            var total = data.Zip(render, (d, r) => d + r).ToList();
            Console.WriteLine(Invariant(
                $"{provider}, monthly report {month}: {model.Current.Visits} visits, {model.Current.Findings:N0} findings ({model.Findings.Count:N0} rows), {model.Tasks.Count:N0} task rows, {model.VerifiedRepairs.Count} repair pairs, {model.OverdueTasks.Count} overdue rows; {Pages(pdf)} pages, {pdf.Length / MiB:0.0} MiB"));
            Console.WriteLine(Invariant(
                $"{provider}: data (BuildAsync) median {Timing.Median(data):0.00} s (each: {Each(data)}); render median {Timing.Median(render):0.00} s (each: {Each(render)}); together median {Timing.Median(total):0.00} s"));
        }
    }

    /// <summary>One warm-up call, then <paramref name="runs"/> timed ones, each with its managed allocations (MiB).</summary>
    private static (byte[] Pdf, List<double> Seconds, List<double> AllocatedMiB) Time(int runs, Func<byte[]> render)
    {
        var pdf = render();
        var seconds = new List<double>();
        var allocated = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            pdf = render();
            seconds.Add(watch.Elapsed.TotalSeconds);
            allocated.Add((GC.GetTotalAllocatedBytes(precise: true) - before) / MiB);
        }

        return (pdf, seconds, allocated);
    }

    private static int Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.NumberOfPages;
    }

    private static void Save(string folder, string name, byte[] pdf) => File.WriteAllBytes(Path.Combine(folder, name), pdf);

    private static string Each(IEnumerable<double> seconds) => string.Join(", ", seconds.Select(s => s.ToString("0.00", CultureInfo.InvariantCulture)));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
