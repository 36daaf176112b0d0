using System.Globalization;
using BalaiKota.Core.Domain;

namespace BalaiKota.Core.Features.Reports;

/// <summary>How the reports word the free text they take from the checklist: labels, readings and the rule behind a band.</summary>
public static class ReportCulture
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static CultureInfo Of(ReportLanguage language) => language == ReportLanguage.English ? English : Indonesian;

    public static string Label(ChecklistItem item, ReportLanguage language) => language == ReportLanguage.English ? item.LabelEn : item.LabelId;

    /// <summary>A measurement with its unit or a rating out of its scale; null for a pass/fail item or an answer without a number.</summary>
    public static string? Reading(ChecklistItem item, decimal? value, CultureInfo culture) => (item.AnswerType, value) switch
    {
        (AnswerType.Measurement, { } v) => $"{v.ToString("0.##", culture)} {ChecklistItem.UnitSymbol(item.Unit)}".TrimEnd(),
        (AnswerType.Rating, { } v) => $"{v.ToString("0", culture)} / {item.RatingMax}",
        _ => null,
    };

    /// <summary>The source code of the rule, with the basis letter of its note (R, S or P) when the note starts with one.</summary>
    public static string Source(ChecklistItem item) =>
        item.SourceNote is { Length: > 1 } note && note[1] == ':' && "RSP".Contains(note[0], StringComparison.Ordinal)
            ? $"{item.SourceCode} ({note[0]})"
            : item.SourceCode;
}
