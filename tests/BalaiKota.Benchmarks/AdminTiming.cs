using System.Diagnostics;
using System.Globalization;
using System.Text;
using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Audit;
using BalaiKota.Core.Features.Registry;
using BalaiKota.Core.Features.Reports;
using BalaiKota.Reporting.Documents;
using BalaiKota.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BalaiKota.Benchmarks;

/// <summary>
/// The administration's heavy moments: a city hall's whole room registry imported from CSV (preview, then the import in
/// one transaction with its audit rows), the same file imported again (nothing changes), the QR label sheet of a building
/// with hundreds of rooms, and the audit log's page on a log of a million entries (five years of saves), filtered as an
/// administrator filters it. Each run starts on a fresh database with the sample registry, as the app prepares it, on a
/// pooled connection; SQLite, and PostgreSQL when configured.
/// </summary>
internal static class AdminTiming
{
    private const int PageCalls = 30;
    private const int WarmUpCalls = 5;
    private const string MainBuilding = "Gedung Balai Kota Utama (contoh)";
    private static readonly Actor Administrator = new("bench-admin", new HashSet<string> { Roles.Administrator });
    private static readonly Uri PublicAddress = new("https://balaikota.bandung.go.id/");

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        var rooms = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2_000;
        var auditEntries = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000_000;
        Console.WriteLine($"Machine: {Timing.Machine}");
        var providers = TestEnvironment.PostgresConnectionString is null ? new[] { DatabaseProvider.Sqlite } : [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];
        foreach (var provider in providers)
        {
            var preview = new List<double>();
            var import = new List<double>();
            var again = new List<double>();
            var building = new List<double>();
            var floor = new List<double>();
            for (var run = 1; run <= runs; run++)
            {
                await using var scenario = await InspectionScenario.CreateAsync(provider, inspectors: 0, historyMonths: 0);
                var csv = await RoomsCsvAsync(scenario, rooms);
                preview.Add(await TimeImportAsync(scenario, csv, commit: false, $"{provider}, run {run}, preview"));
                import.Add(await TimeImportAsync(scenario, csv, commit: true, $"{provider}, run {run}, import"));
                again.Add(await TimeImportAsync(scenario, csv, commit: true, $"{provider}, run {run}, the same file again"));
                building.Add(await TimeLabelsAsync(scenario, floor: null, $"{provider}, run {run}, labels of {MainBuilding}"));
                floor.Add(await TimeLabelsAsync(scenario, floor: 2, $"{provider}, run {run}, labels of its floor 2"));
                if (run == runs)
                {
                    await AuditLogAsync(scenario, auditEntries);
                }
            }

            Report($"{provider}: preview of {rooms:N0} new rooms", preview);
            Report($"{provider}: import of {rooms:N0} new rooms", import);
            Report($"{provider}: the same file imported again", again);
            Report($"{provider}: label sheet of a building", building);
            Report($"{provider}: label sheet of one floor", floor);
        }

