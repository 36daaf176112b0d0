using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Reports;
using BalaiKota.Core.Features.Visits;
using SkiaSharp;

namespace BalaiKota.Benchmarks;

/// <summary>
/// Report models of the sizes the issue names, made up in memory so that only the document is timed: a busy month
/// (60 visits, 1,500 findings, 300 photos) and a 30-room visit with 40 photos. Texts are Indonesian and as long as the
/// inspectors' own (40–120 characters); every photo is a distinct 320×240 JPEG, as the stored thumbnails the reports print.
/// </summary>
internal static class SyntheticReports
{
    private static readonly string[] Opds =
    [
        "BKPSDM", "Bappelitbang", "BPKAD", "Bapenda", "DPMPTSP", "Disdukcapil", "Dinkes", "Disdik", "DSDABM", "Dishub",
        "DLH", "Diskominfo", "Dinsos", "DPKP", "Disbudpar", "Dispora", "Inspektorat", "Satpol PP", "Setda", "Kesbangpol",
    ];

    private static readonly string[] Rooms =
    [
        "Ruang Pelayanan Terpadu Lantai 1", "Ruang Tunggu Pemohon", "Toilet Wanita Lantai 2", "Toilet Pria Lantai 1",
        "Ruang Rapat Sekretariat", "Ruang Laktasi", "Koridor Timur", "Lobi Utama", "Ruang Kepala Bidang Anggaran",
        "Ruang Arsip", "Ruang Staf Umum dan Kepegawaian", "Ruang Rapat Paripurna Kecil",
    ];

    private static readonly string[] Subjects =
    [
        "Suhu ruangan", "Kadar CO₂", "Pencahayaan meja kerja", "Kipas angin langit-langit", "Pendingin udara (AC)",
        "Wastafel", "Kloset duduk", "Pegangan rambat tangga", "Jalur landai kursi roda", "Alat pemadam api ringan",
        "Rambu jalur evakuasi", "Kursi ruang tunggu", "Tempat sampah terpilah", "Sabun cuci tangan", "Jendela ventilasi",
    ];

    private static readonly string[] Problems =
    [
        "melebihi batas pada siang hari",
        "tidak berfungsi sejak pekan lalu",
        "rusak dan perlu diganti oleh unit teknis",
        "kotor, belum dibersihkan sesuai jadwal",
        "terhalang lemari arsip sehingga sulit dijangkau",
        "kedaluwarsa menurut label pemeriksaan terakhir",
        "bocor dan menggenangi lantai di sekitarnya",
        "tidak tersedia, pengunjung mengeluhkan hal ini",
        "terlalu redup untuk membaca dokumen",
    ];

    private static readonly string[] Details =
    [
        "",
        "; petugas sudah diberi tahu",
        ", terutama setelah pukul 13.00 WIB",
        "; mohon ditindaklanjuti sebelum kunjungan berikutnya",
        ", dilaporkan juga oleh pegawai bagian umum",
    ];

    private static readonly string[] Units = ["UPT Pemeliharaan Gedung", "Bagian Umum Setda", "Sekretariat OPD", "Unit Kebersihan"];

