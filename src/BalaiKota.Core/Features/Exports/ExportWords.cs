using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Reports;

namespace BalaiKota.Core.Features.Exports;

/// <summary>
/// The words of the exports in Indonesian and English. The names of areas, severities, statuses and priorities are
/// the app's own (the Web project's SharedResource files), kept here because Core cannot read those.
/// </summary>
internal static class ExportWords
{
    private static readonly Dictionary<Enum, (string Id, string En)> Names = new()
    {
        [InspectionArea.Ventilation] = ("Ventilasi", "Ventilation"),
        [InspectionArea.Heat] = ("Suhu", "Heat"),
        [InspectionArea.Toilets] = ("Toilet", "Toilets"),
        [InspectionArea.Comfort] = ("Kenyamanan", "Comfort"),
        [InspectionArea.Accessibility] = ("Aksesibilitas", "Accessibility"),
        [InspectionArea.Safety] = ("Keselamatan", "Safety"),
        [Severity.Low] = ("Rendah", "Low"),
        [Severity.Medium] = ("Sedang", "Medium"),
        [Severity.High] = ("Tinggi", "High"),
        [Severity.Critical] = ("Kritis", "Critical"),
        [FollowUpStatus.New] = ("Draf, menunggu triase", "Draft, awaiting triage"),
        [FollowUpStatus.Assigned] = ("Ditugaskan", "Assigned"),
        [FollowUpStatus.InProgress] = ("Dikerjakan", "In progress"),
        [FollowUpStatus.HandedBack] = ("Dikembalikan", "Handed back"),
        [FollowUpStatus.Done] = ("Selesai, menunggu verifikasi", "Done, awaiting verification"),
        [FollowUpStatus.Verified] = ("Terverifikasi", "Verified"),
        [FollowUpStatus.Dismissed] = ("Ditolak", "Dismissed"),
        [FollowUpStatus.Merged] = ("Digabung", "Merged"),
        [TaskPriority.Low] = ("Rendah", "Low"),
        [TaskPriority.Normal] = ("Biasa", "Normal"),
        [TaskPriority.High] = ("Tinggi", "High"),
        [TaskPriority.Urgent] = ("Mendesak", "Urgent"),
        [FindingStatus.Open] = ("Terbuka", "Open"),
        [FindingStatus.Resolved] = ("Teratasi", "Resolved"),
        [FindingStatus.Dismissed] = ("Ditolak", "Dismissed"),
    };

    public static string Name(Enum value, ReportLanguage language) => Pick(Names[value], language);

    public static string Pick((string Id, string En) words, ReportLanguage language) =>
        language == ReportLanguage.English ? words.En : words.Id;
}
