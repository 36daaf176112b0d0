using BalaiKota.Core.Data;
using BalaiKota.Core.Data.Seeding;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.FollowUps;
using BalaiKota.Core.Features.Photos;
using BalaiKota.Core.Features.Reports;
using BalaiKota.Core.Features.Visits;
using BalaiKota.Core.Tests.Domain;
using BalaiKota.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace BalaiKota.Core.Tests.Features;

/// <summary>
/// The figures of the monthly report and the content of the visit report on a small fixed history, computed by hand,
/// on each provider (subclasses below):
/// <list type="bullet">
/// <item>October: Disdukcapil's staff room at 23.30 WIB on the 31st (16.30 UTC, so still October), 31 °C (not OK,
/// weight 3) and 900 ppm CO₂ (OK, weight 3); its task is assigned five minutes later, due 31 October, so it is overdue at 1 November
/// 00.00 WIB, and it is repaired and verified on 18 November 11.30 WIB, 17.5 days after its draft.</item>
/// <item>November, 16th 09.00 WIB: Disdukcapil's staff room 32 °C and 1,500 ppm (both not OK: a repeat of the
/// temperature) plus an ad hoc safety finding that is dismissed; the CO₂ task is assigned due 20 November.
/// Bappelitbang's head room 25 °C and 800 ppm (both OK).</item>
/// <item>The report is made on 2 December, so November is judged at its end (1 December 00.00 WIB).</item>
/// </list>
/// </summary>
public abstract class ReportServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string StaffRoom = "Ruang Kerja Staf Disdukcapil";
    private const string HeadRoom = "Ruang Kepala Bappelitbang";
    private static readonly WibMonth November = new(2026, 11);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 10, 31, 16, 30, 0, TimeSpan.Zero));
    private readonly Actor _inspector = Samples.Inspector;
    private readonly Actor _secretariat = Samples.Secretariat;
    private readonly Actor _leadership = Samples.Leadership;
    private readonly Actor _admin = Samples.Administrator;
    private readonly Actor _otherInspector = new("peninjau2", new HashSet<string> { Roles.Inspector });
    private readonly Actor _repair = new("pelaksana", new HashSet<string> { Roles.RepairUnit });
    private WalkThrough _walk = default!;
    private MonthlyReportService _monthly = default!;
    private VisitReportService _visitReports = default!;
    private Opd _opdA = default!;
    private Opd _opdB = default!;
    private Guid _technicalUnit;
    private Guid _novemberVisitA;

    public async ValueTask InitializeAsync()
    {
        _walk = await WalkThrough.CreateAsync(provider, _clock);
        await using var db = _walk.Database.CreateDbContext();
        _opdA = await db.Opds.SingleAsync(o => o.ShortName == "Disdukcapil");
        _opdB = await db.Opds.SingleAsync(o => o.ShortName == "Bappelitbang");
        _technicalUnit = await _walk.AddPeopleAsync("peninjau2");

        _monthly = new MonthlyReportService(_walk.Database, _clock);
        _visitReports = new VisitReportService(_walk.Database, new TemplateCache(_walk.Database), _clock);
        await HistoryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _walk.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task CountsTheKeyFiguresOfTheMonthAndOfThePreviousMonth()
    {
        var report = await _monthly.BuildAsync(_leadership, November, null, ReportLanguage.Indonesian);

        var current = report.Current;
        Assert.Equal((2, 2, 2, 3), (current.Visits, current.Opds, current.Rooms, current.Findings));
        Assert.Equal([(Severity.Critical, 0), (Severity.High, 3), (Severity.Medium, 0), (Severity.Low, 0)], current.FindingsBySeverity.Select(s => (s.Severity, s.Count)));
        Assert.Equal((2, 1, 1), (current.TasksOpened, current.TasksClosed, current.TasksOverdue));
        Assert.Equal(17.5, current.MedianDaysToClose!.Value, precision: 6);
        Assert.Equal(0.5, current.ComfortIndex!.Value, precision: 6);

        var previous = report.Previous;
        Assert.Equal((1, 1, 1, 1), (previous.Visits, previous.Opds, previous.Rooms, previous.Findings));
        Assert.Equal((1, 0, 1), (previous.TasksOpened, previous.TasksClosed, previous.TasksOverdue));
        Assert.Null(previous.MedianDaysToClose);
        Assert.Equal(0.5, previous.ComfortIndex!.Value, precision: 6);
    }

    [Fact]
    public async Task RanksOpdsWorstFirstAndSplitsFindingsByAreaAndOpd()
    {
        var report = await _monthly.BuildAsync(_secretariat, November, null, ReportLanguage.Indonesian);

        Assert.Equal(
            [(1, "Disdukcapil", 1, 1, 3, (double?)0.0, 2, 1), (2, "Bappelitbang", 1, 1, 0, 1.0, 0, 0)],
            report.Ranking.Select(r => (r.Rank, r.OpdShortName, r.Visits, r.Rooms, r.Findings, r.ComfortIndex, r.OpenTasks, r.OverdueTasks)));
        Assert.Equal([(InspectionArea.Ventilation, 1), (InspectionArea.Heat, 1), (InspectionArea.Safety, 1)], report.FindingsByArea.Select(a => (a.Area, a.Count)));
        Assert.Equal([("Disdukcapil", 3)], report.FindingsByOpd.Select(o => (o.OpdShortName, o.Count)));
    }

    [Fact]
    public async Task DrawsTwelveMonthsOfTrendEndingWithTheMonth()
    {
        var report = await _monthly.BuildAsync(_admin, November, null, ReportLanguage.Indonesian);

        Assert.Equal(12, report.Trend.Count);
        Assert.Equal((2025, 12), (report.Trend[0].Year, report.Trend[0].Month));
        Assert.Equal((2026, 10, 1, (double?)0.5), (report.Trend[10].Year, report.Trend[10].Month, report.Trend[10].Findings, report.Trend[10].ComfortIndex));
        Assert.Equal((2026, 11, 3, (double?)0.5), (report.Trend[11].Year, report.Trend[11].Month, report.Trend[11].Findings, report.Trend[11].ComfortIndex));
        Assert.All(report.Trend.Take(10), p => Assert.Equal((0, (double?)null), (p.Findings, p.ComfortIndex)));
    }

    [Fact]
    public async Task ListsTheWorstReadingsRepeatsOverdueTasksAndVerifiedRepairs()
    {
        var report = await _monthly.BuildAsync(_leadership, November, null, ReportLanguage.Indonesian);

        Assert.Equal([(StaffRoom, "32 °C", "23–26 °C", AnswerOutcome.NotOk), (HeadRoom, "25 °C", "23–26 °C", AnswerOutcome.Ok)], report.HottestRooms.Select(r => (r.RoomName, r.Reading, r.Standard, r.Outcome)));
        Assert.Equal([(StaffRoom, "1500 ppm"), (HeadRoom, "800 ppm")], report.HighestCo2Rooms.Select(r => (r.RoomName, r.Reading)));

        var repeat = Assert.Single(report.RepeatFindings);
        Assert.Equal((StaffRoom, "Disdukcapil", "Suhu ruang kerja", new DateOnly(2026, 10, 31), new DateOnly(2026, 11, 16), 2), (repeat.RoomName, repeat.OpdShortName, repeat.Item, repeat.PreviousVisitDate, repeat.VisitDate, repeat.ConsecutiveVisits));

        var overdue = Assert.Single(report.OverdueTasks);
        Assert.Equal((StaffRoom, SampleRegistry.TechnicalUnitName, new DateOnly(2026, 11, 20), 11, FollowUpStatus.Assigned), (overdue.RoomName, overdue.UnitName, overdue.DueDate, overdue.DaysOverdue, overdue.Status));
        Assert.StartsWith("Kadar CO₂", overdue.Description, StringComparison.Ordinal);

        var pair = Assert.Single(report.VerifiedRepairs);
        Assert.Equal((StaffRoom, new DateOnly(2026, 11, 18)), (pair.RoomName, pair.VerifiedOn));
        Assert.NotEmpty(pair.Before.Jpeg);
        Assert.NotEmpty(pair.After.Jpeg);
    }

    [Fact]
    public async Task ListsEveryFindingAndEveryTaskOfTheMonth()
    {
        var report = await _monthly.BuildAsync(_leadership, November, null, ReportLanguage.Indonesian);

        Assert.Equal(3, report.Findings.Count);
        Assert.Contains(report.Findings, f => f is { Area: InspectionArea.Safety, Description: "Kabel terkelupas", Status: FindingStatus.Dismissed });
        Assert.All(report.Findings, f => Assert.Equal((new DateOnly(2026, 11, 16), "Disdukcapil"), (f.VisitDate, f.OpdShortName)));

        // The two tasks opened in November (the dismissed draft is not a task) and October's task verified in November.
        Assert.Equal(
            [(FollowUpStatus.New, new DateOnly(2026, 11, 16), null), (FollowUpStatus.Assigned, new DateOnly(2026, 11, 16), null), (FollowUpStatus.Verified, new DateOnly(2026, 10, 31), (DateOnly?)new DateOnly(2026, 11, 18))],
            report.Tasks.Select(t => (t.Status, t.OpenedOn, t.ClosedOn)).OrderBy(t => t.Status));
    }

    [Fact]
    public async Task NarrowsTheReportToOneOpd()
    {
        var report = await _monthly.BuildAsync(_leadership, November, _opdB.Id, ReportLanguage.English);

        Assert.Equal(_opdB.Name, report.OpdName);
        Assert.Equal((1, 1, 0, 0, 0, 0), (report.Current.Visits, report.Current.Rooms, report.Current.Findings, report.Current.TasksOpened, report.Current.TasksClosed, report.Current.TasksOverdue));
        Assert.Equal(1.0, report.Current.ComfortIndex!.Value, precision: 6);
        Assert.Equal([HeadRoom], report.HottestRooms.Select(r => r.RoomName));
        Assert.Empty(report.Findings);
        Assert.Empty(report.Tasks);
        Assert.Empty(report.RepeatFindings);
        Assert.Equal(0, report.Previous.Visits);
    }

    [Fact]
    public async Task GivesAMonthWithoutVisitsAsAnHonestEmptyReport()
    {
        var report = await _monthly.BuildAsync(_leadership, new WibMonth(2026, 9), null, ReportLanguage.Indonesian);

        Assert.False(report.HasVisits);
        Assert.Equal((0, 0, 0, 0), (report.Current.Visits, report.Current.Rooms, report.Current.Findings, report.Current.TasksOpened));
        Assert.Null(report.Current.ComfortIndex);
        Assert.Null(report.Current.MedianDaysToClose);
        Assert.Empty(report.Ranking);
        Assert.Empty(report.Findings);
    }

    [Fact]
    public async Task RefusesTheMonthlyReportToInspectorsAndRepairUnitsAndAnUnknownOpd()
    {
        Assert.Equal(VisitAccess.DeniedCode, (await Assert.ThrowsAsync<DomainException>(() => _monthly.BuildAsync(_inspector, November, null, ReportLanguage.Indonesian))).Code);
        Assert.Equal(VisitAccess.DeniedCode, (await Assert.ThrowsAsync<DomainException>(() => _monthly.BuildAsync(_repair, November, null, ReportLanguage.Indonesian))).Code);
        Assert.Equal(MonthlyReportService.OpdNotFoundCode, (await Assert.ThrowsAsync<DomainException>(() => _monthly.BuildAsync(_leadership, November, Guid.NewGuid(), ReportLanguage.Indonesian))).Code);
    }

    [Fact]
    public async Task GathersTheVisitReportWithReadingsAgainstTheirStandardFindingsTasksAndSignatures()
    {
        var report = await _visitReports.BuildAsync(_inspector, _novemberVisitA, ReportLanguage.Indonesian);

        Assert.Equal((_opdA.Name, new DateOnly(2026, 11, 16), "Nama peninjau"), (report.OpdName, report.VisitDate, report.LeadInspectorName));
        Assert.Equal([("Ibu Sekretaris", "Sekretaris Dinas")], report.Officials.Select(o => (o.Name, o.Position)));
        var room = Assert.Single(report.Rooms);
        Assert.Equal(StaffRoom, room.Name);
        var temperature = room.Answers.Single(a => a.Item == "Suhu ruang kerja");
        Assert.Equal(("32 °C", "23–26 °C", "Permenkes 48/2016 (S)", AnswerOutcome.NotOk), (temperature.Reading, temperature.Standard, temperature.Source, temperature.Outcome));

        var summary = report.Summary;
        Assert.Equal((1, room.Answers.Count, 0, 2, 1), (summary.Rooms, summary.Items, summary.Ok, summary.NotOk, summary.AdHocFindings));
        Assert.Equal(room.Answers.Count - 2, summary.NotInspected);
        Assert.Equal([(InspectionArea.Ventilation, 1), (InspectionArea.Heat, 1), (InspectionArea.Safety, 1)], summary.NotOkByArea.Select(a => (a.Area, a.Count)));

        Assert.Equal([1, 2, 3], report.Findings.Select(f => f.Number));
        Assert.Contains(report.Findings, f => f is { Item: null, Description: "Kabel terkelupas" });
        Assert.Single(report.Findings.Single(f => f.Item == "Kadar CO₂").Photos);
        var co2Task = report.Tasks.Single(t => t.Status == FollowUpStatus.Assigned);
        Assert.Equal((SampleRegistry.TechnicalUnitName, (DateOnly?)new DateOnly(2026, 11, 20)), (co2Task.UnitName, co2Task.DueDate));
        Assert.Equal(report.Findings.Single(f => f.Item == "Kadar CO₂").Number, co2Task.FindingNumber);
        Assert.Equal(("Nama peninjau", "Ibu Sekretaris"), (report.LeadSignature.SignerName, report.OpdSignature.SignerName));
        Assert.Equal(WalkThrough.Signature, report.OpdSignature.Png);
    }

    [Fact]
    public async Task WordsTheVisitReportsChecklistTextInEnglish()
    {
        var report = await _visitReports.BuildAsync(_leadership, _novemberVisitA, ReportLanguage.English);

        var temperature = report.Rooms.Single().Answers.Single(a => a.Item == "Work-room temperature");
        Assert.Equal(("32 °C", "23–26 °C"), (temperature.Reading, temperature.Standard));
        Assert.Contains(report.Findings, f => f.Item == "CO₂ concentration");
    }

    [Fact]
    public async Task GivesTheVisitReportOnlyToWhoReadsTheVisitAndOnlyOnceSubmitted()
    {
        Assert.Equal(VisitAccess.DeniedCode, (await Assert.ThrowsAsync<DomainException>(() => _visitReports.BuildAsync(_otherInspector, _novemberVisitA, ReportLanguage.Indonesian))).Code);
        Assert.Equal(VisitReportService.NotFoundCode, (await Assert.ThrowsAsync<DomainException>(() => _visitReports.BuildAsync(_admin, Guid.CreateVersion7(), ReportLanguage.Indonesian))).Code);
        Assert.Equal(VisitAccess.DeniedCode, (await Assert.ThrowsAsync<DomainException>(() => _visitReports.BuildAsync(_repair, _novemberVisitA, ReportLanguage.Indonesian))).Code);
        Assert.NotNull(await _visitReports.BuildAsync(_secretariat, _novemberVisitA, ReportLanguage.Indonesian));

        var planned = await _walk.Visits.PlanAsync(_inspector, new PlanVisitRequest(_opdB.Id, Wib.Today(_clock), "peninjau", [], [], null, StartNow: false));
        Assert.Equal(VisitReportService.NotSubmittedCode, (await Assert.ThrowsAsync<DomainException>(() => _visitReports.BuildAsync(_admin, planned, ReportLanguage.Indonesian))).Code);
    }

    private static ProcessedPhoto Photo() => PhotoProcessor.Process(TestImages.Jpeg(320, 240));

    private async Task HistoryAsync()
    {
        var staff = await _walk.RoomIdAsync(StaffRoom);
        var head = await _walk.RoomIdAsync(HeadRoom);

        // 31 October 23.30 WIB.
        await SubmitAsync(_opdA, staff, async v =>
        {
            var heat = await _walk.ReadingAsync(_inspector, v, staff, "HEAT-WORK", 31);
            await _walk.Inspections.AddPhotoAsync(_inspector, v, new PhotoTarget(heat, null), Photo());
            await _walk.ReadingAsync(_inspector, v, staff, "VEN-CO2", 900);
        });
        var octoberTask = await _walk.TaskAsync(d => d.StartsWith("Suhu ruang kerja", StringComparison.Ordinal));
        _clock.Advance(TimeSpan.FromMinutes(5));
        var assigned = await _walk.FollowUps.AssignAsync(_secretariat, new AssignRequest(octoberTask, await _walk.VersionAsync(octoberTask), _technicalUnit, null, TaskPriority.High, new DateOnly(2026, 10, 31)));

        // 16 November 09.00 WIB.
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 16, 2, 0, 0, TimeSpan.Zero));
        _novemberVisitA = await SubmitAsync(_opdA, staff, async v =>
        {
            await _walk.ReadingAsync(_inspector, v, staff, "HEAT-WORK", 32);
            var co2 = await _walk.ReadingAsync(_inspector, v, staff, "VEN-CO2", 1500);
            await _walk.Inspections.AddPhotoAsync(_inspector, v, new PhotoTarget(co2, null), Photo());
            await _walk.Inspections.AddAdHocFindingAsync(_inspector, v, staff, new AdHocFindingRequest(InspectionArea.Safety, Severity.High, "Kabel terkelupas"));
        });
        await SubmitAsync(_opdB, head, async v =>
        {
            await _walk.ReadingAsync(_inspector, v, head, "HEAT-WORK", 25);
            await _walk.ReadingAsync(_inspector, v, head, "VEN-CO2", 800);
        });
        var co2Task = await _walk.TaskAsync(d => d.StartsWith("Kadar CO₂", StringComparison.Ordinal));
        await _walk.FollowUps.AssignAsync(_secretariat, new AssignRequest(co2Task, await _walk.VersionAsync(co2Task), _technicalUnit, null, TaskPriority.High, new DateOnly(2026, 11, 20)));
        var cable = await _walk.TaskAsync(d => d == "Kabel terkelupas");
        await _walk.FollowUps.DismissAsync(_secretariat, cable, await _walk.VersionAsync(cable), "Sudah ditangani pengelola gedung");

        // October's task: repaired on the 17th, verified on 18 November 11.30 WIB.
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 17, 2, 0, 0, TimeSpan.Zero));
        var started = await _walk.FollowUps.StartWorkAsync(_repair, octoberTask, assigned.Task.Version);
        await _walk.FollowUps.AddPhotoAsync(_repair, octoberTask, PhotoKind.After, Photo());
        await _walk.FollowUps.MarkDoneAsync(_repair, octoberTask, started.Task.Version, "AC diservis");
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 18, 4, 30, 0, TimeSpan.Zero));
        await _walk.FollowUps.AddPhotoAsync(_inspector, octoberTask, PhotoKind.Verification, Photo());
        await _walk.FollowUps.VerifyAsync(_inspector, octoberTask, await _walk.VersionAsync(octoberTask), "Sudah sejuk");

        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 2, 0, 0, TimeSpan.Zero));
    }

    /// <summary>A visit of one room, today, submitted.</summary>
    private Task<Guid> SubmitAsync(Opd opd, Guid roomId, Func<Guid, Task> record) =>
        _walk.SubmitVisitAsync(_inspector, opd, Wib.Today(_clock), record, roomIds: [roomId]);
}

public sealed class SqliteReportServiceTests() : ReportServiceTests(DatabaseProvider.Sqlite);

public sealed class PostgresReportServiceTests() : ReportServiceTests(DatabaseProvider.Postgres);
