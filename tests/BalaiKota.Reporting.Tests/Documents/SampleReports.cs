using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Reports;
using BalaiKota.Core.Features.Visits;
using SkiaSharp;

namespace BalaiKota.Reporting.Tests.Documents;

/// <summary>Report models as the app would build them: a visit with several rooms, photos and signatures, a busy month and an empty one.</summary>
internal static class SampleReports
{
    public static readonly DateTime Generated = new(2026, 12, 1, 1, 30, 0, DateTimeKind.Utc);

    private static readonly string[] Opds = ["Disdik", "Dinkes", "DPMPTSP", "Bappelitbang", "Disdukcapil", "DPUPR", "Diskominfo", "BKPSDM", "Bapenda", "Dishub", "DLH", "Satpol PP"];
    private static readonly string[] Rooms = ["Ruang Pelayanan Utama", "Ruang Tunggu Lantai 1", "Toilet Pria Lantai 2", "Ruang Rapat Cempaka", "Ruang Laktasi", "Ruang Arsip"];

    public static VisitReportModel Visit(ReportLanguage language = ReportLanguage.Indonesian, bool signed = true)
    {
        var rooms = Rooms.Take(4).Select((name, r) => new VisitReportRoom(name, "Gedung Utama", r + 1, (RoomType)(r % 8),
        [
            new VisitReportAnswer(InspectionArea.Heat, "Suhu udara ruangan", $"{29 + r},5 °C", "23–26 °C", "Permenkes 48/2016", AnswerOutcome.NotOk, r == 0 ? "Pendingin ruangan mati sejak pekan lalu" : null),
            new VisitReportAnswer(InspectionArea.Ventilation, "Kadar CO₂", $"{900 + (r * 150)} ppm", "≤ 1.000 ppm", "Permenkes 48/2016", r > 0 ? AnswerOutcome.NotOk : AnswerOutcome.Ok, null),
            new VisitReportAnswer(InspectionArea.Comfort, "Kursi tunggu cukup untuk pengunjung", null, string.Empty, string.Empty, AnswerOutcome.Ok, null),
            new VisitReportAnswer(InspectionArea.Accessibility, "Jalur landai kursi roda", "1:10", "≥ 1:12", "Permen PUPR 14/2017", AnswerOutcome.NotApplicable, null),
            new VisitReportAnswer(InspectionArea.Safety, "Alat pemadam api ringan tersedia dan belum kedaluwarsa", null, string.Empty, string.Empty, AnswerOutcome.NotInspected, null),
        ])).ToList();
        var findings = rooms.Select((room, i) => new VisitReportFinding(i + 1, room.Name, i % 2 == 0 ? InspectionArea.Heat : InspectionArea.Ventilation, (Severity)(i % 4),
            i == 3 ? null : "Suhu udara ruangan", $"Temuan nomor {i + 1}: suhu di {room.Name} terlalu tinggi untuk pelayanan publik",
            [.. Enumerable.Range(1, i + 1).Select(p => Photo($"Foto {p} temuan {i + 1}", p))])).ToList();
        var tasks = findings.Select(f => new VisitReportTask(f.Number, $"Tindak lanjut {f.Number}: perbaiki pendingin ruangan di {f.RoomName}",
            (FollowUpStatus)(f.Number % 3), f.Number == 1 ? null : "UPT Pemeliharaan Gedung", f.Number == 1 ? null : new DateOnly(2026, 12, 10 + f.Number))).ToList();
        return new VisitReportModel(
            language, Guid.NewGuid(), "Dinas Pendidikan", new DateOnly(2026, 11, 20), new DateTime(2026, 11, 20, 1, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 20, 4, 45, 0, DateTimeKind.Utc),
            "Siti Rahmawati", ["Budi Santoso", "Dewi Lestari"], [new AccompanyingOfficial("Agus Pratama", "Sekretaris Dinas"), new AccompanyingOfficial("Rina Marlina", null)],
            "Daftar Periksa Fasilitas Standar", 3, rooms, findings, tasks,
            new VisitReportSummary(4, 20, 5, 7, 4, 4, 1, [new AreaCount(InspectionArea.Heat, 4), new AreaCount(InspectionArea.Ventilation, 3)]),
            new VisitReportSignature("Siti Rahmawati", "Ketua Tim Peninjau", signed ? Signature() : null, signed ? new DateTime(2026, 11, 20, 4, 40, 0, DateTimeKind.Utc) : null),
            new VisitReportSignature("Agus Pratama", "Sekretaris Dinas", null, null),
            Generated);
    }

