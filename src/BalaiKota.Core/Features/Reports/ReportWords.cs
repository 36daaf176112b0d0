using BalaiKota.Core.Domain;
namespace BalaiKota.Core.Features.Reports;

/// <summary>
/// The names of areas, severities, outcomes, statuses, priorities and room types in Indonesian and English, as the
/// PDF reports and the exports print them: the app's own wording (the Web project's SharedResource files), kept here
/// because Core and the reporting project cannot read those.
/// </summary>
public static class ReportWords
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
        [AnswerOutcome.Ok] = ("OK", "OK"),
        [AnswerOutcome.NotOk] = ("Tidak OK", "Not OK"),
        [AnswerOutcome.NotApplicable] = ("Tidak berlaku", "Not applicable"),
        [AnswerOutcome.NotInspected] = ("Tidak diperiksa", "Not inspected"),
        [RoomType.Office] = ("Ruang kerja", "Office"),
        [RoomType.ServiceHall] = ("Ruang pelayanan", "Service hall"),
        [RoomType.WaitingRoom] = ("Ruang tunggu", "Waiting room"),
        [RoomType.Toilet] = ("Toilet", "Toilet"),
        [RoomType.MeetingRoom] = ("Ruang rapat", "Meeting room"),
        [RoomType.LactationRoom] = ("Ruang laktasi", "Lactation room"),
        [RoomType.CorridorLobby] = ("Koridor/lobi", "Corridor/lobby"),
        [RoomType.Other] = ("Lainnya", "Other"),
    };

    public static string Name(Enum value, ReportLanguage language) => Pick(Names[value], language);

    public static string Pick((string Id, string En) words, ReportLanguage language) =>
        language == ReportLanguage.English ? words.En : words.Id;
}
