using System.Diagnostics;
using System.Globalization;
using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Dashboard;
using BalaiKota.Core.Features.Reports;
using BalaiKota.Testing;
using BalaiKota.Web.Features.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BalaiKota.Benchmarks;

/// <summary>
/// The leadership dashboard on the generator's 5 years. One page view's queries — <see cref="DashboardService.GetOptionsAsync"/>
/// and <see cref="DashboardService.BuildAsync"/>, as the page calls them, in a DI scope of its own on a pooled connection —
/// timed for the current month, the last full month, the current quarter and the current year, each for the whole city
/// hall, the OPD with the most visits and the building with the most rooms; then the page (DashboardPage.razor) rendered
/// to HTML with <see cref="HtmlRenderer"/>, its data load included, as a prerender does: once cold (the first render on
/// the database after set-up) and then warm. After the timed calls, one more call of each case is traced command by
/// command (EF Core's diagnostics: each data reader from execution to disposal, its rows read included), to show where
/// the time goes, and the time between them, in the code around the queries. SQLite, and PostgreSQL when configured, with its statistics first (ANALYZE).
/// </summary>
internal static class DashboardTiming
{
    // As in RoomRenderTiming: at least this many calls and this long, for the JIT's tiering to settle.
    private const int WarmUpCalls = 50;
    private const int CaseWarmUpCalls = 3;
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(5);

    private static readonly Actor Leadership = new("bench-leadership", new HashSet<string> { Roles.Leadership });

    public static async Task<int> RunAsync(string[] args)
    {
        var calls = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
        var months = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60;
        var visitsPerMonth = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 52;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("id-ID");
        Console.WriteLine($"Machine: {Timing.Machine}");
        using var commands = new CommandTrace();
        var providers = TestEnvironment.PostgresConnectionString is null ? new[] { DatabaseProvider.Sqlite } : [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];
        foreach (var provider in providers)
        {
            await using var scenario = await InspectionScenario.CreateAsync(provider, inspectors: 0, months, visitsPerMonth);
            Console.WriteLine(Invariant($"{provider}: set-up {scenario.SetUpTime.TotalSeconds:0} s (history of {months} months × {visitsPerMonth} visits in {scenario.HistoryTime.TotalSeconds:0} s: {scenario.History})"));
            if (provider == DatabaseProvider.Postgres)
            {
                await using var db = await scenario.CreateDbContextAsync();
                await db.Database.ExecuteSqlRawAsync("ANALYZE");
            }

            var cases = await CasesAsync(scenario);
            var today = Wib.Today(TimeProvider.System);
            await using var monthPage = RenderServices(scenario, "/dashboard");
            await using var yearPage = RenderServices(scenario, $"/dashboard?{DashboardAddress.Period}={WibPeriod.OfYear(today.Year)}");

            var cold = Stopwatch.StartNew();
            var html = await StaticPageRender.RenderAsync<DashboardPage>(monthPage);
            Console.WriteLine(Invariant($"{provider}, DashboardPage to HTML, current month, whole city hall, cold (the first render on this database after set-up): {cold.Elapsed.TotalMilliseconds:0.0} ms ({html.Length / 1024.0:0} KiB of HTML)"));

            var warmUp = Stopwatch.StartNew();
            for (var i = 0; i < WarmUpCalls || warmUp.Elapsed < WarmUpTime; i++)
            {
                await PageViewAsync(scenario, cases[i % cases.Count].Filter);
            }

            foreach (var @case in cases)
            {
                DashboardModel model = null!;
                var times = await Timing.MillisecondsAsync(calls, CaseWarmUpCalls, async () => model = await PageViewAsync(scenario, @case.Filter));
                Report(provider, Invariant($"{@case.Name} ({model.Current.Visits:N0} visits, {model.Current.Findings:N0} findings, {model.Current.TasksOpen:N0} open tasks, {model.Ranking.Count} OPDs ranked, {model.Repeats.Count} repeats)"), times);
            }

            foreach (var (name, page) in new[] { ("current month, whole city hall", monthPage), ("current year, whole city hall", yearPage) })
            {
                var times = await Timing.MillisecondsAsync(calls, WarmUpCalls, async () => html = await StaticPageRender.RenderAsync<DashboardPage>(page));
                Report(provider, $"DashboardPage to HTML, {name}, warm ({html.Length / 1024.0:0} KiB of HTML)", times);
            }

            Console.WriteLine($"{provider}: JavaScript calls attempted while rendering: {monthPage.GetRequiredService<StaticJsRuntime>().Calls + yearPage.GetRequiredService<StaticJsRuntime>().Calls} (a static render makes none)");
            foreach (var @case in cases)
            {
                await TraceAsync(scenario, commands, @case);
            }
        }

        return 0;
    }

    private static async Task<DashboardModel> PageViewAsync(InspectionScenario scenario, DashboardFilter filter)
    {
        await using var scope = scenario.Host.Services.CreateAsyncScope();
        var dashboard = scope.ServiceProvider.GetRequiredService<DashboardService>();
        await dashboard.GetOptionsAsync(Leadership);
        return await dashboard.BuildAsync(Leadership, filter, ReportLanguage.Indonesian);
    }