        return 0;
    }

    /// <summary>The exported rooms file with <paramref name="count"/> new rooms after it: the sample OPDs in turn, over both buildings and all their floors.</summary>
    private static async Task<byte[]> RoomsCsvAsync(InspectionScenario scenario, int count)
    {
        await using var scope = scenario.Host.Services.CreateAsyncScope();
        var export = await scope.ServiceProvider.GetRequiredService<RegistryImportService>().ExportAsync(Administrator, RegistryKind.Rooms);
        var text = new StringBuilder(Encoding.UTF8.GetString(export.Content).TrimEnd('\r', '\n'));
        var separator = text.ToString().Split('\n')[0].Contains(';', StringComparison.Ordinal) ? ";" : ",";
        await using var db = await scenario.CreateDbContextAsync();
        var opds = await db.Opds.OrderBy(o => o.ShortName).Select(o => o.ShortName).ToListAsync();
        var buildings = await db.Buildings.OrderBy(b => b.Name).Select(b => new { b.Name, b.FloorCount }).ToListAsync();
        string[] types = ["Ruang kerja", "Ruang rapat", "Ruang pelayanan", "Ruang tunggu"];
        for (var i = 0; i < count; i++)
        {
            var building = buildings[i % buildings.Count];
            var cells = new[]
            {
                opds[i % opds.Count], building.Name, (1 + (i / buildings.Count % building.FloorCount)).ToString(CultureInfo.InvariantCulture),
                $"Ruang Uji {i + 1:0000}", types[i % types.Length], "24", "6", i % 3 == 0 ? "Tidak" : "Ya", string.Empty, "Ya",
            };
            text.Append("\r\n").Append(string.Join(separator, cells));
        }

        return Encoding.UTF8.GetBytes(text.Append("\r\n").ToString());
    }

    private static async Task<double> TimeImportAsync(InspectionScenario scenario, byte[] csv, bool commit, string what)
    {
        await using var scope = scenario.Host.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<RegistryImportService>();
        var watch = Stopwatch.StartNew();
        var result = commit ? await service.ImportAsync(Administrator, RegistryKind.Rooms, csv) : await service.PreviewAsync(Administrator, RegistryKind.Rooms, csv);
        var seconds = watch.Elapsed.TotalSeconds;
        if (result.HasErrors)
        {
            throw new InvalidOperationException($"{what}: the file has errors, e.g. {result.Errors[0]}");
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{what}: {seconds * 1000:0} ms for {csv.Length / 1024.0:0} KiB, {result.Rows.Count:N0} lines ({string.Join(", ", Enum.GetValues<ImportAction>().Select(a => $"{a} {result.Count(a):N0}"))}), committed {result.Committed}"));
        return seconds;
    }

    private static async Task<double> TimeLabelsAsync(InspectionScenario scenario, int? floor, string what)
    {
        Guid buildingId;
        await using (var db = await scenario.CreateDbContextAsync())
        {
            buildingId = await db.Buildings.Where(b => b.Name == MainBuilding).Select(b => b.Id).SingleAsync();
        }

        await using var scope = scenario.Host.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<RoomLabelService>();
        var watch = Stopwatch.StartNew();
        var sheet = await service.SheetAsync(Administrator, buildingId, floor, PublicAddress, ReportLanguage.Indonesian);
        var read = watch.Elapsed.TotalSeconds;
        var pdf = RoomLabelSheet.Render(sheet);
        var seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{what}: {seconds * 1000:0} ms ({read * 1000:0} ms reading the rooms) for {sheet.Labels.Count:N0} labels, {pdf.Length / 1024.0:0} KiB of PDF"));
        return seconds;
    }

    /// <summary>
    /// Adds <paramref name="count"/> entries over five years, by 25 people, of the kinds of rows the app changes (mostly
    /// answers, then tasks and visits, a few registry rows), then times the log's page as the audit page asks for it.
    /// </summary>
    private static async Task AuditLogAsync(InspectionScenario scenario, int count)
    {
        var fill = Stopwatch.StartNew();
        string oneRow;
        var users = Enumerable.Range(1, 25).Select(i => $"bench-user-{i:00}").ToList();
        string[] types = [.. Enumerable.Repeat(nameof(Answer), 14), nameof(FollowUpTask), nameof(FollowUpTask), nameof(FollowUpTask), nameof(Visit), nameof(Visit), nameof(Room)];
        var newest = DateTime.UtcNow;
        var span = TimeSpan.FromDays(5 * 365).Ticks;
        var random = new Random(7);
        var entityIds = Enumerable.Range(0, 200_000).Select(_ => Guid.NewGuid().ToString()).ToList();
        const int batch = 20_000;
        for (var done = 0; done < count; done += batch)
        {
            await using var db = await scenario.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = done; i < Math.Min(count, done + batch); i++)
            {
                var action = random.Next(10) < 6 ? AuditAction.Added : AuditAction.Modified;
                var changes = action == AuditAction.Added
                    ? """{"Result":"Ok","Reading":26.5,"Note":null}"""
                    : """{"Result":{"before":"Ok","after":"NotOk"}}""";
                db.AuditEntries.Add(new AuditEntry(
                    newest.AddTicks(-(long)(random.NextDouble() * span)),
                    users[random.Next(users.Count)],
                    types[random.Next(types.Length)],
                    entityIds[random.Next(entityIds.Count)],
                    action,
                    changes));
            }

            await db.SaveChangesAsync();
        }

        await using (var db = await scenario.CreateDbContextAsync())
        {
            if (scenario.Provider == DatabaseProvider.Postgres)
            {
                await db.Database.ExecuteSqlRawAsync("ANALYZE");
            }

            Console.WriteLine($"{scenario.Provider}: audit log of {await db.AuditEntries.CountAsync():N0} entries, filled in {fill.Elapsed.TotalSeconds:0} s");
            oneRow = await db.AuditEntries.Where(a => a.EntityType == nameof(Answer)).OrderBy(a => a.Id).Select(a => a.EntityId).FirstAsync();
        }

        var today = DateOnly.FromDateTime(newest);
        var cases = new (string Name, AuditFilter Filter)[]
        {
            ("no filter, page 1", new AuditFilter()),
            ("no filter, page 400 (the last of the 10,000 counted)", new AuditFilter(Page: 400)),
            ("one person", new AuditFilter(UserId: users[3])),
            ("one person, one month a year ago", new AuditFilter(UserId: users[3], From: today.AddYears(-1), To: today.AddYears(-1).AddMonths(1))),
            ("rooms only", new AuditFilter(EntityType: nameof(Room))),
            ("one answer by its key", new AuditFilter(EntityType: nameof(Answer), EntityId: oneRow)),
            ("one day two years ago", new AuditFilter(From: today.AddYears(-2), To: today.AddYears(-2))),
            ("rooms, one day two years ago", new AuditFilter(EntityType: nameof(Room), From: today.AddYears(-2), To: today.AddYears(-2))),
        };
        foreach (var (name, filter) in cases)
        {
            AuditLogPage? page = null;
            var milliseconds = await Timing.MillisecondsAsync(PageCalls, WarmUpCalls, async () =>
            {
                await using var scope = scenario.Host.Services.CreateAsyncScope();
                page = await scope.ServiceProvider.GetRequiredService<AuditLogService>().PageAsync(Administrator, filter);
            });
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{scenario.Provider}, audit log, {name}: median {Timing.Median(milliseconds):0.0} ms, p95 {Timing.Percentile(milliseconds, 95):0.0} ms over {PageCalls} calls ({(page!.MoreThanTotal ? "more than " : string.Empty)}{page.Total:N0} entries, page {page.Page} of {page.PageCount:N0}, {page.Rows.Count} rows)"));
        }

        var kindTimes = await Timing.MillisecondsAsync(PageCalls, WarmUpCalls, async () =>
        {
            await using var scope = scenario.Host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AuditLogService>().EntityTypesAsync(Administrator);
        });

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{scenario.Provider}, audit log, the kinds of rows for the filter: median {Timing.Median(kindTimes):0.0} ms, p95 {Timing.Percentile(kindTimes, 95):0.0} ms over {PageCalls} calls"));
    }

    private static void Report(string what, List<double> seconds) =>
        Console.WriteLine($"{what}: median {Timing.Median(seconds) * 1000:0} ms over {seconds.Count} runs (each: {string.Join(", ", seconds.Select(s => (s * 1000).ToString("0", CultureInfo.InvariantCulture)))} ms)");
}