    public static MonthlyReportModel BusyMonth(int visits = 60, int findings = 1500, int repairPairs = 150)
    {
        var random = new Random(2026_11);
        var (year, month) = (2026, 10);
        var first = new DateOnly(year, month, 1);
        DateOnly Day() => first.AddDays(random.Next(0, 31));
        var severities = Enum.GetValues<Severity>();
        var areas = Enum.GetValues<InspectionArea>();
        var findingRows = Enumerable.Range(0, findings)
            .Select(i => new MonthlyFindingRow(Day(), Opds[i % Opds.Length], Rooms[random.Next(Rooms.Length)], areas[random.Next(areas.Length)], severities[random.Next(severities.Length)], Description(random), (FindingStatus)random.Next(3)))
            .OrderBy(f => f.VisitDate).ToList();
        var taskRows = findingRows.Select(f =>
            {
                var status = (FollowUpStatus)random.Next(8);
                var closed = status is FollowUpStatus.Verified or FollowUpStatus.Dismissed ? f.VisitDate.AddDays(random.Next(1, 20)) : (DateOnly?)null;
                return new MonthlyTaskRow(f.Description, f.RoomName, f.OpdShortName, status == FollowUpStatus.New ? null : Units[random.Next(Units.Length)], status, f.VisitDate.AddDays(14), f.VisitDate, closed);
            }).ToList();
        KeyFigures Figures(int factor) => new(
            visits * factor / 10, Opds.Length, visits * 9 * factor / 10, findings * factor / 10,
            [.. severities.Select(s => new SeverityCount(s, findings * factor / 10 / severities.Length))],
            findings * factor / 10, findings * factor / 12, 400, 180, 6.5, 0.82);
        var trend = Enumerable.Range(0, 12).Select(i => first.AddMonths(i - 11)).Select(d => new MonthTrendPoint(d.Year, d.Month, 1100 + random.Next(500), 0.75 + (random.NextDouble() * 0.15), 900, 850)).ToList();
        var ranking = Opds.Select((o, i) => new OpdRankingRow(i + 1, $"Dinas/Badan {o} Kota Bandung", o, 3, 27, findings / Opds.Length, 0.7 + (i * 0.01), 40, 9)).ToList();
        ReadingRow Reading(int i, string unit, decimal value) =>
            new(Rooms[i % Rooms.Length], Opds[i], Day(), value, $"{value:0.0} {unit}", unit == "ppm" ? "≤ 1.000 ppm" : "23–26 °C", AnswerOutcome.NotOk);
        var hottest = Enumerable.Range(0, 10).Select(i => Reading(i, "°C", 33.5m - (i * 0.3m))).ToList();
        var co2 = Enumerable.Range(0, 10).Select(i => Reading(i, "ppm", 1850m - (i * 60))).ToList();
        var repeats = Enumerable.Range(0, 50).Select(i => new RepeatFindingRow(Rooms[i % Rooms.Length], Opds[i % Opds.Length], $"{Subjects[i % Subjects.Length]} sesuai standar", Day().AddMonths(-1), Day(), 2 + (i % 3))).ToList();
        var overdue = Enumerable.Range(0, MonthlyReportService.OverdueRows).Select(i => new OverdueTaskRow(Description(random), Rooms[i % Rooms.Length], Opds[i % Opds.Length], i % 7 == 0 ? null : Units[i % Units.Length], first.AddDays(-i), 30 + i, FollowUpStatus.InProgress)).ToList();
        var repairs = Enumerable.Range(0, repairPairs).Select(i => new RepairPhotoPair(
            Description(random), Rooms[i % Rooms.Length], Opds[i % Opds.Length], Day(),
            Photo(2 * i, $"Temuan {i + 1}"), Photo((2 * i) + 1, $"Setelah perbaikan {i + 1}"))).ToList();
        return new MonthlyReportModel(
            ReportLanguage.Indonesian, year, month, null, new DateTime(2026, 11, 3, 2, 0, 0, DateTimeKind.Utc),
            Figures(10), Figures(9),
            [.. areas.Select(a => new AreaCount(a, findings / areas.Length))],
            [.. Opds.Select(o => new OpdFindingCount(o, findings / Opds.Length))],
            trend, ranking, hottest, co2, repeats, overdue, repairs, findingRows, taskRows);
    }

