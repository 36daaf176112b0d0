using BalaiKota.Core.Domain;

namespace BalaiKota.Core.Features.Exports;

public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>A file ready to leave the app: its name in the export's language, its content type and bytes.</summary>
public sealed record ExportFile(string FileName, string ContentType, byte[] Content);

/// <summary>One finding of a month as the findings export lists it.</summary>
/// <param name="VisitDate">The date of the visit, by <see cref="Domain.VisitDate"/>.</param>
/// <param name="ItemLabel">The checklist item in the export's language; null for an ad hoc finding.</param>
/// <param name="Reading">The measured or rated value behind the finding; null for pass/fail items and ad hoc findings.</param>
/// <param name="ReadingUnit">The unit of <paramref name="Reading"/> ("°C", "1–5" for a rating).</param>
/// <param name="TaskStatus">The status of the repair: the finding's task, or the task its draft was merged into.</param>
/// <param name="UnitName">The unit responsible for that repair.</param>
public sealed record FindingExportRow(
    DateOnly VisitDate,
    string OpdName,
    string BuildingName,
    string RoomName,
    int Floor,
    InspectionArea Area,
    string? ItemCode,
    string? ItemLabel,
    decimal? Reading,
    string? ReadingUnit,
    Severity Severity,
    string Description,
    FindingStatus Status,
    FollowUpStatus? TaskStatus,
    string? UnitName,
    DateOnly? DueDate);
