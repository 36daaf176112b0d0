using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Visits;

namespace BalaiKota.Core.Features.Reports;

/// <summary>The edition of a report. Free text in a model (item labels, bands, readings) is already in this language;
/// the document words its own headings and the names of statuses, areas and severities.</summary>
public enum ReportLanguage
{
    Indonesian,
    English,
}

/// <summary>A photo as a report prints it: the stored JPEG (the thumbnail is enough for a printed grid cell).</summary>
public sealed record ReportPhoto(byte[] Jpeg, int Width, int Height, string Caption);

public sealed record AreaCount(InspectionArea Area, int Count);

public sealed record SeverityCount(Severity Severity, int Count);

// ---------------------------------------------------------------- visit report

/// <summary>Everything "Laporan Hasil Peninjauan" prints for one submitted visit.</summary>
public sealed record VisitReportModel(
    ReportLanguage Language,
    Guid VisitId,
    string OpdName,
    DateOnly VisitDate,
    DateTime? StartedAtUtc,
    DateTime SubmittedAtUtc,
    string LeadInspectorName,
    IReadOnlyList<string> TeamNames,
    IReadOnlyList<AccompanyingOfficial> Officials,
    string TemplateName,
    int TemplateVersion,
    IReadOnlyList<VisitReportRoom> Rooms,
    IReadOnlyList<VisitReportFinding> Findings,
    IReadOnlyList<VisitReportTask> Tasks,
    VisitReportSummary Summary,
    VisitReportSignature LeadSignature,
    VisitReportSignature OpdSignature,
    DateTime GeneratedAtUtc);

public sealed record VisitReportRoom(string Name, string BuildingName, int Floor, RoomType Type, IReadOnlyList<VisitReportAnswer> Answers);

/// <param name="Reading">A measurement or rating as typed, with its unit ("31,0 °C", "2 / 5"); null for pass/fail items.</param>
/// <param name="Standard">The acceptable band ("23–26 °C"), or empty for items without one.</param>
/// <param name="Source">The rule behind the band: the item's source code and note ("Permenkes 48/2016").</param>
public sealed record VisitReportAnswer(InspectionArea Area, string Item, string? Reading, string Standard, string Source, AnswerOutcome Outcome, string? Note);

/// <param name="Number">1, 2, … in the order printed; tasks refer to their finding by it.</param>
/// <param name="Item">The checklist item behind the finding; null for an ad hoc finding.</param>
public sealed record VisitReportFinding(int Number, string RoomName, InspectionArea Area, Severity Severity, string? Item, string Description, IReadOnlyList<ReportPhoto> Photos);

/// <param name="UnitName">The responsible unit; null while the task waits for the secretariat's triage.</param>
public sealed record VisitReportTask(int FindingNumber, string Description, FollowUpStatus Status, string? UnitName, DateOnly? DueDate);

/// <param name="Png">The signature as drawn; null if it was not given.</param>
public sealed record VisitReportSignature(string SignerName, string? Position, byte[]? Png, DateTime? SignedAtUtc);

/// <param name="Items">Answers recorded in all rooms, whatever their outcome.</param>
public sealed record VisitReportSummary(int Rooms, int Items, int Ok, int NotOk, int NotApplicable, int NotInspected, int AdHocFindings, IReadOnlyList<AreaCount> NotOkByArea);

// ---------------------------------------------------------------- monthly report

/// <summary>"Laporan Bulanan Peninjauan Fasilitas" for one WIB calendar month, optionally of one OPD.</summary>
/// <param name="OpdName">The OPD the report is narrowed to; null for the whole city hall.</param>
/// <param name="Trend">Twelve months ending with this one, oldest first.</param>
public sealed record MonthlyReportModel(
    ReportLanguage Language,
    int Year,
    int Month,
    string? OpdName,
    DateTime GeneratedAtUtc,
    KeyFigures Current,
    KeyFigures Previous,
    IReadOnlyList<AreaCount> FindingsByArea,
    IReadOnlyList<OpdFindingCount> FindingsByOpd,
    IReadOnlyList<MonthTrendPoint> Trend,
    IReadOnlyList<OpdRankingRow> Ranking,
    IReadOnlyList<ReadingRow> HottestRooms,
    IReadOnlyList<ReadingRow> HighestCo2Rooms,
    IReadOnlyList<RepeatFindingRow> RepeatFindings,
    IReadOnlyList<OverdueTaskRow> OverdueTasks,
    IReadOnlyList<RepairPhotoPair> VerifiedRepairs,
    IReadOnlyList<MonthlyFindingRow> Findings,
    IReadOnlyList<MonthlyTaskRow> Tasks)
{
    public bool HasVisits => Current.Visits > 0;
}

/// <summary>The key figures of one period (a report's month); each defined once in ReportFigures and PeriodFigures and explained in docs/figures.md.</summary>
/// <param name="TasksOpen">Tasks open at the end of the period (or now while it runs), whoever holds them.</param>
/// <param name="MedianDaysToClose">Null when no task was verified in the period.</param>
/// <param name="ComfortIndex">0–1; null when no applicable item was answered.</param>
public sealed record KeyFigures(
    int Visits,
    int Opds,
    int Rooms,
    int Findings,
    IReadOnlyList<SeverityCount> FindingsBySeverity,
    int TasksOpened,
    int TasksClosed,
    int TasksOpen,
    int TasksOverdue,
    double? MedianDaysToClose,
    double? ComfortIndex);

public sealed record OpdFindingCount(string OpdShortName, int Count);

public sealed record MonthTrendPoint(int Year, int Month, int Findings, double? ComfortIndex, int TasksOpened, int TasksClosed);

/// <param name="Rank">1 is the least comfortable OPD (worst first).</param>
public sealed record OpdRankingRow(int Rank, string OpdName, string OpdShortName, int Visits, int Rooms, int Findings, double? ComfortIndex, int OpenTasks, int OverdueTasks);

/// <param name="Reading">Formatted with its unit in the report's language ("31,2 °C").</param>
public sealed record ReadingRow(string RoomName, string OpdShortName, DateOnly VisitDate, decimal Value, string Reading, string Standard, AnswerOutcome Outcome);

/// <summary>The same room and item not OK in two consecutive submitted visits of that room.</summary>
public sealed record RepeatFindingRow(string RoomName, string OpdShortName, string Item, DateOnly PreviousVisitDate, DateOnly VisitDate, int ConsecutiveVisits);

public sealed record OverdueTaskRow(string Description, string RoomName, string OpdShortName, string? UnitName, DateOnly DueDate, int DaysOverdue, FollowUpStatus Status);

/// <summary>A repair verified in the month: the finding's photo beside the repair unit's after photo.</summary>
public sealed record RepairPhotoPair(string Description, string RoomName, string OpdShortName, DateOnly VerifiedOn, ReportPhoto Before, ReportPhoto After);

public sealed record MonthlyFindingRow(DateOnly VisitDate, string OpdShortName, string RoomName, InspectionArea Area, Severity Severity, string Description, FindingStatus Status);

public sealed record MonthlyTaskRow(string Description, string RoomName, string OpdShortName, string? UnitName, FollowUpStatus Status, DateOnly? DueDate, DateOnly OpenedOn, DateOnly? ClosedOn);
