using System.IO.Compression;
using BalaiKota.Core.Data;
using BalaiKota.Core.Data.Seeding;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Exports;
using BalaiKota.Core.Features.FollowUps;
using BalaiKota.Core.Features.Reports;
using BalaiKota.Core.Features.Visits;
using BalaiKota.Core.Tests.Domain;
using BalaiKota.Testing;
using CsvHelper;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;

namespace BalaiKota.Core.Tests.Features;

/// <summary>
/// The exports on a real database, proved on each provider by the subclasses below, with visits submitted through the
/// walk-through services as in the app. The files are read back with CsvHelper and MiniExcel.
/// </summary>
public abstract class ExportServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string StaffRoom = "Ruang Kerja Staf Disdukcapil";
    private const string HeadRoom = "Ruang Kepala Bappelitbang";
    private const string Tricky = "Kabel \"terkelupas\"; berbahaya,\nsegera diganti";
    private const string Formula = "=HYPERLINK(\"http://contoh.invalid\";\"klik\")";

    private static readonly WibMonth November = new(2026, 11);

    // Monday 16 November 2026, 09.00 WIB.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 16, 2, 0, 0, TimeSpan.Zero));
    private readonly Actor _admin = Samples.Administrator;
    private readonly Actor _repair = new("pelaksana", new HashSet<string> { Roles.RepairUnit });
    private WalkThrough _walk = default!;
    private FollowUpService _followUps = default!;
    private ExportService _exports = default!;
    private Opd _opdA = default!;
    private Opd _opdB = default!;
    private Guid _technicalUnit;

    public async ValueTask InitializeAsync()
    {
        _walk = await WalkThrough.CreateAsync(provider, _clock);
        _followUps = _walk.FollowUps;
        _exports = new ExportService(_walk.Database, _clock);
        _opdA = await _walk.OpdAsync("Disdukcapil");
        _opdB = await _walk.OpdAsync("Bappelitbang");
        _technicalUnit = await _walk.AddPeopleAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _walk.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task ListsExactlyTheFindingsAndTasksOfTheWibMonthAndOfTheChosenOpd()
    {
        await MonthDataAsync();

        var findings = await _exports.FindingRowsAsync(Samples.Secretariat, November, null, ReportLanguage.Indonesian);
        Assert.Equal(["Tirai jendela sobek", Tricky, Formula, "Kran air bocor, malam terakhir"], findings.Select(f => f.Description).Where(d => !d.StartsWith("Suhu", StringComparison.Ordinal)));
        Assert.Equal(5, findings.Count);
        Assert.Equal(new DateOnly(2026, 11, 30), findings.Single(f => f.Description == "Kran air bocor, malam terakhir").VisitDate);
        var december = await _exports.FindingRowsAsync(_admin, new WibMonth(2026, 12), null, ReportLanguage.Indonesian);
        Assert.Equal(["Lampu mati, bulan berikutnya"], december.Select(f => f.Description));
        Assert.Equal(new DateOnly(2026, 12, 1), december.Single().VisitDate);

        var tasks = await _exports.TaskRowsAsync(Samples.Leadership, November, null);
        Assert.Equal(findings.Select(f => f.Description).Order(StringComparer.Ordinal), tasks.Select(t => t.Description).Order(StringComparer.Ordinal));
        Assert.Equal(["Lampu mati, bulan berikutnya"], (await _exports.TaskRowsAsync(_admin, new WibMonth(2026, 12), null)).Select(t => t.Description));

        var ofOpdB = await _exports.FindingRowsAsync(_admin, November, _opdB.Id, ReportLanguage.Indonesian);
        Assert.Equal(["Kran air bocor, malam terakhir"], ofOpdB.Select(f => f.Description));
        Assert.Equal(["Kran air bocor, malam terakhir"], (await _exports.TaskRowsAsync(_admin, November, _opdB.Id)).Select(t => t.Description));
    }

    [Fact]
    public async Task GivesTheItemReadingAndRepairOfAFindingInTheChosenLanguage()
    {
        await MonthDataAsync();

        var heat = (await _exports.FindingRowsAsync(_admin, November, _opdA.Id, ReportLanguage.English)).Single(f => f.ItemCode == "HEAT-WORK");
        Assert.Equal((31m, "°C", FindingStatus.Open, FollowUpStatus.Assigned, SampleRegistry.TechnicalUnitName, new DateOnly(2026, 11, 20)), (heat.Reading, heat.ReadingUnit, heat.Status, heat.TaskStatus, heat.UnitName, heat.DueDate));
        Assert.Equal((StaffRoom, _opdA.Name, InspectionArea.Heat), (heat.RoomName, heat.OpdName, heat.Area));
        Assert.Matches("[A-Za-z]", heat.ItemLabel!);
        var indonesian = (await _exports.FindingRowsAsync(_admin, November, _opdA.Id, ReportLanguage.Indonesian)).Single(f => f.ItemCode == "HEAT-WORK");
        Assert.NotEqual(heat.ItemLabel, indonesian.ItemLabel);
        var adHoc = (await _exports.FindingRowsAsync(_admin, November, _opdA.Id, ReportLanguage.English)).Single(f => f.Description == "Tirai jendela sobek");
        Assert.Equal((null, null, null, FollowUpStatus.New), (adHoc.ItemCode, adHoc.Reading, adHoc.ReadingUnit, adHoc.TaskStatus));
    }

    [Fact]
    public async Task RefusesMonthExportsToInspectorsAndRepairUnitsBeforeLookingUpTheOpd()
    {
        await MonthDataAsync();

        foreach (var actor in new[] { Samples.Inspector, _repair })
        {
            var findings = await Assert.ThrowsAsync<DomainException>(() => _exports.FindingsOfMonthAsync(actor, November, null, ExportFormat.Csv, ReportLanguage.Indonesian));
            Assert.Equal(VisitAccess.DeniedCode, findings.Code);
            var tasks = await Assert.ThrowsAsync<DomainException>(() => _exports.TasksOfMonthAsync(actor, November, Guid.NewGuid(), ExportFormat.Xlsx, ReportLanguage.Indonesian));
            Assert.Equal(VisitAccess.DeniedCode, tasks.Code);
        }

        var unknown = await Assert.ThrowsAsync<DomainException>(() => _exports.FindingRowsAsync(_admin, November, Guid.NewGuid(), ReportLanguage.Indonesian));
        Assert.Equal(MonthlyReportService.OpdNotFoundCode, unknown.Code);
    }

    [Fact]
    public async Task ExportsTheFollowUpsListOfAFilterWithAllItsRowsInTheListsOrder()
    {
        await MonthDataAsync();

        foreach (var filter in new[]
        {
            new TaskListFilter(OpdId: _opdA.Id, Sort: TaskSort.SeverityDesc, PageSize: 1),
            new TaskListFilter(Search: "bocor", Page: 3),
            new TaskListFilter(Status: FollowUpStatus.New, Sort: TaskSort.OldestFirst),
            new TaskListFilter(OverdueOnly: true),
        })
        {
            var listed = (await _followUps.ListAsync(Samples.Secretariat, filter with { Page = 1, PageSize = 100 })).Rows;
            var exported = await _exports.ListRowsAsync(Samples.Secretariat, filter);
            Assert.Equal(listed, exported);
        }

        Assert.Equal(5, (await _exports.ListRowsAsync(Samples.Secretariat, new TaskListFilter(OpdId: _opdA.Id))).Count);
    }

    [Fact]
    public async Task ExportsToARepairUnitOnlyTheTasksOfItsOwnUnit()
    {
        await MonthDataAsync();

        var own = await _exports.ListRowsAsync(_repair, new TaskListFilter());
        Assert.Equal([SampleRegistry.TechnicalUnitName], own.Select(t => t.UnitName).Distinct());
        Assert.Equal(["Suhu"], own.Select(t => t.Description[..4]));
        var file = await _exports.TasksOfListAsync(_repair, new TaskListFilter(), ExportFormat.Csv, ReportLanguage.Indonesian);
        Assert.Equal(own.Select(t => t.Description), ReadCsv(file.Content).Rows.Select(r => r[0]));

        var stranger = new Actor("tanpa-unit", new HashSet<string> { Roles.RepairUnit });
        var refused = await Assert.ThrowsAsync<DomainException>(() => _exports.ListRowsAsync(stranger, new TaskListFilter()));
        Assert.Equal(VisitAccess.DeniedCode, refused.Code);
    }

    [Fact]
    public async Task WritesACsvForIndonesianExcelThatReadsBackWithFormulasNeutralised()
    {
        await MonthDataAsync();

        var file = await _exports.FindingsOfMonthAsync(_admin, November, null, ExportFormat.Csv, ReportLanguage.Indonesian);

        Assert.Equal(("temuan-2026-11.csv", "text/csv; charset=utf-8"), (file.FileName, file.ContentType));
        Assert.Equal([0xEF, 0xBB, 0xBF], file.Content[..3]);
        var text = System.Text.Encoding.UTF8.GetString(file.Content);
        Assert.Contains("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotMatch("[^\r]\n(?!segera)", text);
        var (headers, rows) = ReadCsv(file.Content);
        Assert.Equal("Tanggal kunjungan", headers[0]);
        Assert.Equal(16, headers.Count);
        var description = headers.IndexOf("Uraian");
        Assert.Equal(5, rows.Count);
        Assert.Contains(rows, r => r[description] == Tricky);
        Assert.Contains(rows, r => r[description] == "'" + Formula);
        var heat = rows.Single(r => r[headers.IndexOf("Kode butir")] == "HEAT-WORK");
        Assert.Equal(("2026-11-16", "31", "°C", "Suhu", "Ditugaskan", "2026-11-20", "1"), (heat[0], heat[headers.IndexOf("Hasil ukur")], heat[headers.IndexOf("Satuan ukur")], heat[headers.IndexOf("Kategori")], heat[headers.IndexOf("Status tindak lanjut")], heat[headers.IndexOf("Tenggat")], heat[headers.IndexOf("Lantai")]));

        var english = await _exports.TasksOfMonthAsync(_admin, November, null, ExportFormat.Csv, ReportLanguage.English);
        Assert.Equal("follow-ups-2026-11.csv", english.FileName);
        var tasks = ReadCsv(english.Content);
        Assert.Equal(["Description", "OPD", "Room", "Category", "Severity", "Status", "Priority", "Responsible unit", "Assignee", "Due date", "Opened", "Closed", "Days overdue"], tasks.Headers);
        var opened = tasks.Rows.Single(r => r[0] == "Kran air bocor, malam terakhir")[10];
        Assert.Equal("2026-11-30 23:30", opened);
    }

    [Fact]
    public async Task WritesAnXlsxWithAHeaderRowRealDatesAndNumbersAndNoFormulas()
    {
        await MonthDataAsync();

        var file = await _exports.TasksOfMonthAsync(_admin, November, null, ExportFormat.Xlsx, ReportLanguage.Indonesian);

        Assert.Equal(("tindak-lanjut-2026-11.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), (file.FileName, file.ContentType));
        using var stream = new MemoryStream(file.Content);
        var rows = stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(5, rows.Count);
        Assert.Equal(["Uraian", "OPD", "Ruangan", "Kategori", "Tingkat keparahan", "Status", "Prioritas", "Unit penanggung jawab", "Petugas", "Tenggat", "Dibuka", "Ditutup", "Hari terlambat"], rows[0].Keys);
        Assert.Contains(rows, r => (string?)r["Uraian"] == Tricky);
        Assert.Contains(rows, r => (string?)r["Uraian"] == Formula);
        var heat = rows.Single(r => ((string)r["Uraian"]!).StartsWith("Suhu", StringComparison.Ordinal));
        Assert.Equal(new DateTime(2026, 11, 20), Assert.IsType<DateTime>(heat["Tenggat"]));
        Assert.Equal(new DateTime(2026, 11, 16, 9, 0, 0), Assert.IsType<DateTime>(heat["Dibuka"]));
        Assert.Equal(11d, Convert.ToDouble(heat["Hari terlambat"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Ditugaskan", heat["Status"]);

        stream.Position = 0;
        using var zip = new ZipArchive(stream);
        using var sheet = new StreamReader(zip.Entries.Single(e => e.FullName == "xl/worksheets/sheet1.xml").Open());
        var xml = await sheet.ReadToEndAsync();
        Assert.DoesNotMatch("<(\\w+:)?f[ >]", xml);
        Assert.Contains("<x:cols>", xml.Replace("<cols>", "<x:cols>", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static (List<string> Headers, List<string[]> Rows) ReadCsv(byte[] content)
    {
        using var csv = CsvReader.Create(content, new CsvReaderOptions { Separator = ';' });
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add([.. Enumerable.Range(0, csv.FieldCount).Select(csv.GetString)]);
        }

        return ([.. csv.Headers], rows);
    }

    /// <summary>
    /// November: Disdukcapil's staff room on Monday 16th (a draft, a comma-quote-newline description, a formula-looking
    /// one, and a hot room whose task goes to the technical unit, due Friday 20th), Bappelitbang's head's room at 23.30
    /// WIB on the 30th (16.30 UTC, still November); then Disdukcapil at 00.05 WIB on 1 December, where the clock stays:
    /// the hot room's task is 11 days overdue.
    /// </summary>
    private async Task MonthDataAsync()
    {
        var staff = await RoomIdAsync(StaffRoom);
        await VisitAsync(_opdA, async v =>
        {
            await AdHocAsync(v, staff, "Tirai jendela sobek");
            await AdHocAsync(v, staff, Tricky);
            await AdHocAsync(v, staff, Formula);
            await ReadingAsync(v, staff, "HEAT-WORK", 31);
        });
        var heat = await TaskAsync(d => d.StartsWith("Suhu", StringComparison.Ordinal));
        await _followUps.AssignAsync(Samples.Secretariat, new AssignRequest(heat, await VersionAsync(heat), _technicalUnit, null, TaskPriority.High, new DateOnly(2026, 11, 20)));

        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 16, 30, 0, TimeSpan.Zero));
        var head = await RoomIdAsync(HeadRoom);
        await VisitAsync(_opdB, v => AdHocAsync(v, head, "Kran air bocor, malam terakhir"));
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 17, 5, 0, TimeSpan.Zero));
        await VisitAsync(_opdA, v => AdHocAsync(v, staff, "Lampu mati, bulan berikutnya"));
    }

    private Task<Guid> VisitAsync(Opd opd, Func<Guid, Task> record) => _walk.SubmitVisitAsync(Samples.Inspector, opd, Wib.Today(_clock), record);

    private Task<Guid> AdHocAsync(Guid visitId, Guid roomId, string description) =>
        _walk.Inspections.AddAdHocFindingAsync(Samples.Inspector, visitId, roomId, new AdHocFindingRequest(InspectionArea.Safety, Severity.Medium, description));

    private Task<Guid> ReadingAsync(Guid visitId, Guid roomId, string code, decimal value) => _walk.ReadingAsync(Samples.Inspector, visitId, roomId, code, value);

    private Task<Guid> RoomIdAsync(string name) => _walk.RoomIdAsync(name);

    private Task<Guid> TaskAsync(Func<string, bool> description) => _walk.TaskAsync(description);

    private Task<int> VersionAsync(Guid taskId) => _walk.VersionAsync(taskId);
}

public sealed class SqliteExportServiceTests() : ExportServiceTests(DatabaseProvider.Sqlite);

public sealed class PostgresExportServiceTests() : ExportServiceTests(DatabaseProvider.Postgres);
