using System.Globalization;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Reports;

namespace BalaiKota.Reporting;

/// <summary>
/// Every fixed word the reports print, in Indonesian and English, in one place: page furniture, headings and labels;
/// the names of areas, severities, outcomes and statuses are the exports' and the app's (<see cref="ReportWords"/>).
/// Free text in a model is already in the report's language.
/// </summary>
public sealed class ReportText
{
    public const string Government = "Pemerintah Kota Bandung";
    public const string Author = "Pemerintah Kota Bandung — BalaiKota";
    public const string Missing = "–";

    public static ReportText Indonesian { get; } = new()
    {
        Language = ReportLanguage.Indonesian,
        Culture = ReportCulture.Of(ReportLanguage.Indonesian),
        PageOf = "Halaman {0} dari {1}",
        GeneratedAt = "Dibuat {0} WIB",
        None = "Tidak ada.",
        VisitTitle = "Laporan Hasil Peninjauan",
        VisitSubject = "Hasil peninjauan fasilitas {0}, {1}",
        Opd = "OPD",
        VisitDate = "Tanggal peninjauan",
        DateLabel = "Tanggal",
        LeadInspector = "Ketua tim",
        Team = "Anggota tim",
        Officials = "Pejabat pendamping",
        Template = "Templat daftar periksa",
        TemplateVersion = "{0} (versi {1})",
        SubmittedAt = "Diserahkan",
        Summary = "Ringkasan",
        RoomsInspected = "Ruangan diperiksa",
        ItemsAnswered = "Butir diperiksa",
        AdHocFindings = "Temuan di luar daftar periksa",
        NotOkByArea = "Butir tidak OK per bidang",
        Area = "Bidang",
        Count = "Jumlah",
        RoomResults = "Hasil per ruangan",
        RoomHeading = "{0} — {1}, lantai {2} ({3})",
        Item = "Butir",
        AnswerReading = "Jawaban/Hasil ukur",
        Standard = "Standar",
        Outcome = "Hasil",
        Note = "Catatan: {0}",
        Findings = "Temuan",
        FindingHeading = "Temuan {0} — {1}",
        Room = "Ruangan",
        SeverityLabel = "Tingkat",
        AdHoc = "(di luar daftar periksa)",
        Description = "Uraian",
        FollowUps = "Tindak lanjut",
        FindingNumber = "No.",
        Status = "Status",
        Unit = "Unit",
        DueDate = "Tenggat",
        AwaitingTriage = "Belum ditentukan",
        Signatures = "Pengesahan",
        LeadSignatureRole = "Ketua tim peninjau",
        OpdSignatureRole = "Perwakilan OPD",
        NotSigned = "(belum ditandatangani)",
        SignedAt = "Ditandatangani {0} WIB",
        MonthlyTitle = "Laporan Bulanan Peninjauan Fasilitas",
        MonthlySubject = "Peninjauan fasilitas {0}, {1}",
        AllOpds = "Seluruh OPD",
        KeyFigures = "Angka utama",
        Figure = "Ukuran",
        ThisMonth = "Bulan ini",
        PreviousMonth = "Bulan lalu",
        Change = "Perubahan",
        Visits = "Kunjungan",
        Opds = "OPD ditinjau",
        Rooms = "Ruangan",
        FindingsTotal = "Temuan",
        FindingsOfSeverity = "Temuan {0}",
        TasksOpened = "Tindak lanjut dibuka",
        TasksClosed = "Tindak lanjut ditutup",
        TasksOverdue = "Tindak lanjut lewat tenggat",
        MedianDaysToClose = "Median hari sampai selesai",
        ComfortIndex = "Indeks kenyamanan",
        Charts = "Grafik",
        FindingsByArea = "Temuan per bidang",
        FindingsByOpd = "Temuan per OPD",
        FindingsTrend = "Temuan, 12 bulan terakhir",
        ComfortTrend = "Indeks kenyamanan (%), 12 bulan terakhir",
        ComfortByOpd = "Indeks kenyamanan (%) per OPD",
        Ranking = "Peringkat OPD",
        RankingNote = "Peringkat 1 adalah OPD yang paling tidak nyaman.",
        Rank = "Peringkat",
        OpenTasks = "Terbuka",
        OverdueTasksShort = "Lewat tenggat",
        HottestRooms = "Ruangan terpanas",
        HighestCo2 = "Ruangan dengan CO₂ tertinggi",
        Reading = "Hasil ukur",
        RepeatFindings = "Temuan berulang",
        PreviousVisit = "Kunjungan sebelumnya",
        ThisVisit = "Kunjungan ini",
        ConsecutiveVisits = "Beruntun",
        OverdueTasks = "Tindak lanjut lewat tenggat",
        DaysOverdue = "Hari terlambat",
        VerifiedRepairs = "Perbaikan terverifikasi: sebelum dan sesudah",
        Before = "Sebelum",
        After = "Sesudah",
        VerifiedOn = "diverifikasi {0}",
        Appendix = "Lampiran",
        AllFindings = "Lampiran A. Seluruh temuan bulan ini",
        AllTasks = "Lampiran B. Seluruh tindak lanjut bulan ini",
        Opened = "Dibuka",
        Closed = "Ditutup",
        NoVisits = "Tidak ada kunjungan peninjauan pada bulan {0}.",
        NoVisitsDetail = "Karena itu laporan ini tidak memuat temuan, grafik, maupun peringkat. Angka tindak lanjut di bawah berasal dari tugas yang sudah ada.",
        Percent = "{0:0.0} %",
    };