    public static MonthlyReportModel BusyMonth(ReportLanguage language = ReportLanguage.Indonesian, int findingCount = 240, int taskCount = 160)
    {
        var severities = Enum.GetValues<Severity>().Select((s, i) => new SeverityCount(s, findingCount / (i + 2))).ToList();
        var current = new KeyFigures(38, 12, 260, findingCount, severities, taskCount, 90, 140, 17, 6.5, 0.725);
        var previous = new KeyFigures(31, 11, 214, findingCount - 25, severities, taskCount - 20, 95, 150, 21, null, 0.698);
        var findings = Enumerable.Range(1, findingCount).Select(i => new MonthlyFindingRow(new DateOnly(2026, 11, 1 + (i % 28)), Opds[i % Opds.Length], Rooms[i % Rooms.Length],
            (InspectionArea)(i % 6), (Severity)(i % 4), $"Temuan-{i:0000} ventilasi kurang dan ruangan pengap", (FindingStatus)(i % 3))).ToList();
        var tasks = Enumerable.Range(1, taskCount).Select(i => new MonthlyTaskRow($"Tugas-{i:0000} pasang kipas angin", Rooms[i % Rooms.Length], Opds[i % Opds.Length],
            i % 5 == 0 ? null : "UPT Pemeliharaan Gedung", (FollowUpStatus)(i % 8), i % 7 == 0 ? null : new DateOnly(2026, 12, 1 + (i % 28)), new DateOnly(2026, 11, 1 + (i % 28)), i % 3 == 0 ? new DateOnly(2026, 11, 29) : null)).ToList();
        var ranking = Opds.Select((opd, i) => new OpdRankingRow(i + 1, $"Dinas {opd} Kota Bandung", opd, 3 + (i % 4), 20 + i, 30 - i, i == 11 ? null : 0.55 + (i * 0.03), 10 - (i % 5), i % 4)).ToList();
        return new MonthlyReportModel(
            language, 2026, 11, null, Generated, current, previous,
            [.. Enum.GetValues<InspectionArea>().Select((a, i) => new AreaCount(a, 10 + (i * 7)))],
            [.. Opds.Select((o, i) => new OpdFindingCount(o, 5 + (i * 3)))],
            [.. Enumerable.Range(0, 12).Select(i => new MonthTrendPoint(i < 10 ? 2025 + ((i + 11) / 12) : 2026, ((i + 11) % 12) + 1, 150 + (i * 9), i == 4 ? null : 0.62 + (i * 0.01), 120 + i, 110 + i))],
            ranking,
            [.. Enumerable.Range(0, 5).Select(i => new ReadingRow(Rooms[i], Opds[i], new DateOnly(2026, 11, 3 + i), 33.4m - i, $"{33.4 - i:0.0} °C".Replace('.', ','), "23–26 °C", AnswerOutcome.NotOk))],
            [.. Enumerable.Range(0, 5).Select(i => new ReadingRow(Rooms[i], Opds[i + 1], new DateOnly(2026, 11, 4 + i), 1850 - (i * 100), $"{1850 - (i * 100)} ppm", "≤ 1.000 ppm", AnswerOutcome.NotOk))],
            [.. Enumerable.Range(0, 4).Select(i => new RepeatFindingRow(Rooms[i], Opds[i], "Suhu udara ruangan", new DateOnly(2026, 10, 10 + i), new DateOnly(2026, 11, 10 + i), 2 + i))],
            [.. Enumerable.Range(1, 6).Select(i => new OverdueTaskRow($"Terlambat-{i:00} perbaiki exhaust fan toilet", Rooms[i % Rooms.Length], Opds[i], i == 2 ? null : "UPT Pemeliharaan Gedung", new DateOnly(2026, 11, 5 + i), 25 - i, FollowUpStatus.Assigned))],
            [.. Enumerable.Range(1, 3).Select(i => new RepairPhotoPair($"Perbaikan-{i} pendingin ruangan", Rooms[i], Opds[i], new DateOnly(2026, 11, 20 + i), Photo($"Sebelum {i}", i), Photo($"Sesudah {i}", i + 3)))],
            findings,
            tasks);
    }

    public static MonthlyReportModel EmptyMonth(ReportLanguage language = ReportLanguage.Indonesian)
    {
        var none = new KeyFigures(0, 0, 0, 0, [], 0, 2, 7, 5, null, null);
        return new MonthlyReportModel(language, 2026, 12, "Dinas Perhubungan", Generated, none, none with { Visits = 4 }, [], [], [], [], [], [], [],
            [new OverdueTaskRow("Terlambat-kosong ganti lampu ruang tunggu", "Ruang Tunggu", "Dishub", "UPT Pemeliharaan Gedung", new DateOnly(2026, 11, 1), 30, FollowUpStatus.InProgress)],
            [], [], []);
    }

    /// <summary>A small JPEG like a stored thumbnail: a wall, a window and a caption-distinct tint.</summary>
    public static ReportPhoto Photo(string caption, int seed, int width = 320, int height = 240)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor((byte)(180 + (seed * 13 % 60)), 200, 190));
            using var paint = new SKPaint { Color = new SKColor(90, 120, (byte)(150 + (seed * 23 % 100))) };
            canvas.DrawRect(width * 0.55f, height * 0.15f, width * 0.35f, height * 0.4f, paint);
            paint.Color = new SKColor(110, 80, 60);
            canvas.DrawRect(width * 0.1f, height * 0.7f, width * 0.5f, height * 0.1f, paint);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 80);
        return new ReportPhoto(data.ToArray(), width, height, caption);
    }

    private static byte[] Signature()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(400, 150, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Transparent);
            using var paint = new SKPaint { Color = new SKColor(20, 30, 90), StrokeWidth = 4, Style = SKPaintStyle.Stroke, IsAntialias = true };
            using var path = new SKPath();
            path.MoveTo(20, 110);
            path.CubicTo(80, 10, 120, 140, 180, 60);
            path.CubicTo(220, 20, 260, 130, 380, 70);
            canvas.DrawPath(path, paint);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
