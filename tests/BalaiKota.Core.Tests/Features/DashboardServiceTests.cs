using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Dashboard;
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
/// The dashboard's figures on a small fixed history, computed by hand, on each provider (subclasses below). Weights:
/// temperature and CO₂ 3, noise and lighting 1. Every visit is submitted at 09.00 WIB; the dashboard is read on
/// 2 December 2026 09.00 WIB, so the fourth quarter is judged now and the third at its end.
/// <list type="bullet">
/// <item>10 August (Q3): Bappelitbang's head room 27 °C (not OK) and 800 ppm (OK): index 3 / 6 = 0.5. Its task T1 is
/// assigned due 20 August and verified on 6 October 11.00 WIB, 57 days and 2 hours after its draft.</item>
/// <item>5 October: Disdukcapil's service hall (annex building) 26 °C and 1,000 ppm (OK), 80 dBA and 200 lux (not OK):
/// 6 / 8 = 0.75. The noise task T2 is assigned due 15 October (overdue now); the lighting draft is dismissed.</item>
/// <item>16 November: Bappelitbang's head room 25 °C and 800 ppm (OK): 1.0. Disdukcapil's men's toilet 50 lux (not OK)
/// and service hall 78 dBA (not OK, a repeat), 350 lux (OK) and an ad hoc critical safety finding: 1 / 3. Their three
/// drafts stay drafts.</item>
/// </list>
/// The fourth quarter: 13 OK against 4 not OK, 13 / 17; Disdukcapil 7 / 11.
/// </summary>
public abstract class DashboardServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string HeadRoom = "Ruang Kepala Bappelitbang";
    private const string Hall = "Ruang Pelayanan Disdukcapil";
    private const string Toilet = "Toilet Pria Disdukcapil";
    private const string Annex = "Gedung Pelayanan Terpadu (contoh)";
    private static readonly WibPeriod Q4 = WibPeriod.Quarter(2026, 4);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 8, 10, 2, 0, 0, TimeSpan.Zero));
    private readonly Actor _inspector = Samples.Inspector;
    private readonly Actor _secretariat = Samples.Secretariat;
    private readonly Actor _leadership = Samples.Leadership;
    private readonly Actor _admin = Samples.Administrator;
    private readonly Actor _repair = new("pelaksana", new HashSet<string> { Roles.RepairUnit });
    private WalkThrough _walk = default!;
    private DashboardService _dashboard = default!;
    private Opd _disdukcapil = default!;
    private Opd _bappelitbang = default!;
    private Guid _annex;
    private Guid _technicalUnit;

    public async ValueTask InitializeAsync()
    {
        _walk = await WalkThrough.CreateAsync(provider, _clock);
        await using var db = _walk.Database.CreateDbContext();
        _disdukcapil = await db.Opds.SingleAsync(o => o.ShortName == "Disdukcapil");
        _bappelitbang = await db.Opds.SingleAsync(o => o.ShortName == "Bappelitbang");
        _annex = await db.Buildings.Where(b => b.Name == Annex).Select(b => b.Id).SingleAsync();
        _technicalUnit = await _walk.AddPeopleAsync();

        _dashboard = new DashboardService(_walk.Database, _clock);
        await HistoryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _walk.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task CountsTheKeyFiguresOfTheQuarterAndOfTheQuarterBefore()
    {
        var model = await BuildAsync(Q4);

        var current = model.Current;
        Assert.True(model.HasVisits);
        Assert.Equal((3, 2, 4, 5), (current.Visits, current.Opds, current.Rooms, current.Findings));
        Assert.Equal([(Severity.Critical, 1), (Severity.High, 0), (Severity.Medium, 4), (Severity.Low, 0)], current.FindingsBySeverity.Select(s => (s.Severity, s.Count)));
        Assert.Equal((4, 1, 4, 1), (current.TasksOpened, current.TasksClosed, current.TasksOpen, current.TasksOverdue));
        Assert.Equal(57 + (2.0 / 24), current.MedianDaysToClose!.Value, precision: 6);
        Assert.Equal(13.0 / 17, current.ComfortIndex!.Value, precision: 6);

        var previous = model.Previous;
        Assert.Equal((1, 1, 1, 1), (previous.Visits, previous.Opds, previous.Rooms, previous.Findings));
        Assert.Equal((1, 0, 1, 1), (previous.TasksOpened, previous.TasksClosed, previous.TasksOpen, previous.TasksOverdue));
        Assert.Null(previous.MedianDaysToClose);
        Assert.Equal(0.5, previous.ComfortIndex!.Value, precision: 6);
    }

    [Fact]
    public async Task SplitsTheFindingsByAreaAndDrawsTwelveMonthsEndingWithThePeriod()
    {
        var model = await BuildAsync(Q4);

        Assert.Equal([(InspectionArea.Toilets, 1), (InspectionArea.Comfort, 3), (InspectionArea.Safety, 1)], model.FindingsByArea.Select(a => (a.Area, a.Count)));
        Assert.Equal(12, model.Trend.Count);
        Assert.Equal((2026, 1), (model.Trend[0].Year, model.Trend[0].Month));
        Assert.Equal((2026, 12), (model.Trend[11].Year, model.Trend[11].Month));
        Assert.Equal((1, 1, 0), (model.Trend[7].Findings, model.Trend[7].TasksOpened, model.Trend[7].TasksClosed));
        Assert.Equal(0.5, model.Trend[7].ComfortIndex!.Value, precision: 6);
        Assert.Equal((2, 1, 1), (model.Trend[9].Findings, model.Trend[9].TasksOpened, model.Trend[9].TasksClosed));
        Assert.Equal(0.75, model.Trend[9].ComfortIndex!.Value, precision: 6);
        Assert.Equal((3, 3, 0), (model.Trend[10].Findings, model.Trend[10].TasksOpened, model.Trend[10].TasksClosed));
        Assert.Equal(7.0 / 9, model.Trend[10].ComfortIndex!.Value, precision: 6);
        Assert.All(model.Trend.Where((_, i) => i is not (7 or 9 or 10)), p => Assert.Equal((0, (double?)null, 0, 0), (p.Findings, p.ComfortIndex, p.TasksOpened, p.TasksClosed)));
    }

    [Fact]
    public async Task RanksTheOpdsWorstFirstWithTheirTrendAndTheirOpenAndOverdueTasks()
    {
        var model = await BuildAsync(Q4);

        Assert.Equal(
            [(1, "Disdukcapil", 2, 5, 4, 1, ComfortTrend.Unknown), (2, "Bappelitbang", 1, 0, 0, 0, ComfortTrend.Better)],
            model.Ranking.Select(r => (r.Rank, r.OpdShortName, r.Visits, r.Findings, r.OpenTasks, r.OverdueTasks, r.Trend)));
        Assert.Equal(7.0 / 11, model.Ranking[0].ComfortIndex!.Value, precision: 6);
        Assert.Null(model.Ranking[0].PreviousComfortIndex);
        Assert.Equal((1.0, 0.5), (model.Ranking[1].ComfortIndex!.Value, model.Ranking[1].PreviousComfortIndex!.Value));
        Assert.Equal(_disdukcapil.Id, model.Ranking[0].OpdId);
    }

    [Fact]
    public async Task ListsTheWorstReadingOfEachRoomPerKindAndTheRepeatFindings()
    {
        var model = await BuildAsync(Q4);

        Assert.Equal([(Hall, "26 °C"), (HeadRoom, "25 °C")], Spots(model, HotSpotKind.Temperature));
        Assert.Equal([(Hall, "1000 ppm"), (HeadRoom, "800 ppm")], Spots(model, HotSpotKind.Co2));
        Assert.Equal([(Hall, "80 dBA")], Spots(model, HotSpotKind.Noise));
        Assert.Equal([(Toilet, "50 lx"), (Hall, "200 lx")], Spots(model, HotSpotKind.Lighting));
        Assert.Equal(await _walk.RoomIdAsync(Toilet), model.HotSpots.First(h => h.Kind == HotSpotKind.Lighting).RoomId);

        var repeat = Assert.Single(model.Repeats);
        Assert.Equal(await _walk.RoomIdAsync(Hall), repeat.RoomId);
        Assert.Equal(
            (Hall, "Kebisingan ruang pelayanan", new DateOnly(2026, 10, 5), new DateOnly(2026, 11, 16), 2),
            (repeat.Finding.RoomName, repeat.Finding.Item, repeat.Finding.PreviousVisitDate, repeat.Finding.VisitDate, repeat.Finding.ConsecutiveVisits));
    }

    [Fact]
    public async Task NarrowsEveryFigureToOneBuildingOrOneOpd()
    {
        var annex = await _dashboard.BuildAsync(_leadership, new DashboardFilter(Q4, BuildingId: _annex), ReportLanguage.Indonesian);

        Assert.Equal(Annex, annex.BuildingName);
        Assert.Equal((2, 1, 3, 5, 4, 4, 1), (annex.Current.Visits, annex.Current.Opds, annex.Current.Rooms, annex.Current.Findings, annex.Current.TasksOpened, annex.Current.TasksOpen, annex.Current.TasksOverdue));
        Assert.Equal(0, annex.Current.TasksClosed);
        Assert.Equal(7.0 / 11, annex.Current.ComfortIndex!.Value, precision: 6);
        Assert.Equal(0, annex.Previous.Visits);
        Assert.Equal(["Disdukcapil"], annex.Ranking.Select(r => r.OpdShortName));
        Assert.DoesNotContain(annex.HotSpots, h => h.Reading.RoomName == HeadRoom);

        var opd = await _dashboard.BuildAsync(_leadership, new DashboardFilter(Q4, OpdId: _bappelitbang.Id), ReportLanguage.English);
        Assert.Equal(_bappelitbang.Name, opd.OpdName);
        Assert.Equal((1, 1, 0, 1, 0), (opd.Current.Visits, opd.Current.Rooms, opd.Current.Findings, opd.Current.TasksClosed, opd.Current.TasksOpen));
        Assert.Equal(1.0, opd.Current.ComfortIndex!.Value, precision: 6);
        Assert.Equal(0.5, opd.Previous.ComfortIndex!.Value, precision: 6);
        Assert.Empty(opd.Repeats);
    }

    [Fact]
    public async Task ReadsAMonthAndAYearAgainstTheirOwnPreviousPeriod()
    {
        var november = await BuildAsync(WibPeriod.Of(new WibMonth(2026, 11)));
        Assert.Equal((2, 3, 3, 3), (november.Current.Visits, november.Current.Rooms, november.Current.Findings, november.Current.TasksOpened));
        Assert.Equal(7.0 / 9, november.Current.ComfortIndex!.Value, precision: 6);
        Assert.Equal((1, 2, 1), (november.Previous.Visits, november.Previous.Findings, november.Previous.TasksClosed));
        Assert.Equal(((2025, 12), (2026, 11)), ((november.Trend[0].Year, november.Trend[0].Month), (november.Trend[11].Year, november.Trend[11].Month)));

        var year = await BuildAsync(WibPeriod.OfYear(2026));
        Assert.Equal((4, 6, 5, 1), (year.Current.Visits, year.Current.Findings, year.Current.TasksOpened, year.Current.TasksClosed));
        Assert.Equal(16.0 / 23, year.Current.ComfortIndex!.Value, precision: 6);
        Assert.Equal(0, year.Previous.Visits);
        Assert.Null(year.Previous.ComfortIndex);
    }

    [Fact]
    public async Task GivesAPeriodWithoutVisitsAsEmptyNotAsGoodNews()
    {
        var model = await BuildAsync(WibPeriod.Quarter(2026, 2));

        Assert.False(model.HasVisits);
        Assert.Equal((0, 0, 0), (model.Current.Visits, model.Current.Findings, model.Current.TasksOpened));
        Assert.Null(model.Current.ComfortIndex);
        Assert.Null(model.Current.MedianDaysToClose);
        Assert.Empty(model.Ranking);
        Assert.Empty(model.HotSpots);
        Assert.Empty(model.Repeats);
        Assert.Empty(model.FindingsByArea);
    }

    [Fact]
    public async Task OpensToLeadershipTheSecretariatAndAdministratorsOnly()
    {
        Assert.True((await _dashboard.BuildAsync(_secretariat, new DashboardFilter(Q4), ReportLanguage.Indonesian)).HasVisits);
        Assert.True((await _dashboard.BuildAsync(_admin, new DashboardFilter(Q4), ReportLanguage.Indonesian)).HasVisits);
        Assert.Equal(VisitAccess.DeniedCode, (await Assert.ThrowsAsync<DomainException>(() => _dashboard.BuildAsync(_inspector, new DashboardFilter(Q4), ReportLanguage.Indonesian))).Code);
        Assert.Equal(VisitAccess.DeniedCode, (await Assert.ThrowsAsync<DomainException>(() => _dashboard.BuildAsync(_repair, new DashboardFilter(Q4), ReportLanguage.Indonesian))).Code);
        Assert.Equal(VisitAccess.DeniedCode, (await Assert.ThrowsAsync<DomainException>(() => _dashboard.GetOptionsAsync(_repair))).Code);
    }

    [Fact]
    public async Task RefusesAnUnknownOpdOrBuildingWithAMessage()
    {
        var opd = await Assert.ThrowsAsync<DomainException>(() => _dashboard.BuildAsync(_leadership, new DashboardFilter(Q4, OpdId: Guid.NewGuid()), ReportLanguage.Indonesian));
        Assert.Equal((DashboardService.OpdNotFoundCode, "OPD tidak ditemukan."), (opd.Code, opd.Message));
        var building = await Assert.ThrowsAsync<DomainException>(() => _dashboard.BuildAsync(_leadership, new DashboardFilter(Q4, BuildingId: Guid.NewGuid()), ReportLanguage.Indonesian));
        Assert.Equal(DashboardService.BuildingNotFoundCode, building.Code);
    }

    [Fact]
    public async Task TheListBehindEachNumberHoldsAsManyTasksAsTheNumberSays()
    {
        var model = await BuildAsync(Q4);
        var disdukcapil = model.Ranking.Single(r => r.OpdShortName == "Disdukcapil");

        // Every finding has its task from the visit's submission on, dismissed drafts included: the findings are listed by it.
        Assert.Equal(model.Current.Findings, await CountAsync(new TaskListFilter(FoundIn: Q4)));
        Assert.Equal(model.FindingsByArea.Single(a => a.Area == InspectionArea.Comfort).Count, await CountAsync(new TaskListFilter(Area: InspectionArea.Comfort, FoundIn: Q4)));
        Assert.Equal(model.Current.FindingsBySeverity.Single(s => s.Severity == Severity.Critical).Count, await CountAsync(new TaskListFilter(Severity: Severity.Critical, FoundIn: Q4)));
        Assert.Equal(model.Current.TasksOpened, await CountAsync(new TaskListFilter(OpenedIn: Q4)));
        Assert.Equal(model.Current.TasksClosed, await CountAsync(new TaskListFilter(ClosedIn: Q4)));
        Assert.Equal(model.Current.TasksOpen, await CountAsync(new TaskListFilter(NotClosedOnly: true)));
        Assert.Equal(model.Current.TasksOverdue, await CountAsync(new TaskListFilter(OverdueOnly: true)));
        Assert.Equal(disdukcapil.Findings, await CountAsync(new TaskListFilter(OpdId: disdukcapil.OpdId, FoundIn: Q4)));
        Assert.Equal(disdukcapil.OpenTasks, await CountAsync(new TaskListFilter(OpdId: disdukcapil.OpdId, NotClosedOnly: true)));
        Assert.Equal(model.Trend[7].Findings, await CountAsync(new TaskListFilter(FoundIn: WibPeriod.Of(new WibMonth(2026, 8)))));
        Assert.Equal(0, await CountAsync(new TaskListFilter(FoundIn: WibPeriod.Quarter(2026, 2))));
    }

    [Fact]
    public async Task OffersEveryOpdAndBuildingAsAFilter()
    {
        var options = await _dashboard.GetOptionsAsync(_leadership);

        Assert.Contains(options.Opds, o => o.Id == _disdukcapil.Id.ToString() && o.Text == _disdukcapil.Name);
        Assert.Equal(2, options.Buildings.Count);
        Assert.Contains(options.Buildings, b => b.Id == _annex.ToString() && b.Text == Annex);
    }

    private static List<(string Room, string Reading)> Spots(DashboardModel model, HotSpotKind kind) =>
        model.HotSpots.Where(h => h.Kind == kind).Select(h => (h.Reading.RoomName, h.Reading.Reading)).ToList();

    private static ProcessedPhoto Photo() => PhotoProcessor.Process(TestImages.Jpeg(320, 240));

    private async Task<int> CountAsync(TaskListFilter filter) => (await _walk.FollowUps.ListAsync(_leadership, filter)).Total;

    private Task<DashboardModel> BuildAsync(WibPeriod period) => _dashboard.BuildAsync(_leadership, new DashboardFilter(period), ReportLanguage.Indonesian);

    private async Task HistoryAsync()
    {
        var head = await _walk.RoomIdAsync(HeadRoom);
        var hall = await _walk.RoomIdAsync(Hall);
        var toilet = await _walk.RoomIdAsync(Toilet);

        // 10 August 09.00 WIB.
        await SubmitAsync(_bappelitbang, [head], async v =>
        {
            await _walk.ReadingAsync(_inspector, v, head, "HEAT-WORK", 27);
            await _walk.ReadingAsync(_inspector, v, head, "VEN-CO2", 800);
        });
        var heatTask = await _walk.TaskAsync(d => d.StartsWith("Suhu ruang kerja", StringComparison.Ordinal));
        var assigned = await _walk.FollowUps.AssignAsync(_secretariat, new AssignRequest(heatTask, await _walk.VersionAsync(heatTask), _technicalUnit, null, TaskPriority.High, new DateOnly(2026, 8, 20)));

        // 5 October 09.00 WIB.
        _clock.SetUtcNow(new DateTimeOffset(2026, 10, 5, 2, 0, 0, TimeSpan.Zero));
        await SubmitAsync(_disdukcapil, [hall], async v =>
        {
            await _walk.ReadingAsync(_inspector, v, hall, "HEAT-WORK", 26);
            await _walk.ReadingAsync(_inspector, v, hall, "VEN-CO2", 1000);
            await _walk.ReadingAsync(_inspector, v, hall, "COM-NOISE-HALL", 80);
            await _walk.ReadingAsync(_inspector, v, hall, "COM-COUNTER-LIGHT", 200);
        });
        var noiseTask = await _walk.TaskAsync(d => d.StartsWith("Kebisingan", StringComparison.Ordinal));
        await _walk.FollowUps.AssignAsync(_secretariat, new AssignRequest(noiseTask, await _walk.VersionAsync(noiseTask), _technicalUnit, null, TaskPriority.Normal, new DateOnly(2026, 10, 15)));
        var lightTask = await _walk.TaskAsync(d => d.StartsWith("Pencahayaan", StringComparison.Ordinal));
        await _walk.FollowUps.DismissAsync(_secretariat, lightTask, await _walk.VersionAsync(lightTask), "Lampu sudah diganti saat peninjauan");

        // August's task: repaired and verified on 6 October 11.00 WIB.
        _clock.SetUtcNow(new DateTimeOffset(2026, 10, 6, 4, 0, 0, TimeSpan.Zero));
        var started = await _walk.FollowUps.StartWorkAsync(_repair, heatTask, assigned.Task.Version);
        await _walk.FollowUps.AddPhotoAsync(_repair, heatTask, PhotoKind.After, Photo());
        await _walk.FollowUps.MarkDoneAsync(_repair, heatTask, started.Task.Version, "AC diservis");
        await _walk.FollowUps.AddPhotoAsync(_inspector, heatTask, PhotoKind.Verification, Photo());
        await _walk.FollowUps.VerifyAsync(_inspector, heatTask, await _walk.VersionAsync(heatTask), "Sudah sejuk");

        // 16 November 09.00 WIB.
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 16, 2, 0, 0, TimeSpan.Zero));
        await SubmitAsync(_bappelitbang, [head], async v =>
        {
            await _walk.ReadingAsync(_inspector, v, head, "HEAT-WORK", 25);
            await _walk.ReadingAsync(_inspector, v, head, "VEN-CO2", 800);
        });
        await SubmitAsync(_disdukcapil, [toilet, hall], async v =>
        {
            await _walk.ReadingAsync(_inspector, v, toilet, "TOI-LIGHT", 50);
            await _walk.ReadingAsync(_inspector, v, hall, "COM-NOISE-HALL", 78);
            await _walk.ReadingAsync(_inspector, v, hall, "COM-COUNTER-LIGHT", 350);
            await _walk.Inspections.AddAdHocFindingAsync(_inspector, v, hall, new AdHocFindingRequest(InspectionArea.Safety, Severity.Critical, "Stopkontak terbakar"));
        });

        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 2, 0, 0, TimeSpan.Zero));
    }

    private Task<Guid> SubmitAsync(Opd opd, IReadOnlyList<Guid> roomIds, Func<Guid, Task> record) =>
        _walk.SubmitVisitAsync(_inspector, opd, Wib.Today(_clock), record, roomIds: roomIds);
}

public sealed class SqliteDashboardServiceTests() : DashboardServiceTests(DatabaseProvider.Sqlite);

public sealed class PostgresDashboardServiceTests() : DashboardServiceTests(DatabaseProvider.Postgres);