    public static ReportText English { get; } = new()
    {
        Language = ReportLanguage.English,
        Culture = ReportCulture.Of(ReportLanguage.English),
        PageOf = "Page {0} of {1}",
        GeneratedAt = "Generated {0} WIB",
        None = "None.",
        VisitTitle = "Facility Inspection Report",
        VisitSubject = "Facility inspection of {0}, {1}",
        Opd = "OPD",
        VisitDate = "Date of visit",
        DateLabel = "Date",
        LeadInspector = "Lead inspector",
        Team = "Team",
        Officials = "Accompanying officials",
        Template = "Checklist template",
        TemplateVersion = "{0} (version {1})",
        SubmittedAt = "Submitted",
        Summary = "Summary",
        RoomsInspected = "Rooms inspected",
        ItemsAnswered = "Items answered",
        AdHocFindings = "Ad hoc findings",
        NotOkByArea = "Items not OK by area",
        Area = "Area",
        Count = "Count",
        RoomResults = "Results by room",
        RoomHeading = "{0} — {1}, floor {2} ({3})",
        Item = "Item",
        AnswerReading = "Answer/Reading",
        Standard = "Standard",
        Outcome = "Outcome",
        Note = "Note: {0}",
        Findings = "Findings",
        FindingHeading = "Finding {0} — {1}",
        Room = "Room",
        SeverityLabel = "Severity",
        AdHoc = "(ad hoc)",
        Description = "Description",
        FollowUps = "Follow-up tasks",
        FindingNumber = "No.",
        Status = "Status",
        Unit = "Unit",
        DueDate = "Due",
        AwaitingTriage = "Not yet chosen",
        Signatures = "Signatures",
        LeadSignatureRole = "Lead inspector",
        OpdSignatureRole = "OPD representative",
        NotSigned = "(not signed)",
        SignedAt = "Signed {0} WIB",
        MonthlyTitle = "Monthly Facility Inspection Report",
        MonthlySubject = "Facility inspections of {0}, {1}",
        AllOpds = "All OPDs",
        KeyFigures = "Key figures",
        Figure = "Figure",
        ThisMonth = "This month",
        PreviousMonth = "Previous month",
        Change = "Change",
        Visits = "Visits",
        Opds = "OPDs inspected",
        Rooms = "Rooms",
        FindingsTotal = "Findings",
        FindingsOfSeverity = "Findings {0}",
        TasksOpened = "Tasks opened",
        TasksClosed = "Tasks closed",
        TasksOverdue = "Tasks overdue",
        MedianDaysToClose = "Median days to close",
        ComfortIndex = "Comfort index",
        Charts = "Charts",
        FindingsByArea = "Findings by area",
        FindingsByOpd = "Findings by OPD",
        FindingsTrend = "Findings, last 12 months",
        ComfortTrend = "Comfort index (%), last 12 months",
        ComfortByOpd = "Comfort index (%) by OPD",
        Ranking = "OPD ranking",
        RankingNote = "Rank 1 is the least comfortable OPD.",
        Rank = "Rank",
        OpenTasks = "Open",
        OverdueTasksShort = "Overdue",
        HottestRooms = "Hottest rooms",
        HighestCo2 = "Rooms with the highest CO₂",
        Reading = "Reading",
        RepeatFindings = "Repeat findings",
        PreviousVisit = "Previous visit",
        ThisVisit = "This visit",
        ConsecutiveVisits = "In a row",
        OverdueTasks = "Overdue follow-up tasks",
        DaysOverdue = "Days overdue",
        VerifiedRepairs = "Verified repairs: before and after",
        Before = "Before",
        After = "After",
        VerifiedOn = "verified {0}",
        Appendix = "Appendix",
        AllFindings = "Appendix A. Every finding of the month",
        AllTasks = "Appendix B. Every follow-up task of the month",
        Opened = "Opened",
        Closed = "Closed",
        NoVisits = "There were no inspection visits in {0}.",
        NoVisitsDetail = "This report therefore has no findings, charts or ranking. The follow-up figures below come from tasks that already existed.",
        Percent = "{0:0.0}%",
    };

    public required ReportLanguage Language { get; init; }