    /// <summary>Thirty rooms of about 20 answers (a fifth not OK, with a note), 40 findings with one photo each, their tasks, two drawn signatures.</summary>
    public static VisitReportModel LargeVisit(int rooms = 30, int answersPerRoom = 20, int findings = 40)
    {
        var random = new Random(2026_30);
        var areas = Enum.GetValues<InspectionArea>();
        var roomList = Enumerable.Range(0, rooms).Select(r => new VisitReportRoom(
            $"{Rooms[r % Rooms.Length]} {r + 1}", r < 15 ? "Gedung A" : "Gedung B", 1 + (r % 4), (RoomType)(r % 8),
            [.. Enumerable.Range(0, answersPerRoom - 2 + (r % 5)).Select(a =>
            {
                var notOk = random.NextDouble() < 0.2;
                var reading = a % 3 == 0 ? $"{24 + (random.NextDouble() * 8):0.0} °C" : null;
                return new VisitReportAnswer(
                    areas[a % areas.Length], $"{Subjects[a % Subjects.Length]} memenuhi standar kenyamanan dan keselamatan", reading,
                    reading is null ? "" : "23–26 °C", reading is null ? "" : "Permenkes 48/2016",
                    notOk ? AnswerOutcome.NotOk : AnswerOutcome.Ok, notOk ? Description(random) : null);
            })])).ToList();
        var findingList = Enumerable.Range(0, findings).Select(i => new VisitReportFinding(
            i + 1, roomList[i % rooms].Name, areas[i % areas.Length], (Severity)(i % 4), i % 10 == 9 ? null : $"{Subjects[i % Subjects.Length]} sesuai standar",
            Description(random), [Photo(1000 + i, $"Foto temuan {i + 1}")])).ToList();
        var tasks = findingList.Select(f => new VisitReportTask(f.Number, f.Description, FollowUpStatus.New, null, null)).ToList();
        var answers = roomList.SelectMany(r => r.Answers).ToList();
        var summary = new VisitReportSummary(
            rooms, answers.Count, answers.Count(a => a.Outcome == AnswerOutcome.Ok), answers.Count(a => a.Outcome == AnswerOutcome.NotOk), 0, 0, 4,
            [.. answers.Where(a => a.Outcome == AnswerOutcome.NotOk).GroupBy(a => a.Area).Select(g => new AreaCount(g.Key, g.Count()))]);
        var submitted = new DateTime(2026, 11, 20, 7, 30, 0, DateTimeKind.Utc);
        return new VisitReportModel(
            ReportLanguage.Indonesian, Guid.NewGuid(), "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", new DateOnly(2026, 11, 20),
            submitted.AddHours(-5), submitted, "Peninjau Utama", ["Peninjau Dua", "Peninjau Tiga"],
            [new AccompanyingOfficial("Ibu Sekretaris", "Sekretaris Badan")], "Daftar Periksa Fasilitas Balai Kota", 3,
            roomList, findingList, tasks, summary,
            new VisitReportSignature("Peninjau Utama", "Ketua Tim", Signature(1), submitted),
            new VisitReportSignature("Ibu Sekretaris", "Sekretaris Badan", Signature(2), submitted), submitted.AddMinutes(2));
    }

    /// <summary>"Subject problem[detail]", 40–120 characters.</summary>
    private static string Description(Random random)
    {
        var text = $"{Subjects[random.Next(Subjects.Length)]} {Rooms[random.Next(Rooms.Length)].ToLowerInvariant()} {Problems[random.Next(Problems.Length)]}{Details[random.Next(Details.Length)]}";
        return text.Length <= 120 ? text : text[..text.LastIndexOf(' ', 120)].TrimEnd(',', ';');
    }

    /// <summary>A distinct 320×240 thumbnail: a camera-like JPEG (gradients, shapes, sensor noise) from its own seed, tinted by it.</summary>
    private static ReportPhoto Photo(int seed, string caption)
    {
        using var original = SKBitmap.Decode(BalaiKota.Testing.TestImages.Photo(320, 240, seed: seed));
        using var tinted = new SKBitmap(original.Info);
        using (var canvas = new SKCanvas(tinted))
        {
            canvas.DrawBitmap(original, 0, 0);
            using var tint = new SKPaint { Color = SKColor.FromHsl(seed * 37 % 360, 70, 50).WithAlpha(70) };
            canvas.DrawRect(0, 0, 320, 240, tint);
        }

        using var data = tinted.Encode(SKEncodedImageFormat.Jpeg, 85);
        return new ReportPhoto(data.ToArray(), 320, 240, caption);
    }

    /// <summary>A pen stroke on a transparent 600×200 PNG, as the signature pad stores it.</summary>
    private static byte[] Signature(int seed)
    {
        var random = new Random(seed);
        using var bitmap = new SKBitmap(new SKImageInfo(600, 200, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Transparent);
            using var pen = new SKPaint { Color = new SKColor(20, 30, 90), StrokeWidth = 3, IsStroke = true, IsAntialias = true, StrokeCap = SKStrokeCap.Round };
            using var path = new SKPath();
            path.MoveTo(30, 120);
            for (var x = 60; x < 570; x += 30)
            {
                path.QuadTo(x - 15, random.Next(30, 170), x, random.Next(80, 150));
            }

            canvas.DrawPath(path, pen);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
