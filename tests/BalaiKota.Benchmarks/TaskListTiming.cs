using System.Diagnostics;
using System.Globalization;
using BalaiKota.Core.Data;
using BalaiKota.Core.Data.Seeding;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.FollowUps;
using BalaiKota.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BalaiKota.Benchmarks;

/// <summary>
/// The follow-up task list (<see cref="FollowUpService.ListAsync"/>) on the generator's 5 years (at least 60,000
/// tasks), as the secretariat filters, searches, sorts and pages it and as the technical unit's member reads their own
/// tasks. Each call is timed as the page's server code sees it, in its own DI scope, on a pooled connection as the app
/// runs; SQLite, and PostgreSQL when configured. PostgreSQL gets its statistics first (ANALYZE), as autovacuum gives a
/// live server's tables soon after a bulk load; SQLite plans without statistics, as the app runs it. Beside the time
/// each call takes, the CPU time this process spent on it: on SQLite, which runs in the process, that is the work of
/// the call, a steadier figure than the time on a machine whose cores other jobs share; on PostgreSQL it leaves out the
/// server's work.
/// </summary>
internal static class TaskListTiming
{
    private const int WarmUpCalls = 10;

    // The JIT tiers methods up after 30 calls, in the background; the first timed calls of a process would pay for it.
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(string[] args)
    {
        var calls = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 60;
        var months = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60;
        var visitsPerMonth = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 52;
        Console.WriteLine($"Machine: {Timing.Machine}");
        var providers = TestEnvironment.PostgresConnectionString is null ? new[] { DatabaseProvider.Sqlite } : [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];
        foreach (var provider in providers)
        {
            await using var scenario = await InspectionScenario.CreateAsync(provider, inspectors: 0, months, visitsPerMonth);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{provider}: set-up {scenario.SetUpTime.TotalSeconds:0} s (history of {months} months × {visitsPerMonth} visits in {scenario.HistoryTime.TotalSeconds:0} s: {scenario.History})"));
            if (provider == DatabaseProvider.Postgres)
            {
                await using var db = await scenario.CreateDbContextAsync();
                await db.Database.ExecuteSqlRawAsync("ANALYZE");
            }

            var cases = await CasesAsync(scenario);
            var warmUp = Stopwatch.StartNew();
            for (var i = 0; warmUp.Elapsed < WarmUpTime || i < cases.Count; i++)
            {
                await ListAsync(scenario, cases[i % cases.Count]);
            }

            foreach (var @case in cases)
            {
                TaskListPage? page = null;
                for (var i = 0; i < WarmUpCalls; i++)
                {
                    page = await ListAsync(scenario, @case);
                }

                var milliseconds = new List<double>();
                var cpu = new List<double>();
                using var process = Process.GetCurrentProcess();
                for (var i = 0; i < calls; i++)
                {
                    process.Refresh();
                    var cpuBefore = process.TotalProcessorTime;
                    var watch = Stopwatch.StartNew();
                    page = await ListAsync(scenario, @case);
                    milliseconds.Add(watch.Elapsed.TotalMilliseconds);
                    process.Refresh();
                    cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
                }

                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{provider}, {@case.Name}: median {Timing.Median(milliseconds):0.0} ms, p95 {Timing.Percentile(milliseconds, 95):0.0} ms, max {milliseconds.Max():0.0} ms over {calls} calls; "
                    + $"CPU of this process median {Timing.Median(cpu):0.0} ms ({page!.Total:N0} tasks match, page {page.Page} of {page.PageCount:N0}, {page.Rows.Count} rows)"));
            }
        }

        return 0;
    }

    private static async Task<TaskListPage> ListAsync(InspectionScenario scenario, Case @case)
    {
        await using var scope = scenario.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FollowUpService>().ListAsync(@case.Actor, @case.Filter);
    }

    /// <summary>
    /// What the list is used for: the whole list and its first and a deep page, a status, an OPD's tasks of a status,
    /// the overdue and this week's, a search (of a common word, of a room name, of a word that is nowhere), a unit's
    /// member's tasks, each sort; and the technical unit's member reading their own.
    /// </summary>
    private static async Task<List<Case>> CasesAsync(InspectionScenario scenario)
    {
        await using var db = await scenario.CreateDbContextAsync();
        var tasks = await db.FollowUpTasks.CountAsync();
        var perStatus = await db.FollowUpTasks.GroupBy(t => t.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        Console.WriteLine($"{scenario.Provider}: {tasks:N0} tasks ({string.Join(", ", perStatus.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Count:N0}"))})");
        var opd = await db.Opds.OrderBy(o => o.Name).Select(o => o.Id).FirstAsync();
        var unit = await db.ResponsibleUnits.Where(u => u.Name == SampleRegistry.TechnicalUnitName).Select(u => u.Id).SingleAsync();
        var secretariat = new Actor("generator-secretariat", new HashSet<string> { Roles.Secretariat });
        var repair = new Actor("generator-repair", new HashSet<string> { Roles.RepairUnit });
        var deepPage = (tasks / 25) - 10;
        return
        [
            new("secretariat, no filter, page 1", secretariat, new TaskListFilter()),
            new($"secretariat, no filter, page {deepPage:N0}", secretariat, new TaskListFilter(Page: deepPage)),
            new("secretariat, status In progress", secretariat, new TaskListFilter(Status: FollowUpStatus.InProgress)),
            new("secretariat, status New (drafts)", secretariat, new TaskListFilter(Status: FollowUpStatus.New)),
            new("secretariat, OPD", secretariat, new TaskListFilter(OpdId: opd)),
            new("secretariat, OPD + status Assigned", secretariat, new TaskListFilter(OpdId: opd, Status: FollowUpStatus.Assigned)),
            new("secretariat, overdue", secretariat, new TaskListFilter(OverdueOnly: true)),
            new("secretariat, due this week", secretariat, new TaskListFilter(DueThisWeek: true)),
            new("secretariat, search \"suhu\"", secretariat, new TaskListFilter(Search: "suhu")),
            new("secretariat, search \"toilet wanita\" (room name)", secretariat, new TaskListFilter(Search: "toilet wanita")),
            new("secretariat, search that matches nothing", secretariat, new TaskListFilter(Search: "tidak ada yang cocok")),
            new("secretariat, search \"suhu\" + status In progress", secretariat, new TaskListFilter(Search: "suhu", Status: FollowUpStatus.InProgress)),
            new("secretariat, unit + assignee", secretariat, new TaskListFilter(UnitId: unit, AssigneeId: "generator-repair")),
            new("secretariat, severity Critical", secretariat, new TaskListFilter(Severity: Severity.Critical)),
            new("secretariat, status In progress, sorted most severe first", secretariat, new TaskListFilter(Status: FollowUpStatus.InProgress, Sort: TaskSort.SeverityDesc)),
            new("secretariat, all, sorted most severe first", secretariat, new TaskListFilter(Sort: TaskSort.SeverityDesc)),
            new("secretariat, sorted newest first", secretariat, new TaskListFilter(Sort: TaskSort.NewestFirst)),
            new("secretariat, sorted oldest first, page 100", secretariat, new TaskListFilter(Sort: TaskSort.OldestFirst, Page: 100)),
            new("repair unit, own tasks, page 1", repair, new TaskListFilter()),
            new("repair unit, own tasks in progress", repair, new TaskListFilter(Status: FollowUpStatus.InProgress)),
            new("repair unit, own overdue", repair, new TaskListFilter(OverdueOnly: true)),
        ];
    }

    private sealed record Case(string Name, Actor Actor, TaskListFilter Filter);
}