    public required CultureInfo Culture { get; init; }
    public required string PageOf { get; init; }
    public required string GeneratedAt { get; init; }
    public required string None { get; init; }
    public required string VisitTitle { get; init; }
    public required string VisitSubject { get; init; }
    public required string Opd { get; init; }
    public required string VisitDate { get; init; }
    public required string DateLabel { get; init; }
    public required string LeadInspector { get; init; }
    public required string Team { get; init; }
    public required string Officials { get; init; }
    public required string Template { get; init; }
    public required string TemplateVersion { get; init; }
    public required string SubmittedAt { get; init; }
    public required string Summary { get; init; }
    public required string RoomsInspected { get; init; }
    public required string ItemsAnswered { get; init; }
    public required string AdHocFindings { get; init; }
    public required string NotOkByArea { get; init; }
    public required string Area { get; init; }
    public required string Count { get; init; }
    public required string RoomResults { get; init; }
    public required string RoomHeading { get; init; }
    public required string Item { get; init; }
    public required string AnswerReading { get; init; }
    public required string Standard { get; init; }
    public required string Outcome { get; init; }
    public required string Note { get; init; }
    public required string Findings { get; init; }
    public required string FindingHeading { get; init; }
    public required string Room { get; init; }
    public required string SeverityLabel { get; init; }
    public required string AdHoc { get; init; }
    public required string Description { get; init; }
    public required string FollowUps { get; init; }
    public required string FindingNumber { get; init; }
    public required string Status { get; init; }
    public required string Unit { get; init; }
    public required string DueDate { get; init; }
    public required string AwaitingTriage { get; init; }
    public required string Signatures { get; init; }
    public required string LeadSignatureRole { get; init; }
    public required string OpdSignatureRole { get; init; }
    public required string NotSigned { get; init; }
    public required string SignedAt { get; init; }
    public required string MonthlyTitle { get; init; }
    public required string MonthlySubject { get; init; }
    public required string AllOpds { get; init; }
    public required string KeyFigures { get; init; }
    public required string Figure { get; init; }
    public required string ThisMonth { get; init; }
    public required string PreviousMonth { get; init; }
    public required string Change { get; init; }
    public required string Visits { get; init; }
    public required string Opds { get; init; }
    public required string Rooms { get; init; }
    public required string FindingsTotal { get; init; }
    public required string FindingsOfSeverity { get; init; }
    public required string TasksOpened { get; init; }
    public required string TasksClosed { get; init; }
    public required string TasksOverdue { get; init; }
    public required string MedianDaysToClose { get; init; }
    public required string ComfortIndex { get; init; }
    public required string Charts { get; init; }
    public required string FindingsByArea { get; init; }
    public required string FindingsByOpd { get; init; }
    public required string FindingsTrend { get; init; }
    public required string ComfortTrend { get; init; }
    public required string ComfortByOpd { get; init; }
    public required string Ranking { get; init; }
    public required string RankingNote { get; init; }
    public required string Rank { get; init; }
    public required string OpenTasks { get; init; }
    public required string OverdueTasksShort { get; init; }
    public required string HottestRooms { get; init; }
    public required string HighestCo2 { get; init; }
    public required string Reading { get; init; }
    public required string RepeatFindings { get; init; }
    public required string PreviousVisit { get; init; }
    public required string ThisVisit { get; init; }
    public required string ConsecutiveVisits { get; init; }
    public required string OverdueTasks { get; init; }
    public required string DaysOverdue { get; init; }
    public required string VerifiedRepairs { get; init; }
    public required string Before { get; init; }
    public required string After { get; init; }
    public required string VerifiedOn { get; init; }
    public required string Appendix { get; init; }
    public required string AllFindings { get; init; }
    public required string AllTasks { get; init; }
    public required string Opened { get; init; }
    public required string Closed { get; init; }
    public required string NoVisits { get; init; }
    public required string NoVisitsDetail { get; init; }
    public required string Percent { get; init; }

    public static ReportText For(ReportLanguage language) => language == ReportLanguage.English ? English : Indonesian;

    public string Name(InspectionArea area) => ReportWords.Name(area, Language);

    public string Name(Severity severity) => ReportWords.Name(severity, Language);

    public string Name(AnswerOutcome outcome) => ReportWords.Name(outcome, Language);

    public string Name(FollowUpStatus status) => ReportWords.Name(status, Language);

    public string Name(FindingStatus status) => ReportWords.Name(status, Language);

    public string Name(RoomType type) => ReportWords.Name(type, Language);

    public string Format(string format, params object?[] args) => string.Format(Culture, format, args);

    public string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    public string Date(DateOnly? date) => date is { } value ? Date(value) : Missing;

    public string ShortDate(DateOnly date) => date.ToString("dd/MM/yyyy", Culture);

    public string ShortDate(DateOnly? date) => date is { } value ? ShortDate(value) : Missing;

    /// <summary>A UTC instant as WIB wall-clock time, without the zone name (the caller's wording adds "WIB").</summary>
    public string DateTime(DateTime utc) => Wib.ToWib(utc).ToString("d MMMM yyyy, HH:mm", Culture);

    public string Month(int year, int month) => new DateOnly(year, month, 1).ToString("MMMM yyyy", Culture);

    public string ShortMonth(int year, int month) => new DateOnly(year, month, 1).ToString("MMM yy", Culture);

    public string Number(int value) => value.ToString("N0", Culture);

    public string Number(double? value) => value is { } v ? v.ToString("0.0", Culture) : Missing;

    /// <summary>A 0–1 share as a percentage ("72,5 %").</summary>
    public string Percentage(double? share) => share is { } v ? Format(Percent, v * 100) : Missing;
}