    /// <summary>One traced page view: its time, the time of each data reader in it, and what is left for the code around them.</summary>
    private static async Task TraceAsync(InspectionScenario scenario, CommandTrace commands, Case @case)
    {
        commands.Start();
        var watch = Stopwatch.StartNew();
        await PageViewAsync(scenario, @case.Filter);
        var total = watch.Elapsed.TotalMilliseconds;
        var traced = commands.Stop();
        var inReaders = traced.Commands.Sum(c => c.Milliseconds);
        Console.WriteLine(Invariant(
            $"{scenario.Provider}, traced, {@case.Name}: {total:0.0} ms, of it {inReaders:0.0} ms in {traced.Commands.Count} data readers and {total - inReaders:0.0} ms between and after them ({traced.TailMilliseconds:0.0} ms after the last)"));
        foreach (var command in traced.Commands.Where(c => c.Milliseconds >= 0.05 * total || c.GapBeforeMilliseconds >= 0.05 * total))
        {
            Console.WriteLine(Invariant($"    {command.GapBeforeMilliseconds,7:0.0} ms before, {command.Milliseconds,7:0.0} ms in the reader ({command.ExecutionMilliseconds:0.0} ms executing) for {command.Rows,7:N0} rows ({command.Parameters:N0} parameters)  {command.Tables}"));
        }
    }

    /// <summary>
    /// The periods leadership opens — this (running) month, the last full month, this quarter, this year — each for
    /// the whole city hall, for the OPD with the most submitted visits and for the building with the most rooms.
    /// </summary>
    private static async Task<List<Case>> CasesAsync(InspectionScenario scenario)
    {
        await using var db = await scenario.CreateDbContextAsync();
        var visits = await db.Visits.CountAsync();
        var submitted = await db.Visits.CountAsync(v => v.SubmittedAt != null);
        var inspections = await db.RoomInspections.CountAsync();
        var answers = await db.Answers.CountAsync();
        var findings = await db.Findings.CountAsync();
        var tasks = await db.FollowUpTasks.CountAsync();
        var events = await db.FollowUpTaskEvents.CountAsync();
        var rooms = await db.Rooms.CountAsync();
        var opds = await db.Opds.CountAsync();
        Console.WriteLine(Invariant(
            $"{scenario.Provider}: {visits:N0} visits ({submitted:N0} submitted), {inspections:N0} room inspections, {answers:N0} answers, {findings:N0} findings, {tasks:N0} tasks, {events:N0} task events, {rooms:N0} rooms in {opds} OPDs"));
        var opd = await db.Opds.OrderByDescending(o => db.Visits.Count(v => v.OpdId == o.Id && v.SubmittedAt != null)).ThenBy(o => o.Name)
            .Select(o => new { o.Id, o.ShortName, Visits = db.Visits.Count(v => v.OpdId == o.Id && v.SubmittedAt != null) }).FirstAsync();
        var building = await db.Buildings.OrderByDescending(b => db.Rooms.Count(r => r.BuildingId == b.Id)).ThenBy(b => b.Name)
            .Select(b => new { b.Id, b.Name, Rooms = db.Rooms.Count(r => r.BuildingId == b.Id) }).FirstAsync();
        Console.WriteLine($"{scenario.Provider}: the OPD is {opd.ShortName} ({opd.Visits:N0} submitted visits), the building {building.Name} ({building.Rooms} rooms)");

        var today = Wib.Today(TimeProvider.System);
        var periods = new (string Name, WibPeriod Period)[]
        {
            ("current month", WibPeriod.Containing(PeriodKind.Month, today)),
            ("last full month", WibPeriod.Of(WibMonth.Of(today).Previous)),
            ("current quarter", WibPeriod.Containing(PeriodKind.Quarter, today)),
            ("current year", WibPeriod.Containing(PeriodKind.Year, today)),
        };
        return periods.SelectMany(p => new Case[]
            {
                new($"{p.Name} {p.Period}, whole city hall", new DashboardFilter(p.Period)),
                new($"{p.Name} {p.Period}, one OPD", new DashboardFilter(p.Period, OpdId: opd.Id)),
                new($"{p.Name} {p.Period}, one building", new DashboardFilter(p.Period, BuildingId: building.Id)),
            })
            .ToList();
    }

    /// <summary>
    /// What the dashboard page needs: the Core services of the scenario, MudBlazor, the app's texts, a signed-in
    /// leadership account, a navigation manager at the page's address (its query read by [SupplyParameterFromQuery]),
    /// and a JavaScript runtime that a static render never calls.
    /// </summary>
    private static ServiceProvider RenderServices(InspectionScenario scenario, string address)
    {
        var services = StaticPageRender.Services(scenario, address, Leadership.UserId, Roles.Leadership);
        services.AddScoped<DashboardService>();
        return services.BuildServiceProvider(validateScopes: true);
    }

    private static void Report(DatabaseProvider provider, string what, List<double> ms) =>
        Console.WriteLine(Invariant($"{provider}, {what}: median {Timing.Median(ms):0.0} ms, p95 {Timing.Percentile(ms, 95):0.0} ms, max {ms.Max():0.0} ms over {ms.Count} calls"));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Case(string Name, DashboardFilter Filter);
}
