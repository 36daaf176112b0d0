using BalaiKota.Core.Domain;
using static BalaiKota.Core.Domain.RoomType;

namespace BalaiKota.Core.Data.Seeding;

/// <summary>
/// The default checklist from docs/STANDARDS (shared design): every item names the rule behind it.
/// Basis letters in the notes: R read in the regulation, S from a secondary summary (check before
/// relying on it), P a proposal of BalaiKota with no source.
/// </summary>
public static class DefaultChecklist
{
    public const string Code = "default";

    private const string Permenkes48 = "Permenkes 48/2016";
    private const string Permenaker5 = "Permenaker 5/2018";
    private const string PermenPupr14 = "Permen PUPR 14/PRT/M/2017";
    private const string Permenpan17 = "Permenpan RB 17/2017";
    private const string Kepmenkes1405 = "Kepmenkes 1405/2002";
    private const string Ashrae = "ASHRAE 62.1";
    private const string En12464 = "EN 12464-1";
    private const string Proposal = "Usulan BalaiKota";

    private const string NoteSecondary = "S: dari ringkasan sekunder peraturan; periksa teks aslinya sebelum dijadikan dasar.";
    private const string NoteRead = "R: dibaca pada teks peraturan.";
    private const string NoteProposal = "P: usulan BalaiKota tanpa sumber peraturan.";

    private static readonly RoomType[] NotToilet = [Office, ServiceHall, WaitingRoom, MeetingRoom, LactationRoom, CorridorLobby, Other];
    private static readonly RoomType[] WorkRooms = [Office, MeetingRoom, ServiceHall, LactationRoom];
    private static readonly RoomType[] PublicWaiting = [WaitingRoom, CorridorLobby];
    private static readonly RoomType[] ServiceRooms = [ServiceHall, WaitingRoom];
    private static readonly RoomType[] Toilets = [Toilet];
    private static readonly RoomType[] Entrances = [CorridorLobby];

    public static ChecklistTemplate Build()
    {
        var template = ChecklistTemplate.CreateDraft(Code, "Daftar Periksa Fasilitas Kantor OPD");

        Add(template, InspectionArea.Ventilation, "Ventilasi", "Ventilation",
            Rating("VEN-STUFFY", "Ruangan tidak pengap", "Room is not stuffy", 1, 5, 3, NotToilet, Proposal, NoteProposal, weight: 3, severity: Severity.Medium,
                guidance: "1 = sangat pengap, 5 = segar."),
            Measure("VEN-CO2", "Kadar CO₂", "CO₂ concentration", MeasurementUnit.PartsPerMillion, null, 1100, 250, 10_000, NotToilet, Ashrae,
                "S (ASHRAE): ≤ udara luar + 700 ppm (≈ 1.100 ppm bila udara luar 400 ppm). Catat juga CO₂ udara luar di catatan.", weight: 3, severity: Severity.High),
            PassFail("VEN-OPENINGS", "Jendela/ventilasi dapat dibuka, tidak terhalang", "Windows/vents can be opened, not blocked", [], Permenkes48,
                NoteSecondary + " Ruangan tanpa AC: bukaan ≥ 15 % luas lantai.", allowNa: true),
            Measure("VEN-AIRSPEED", "Kecepatan aliran udara", "Air speed", MeasurementUnit.MetersPerSecond, 0.15m, 0.25m, 0, 10, [Office, MeetingRoom, ServiceHall, WaitingRoom], Permenkes48, NoteSecondary),
            PassFail("VEN-AC", "AC/exhaust berfungsi, filter bersih", "AC/exhaust works, filter clean", [], Proposal, NoteProposal, allowNa: true),
            PassFail("VEN-MOULD", "Bebas bau, jamur, noda lembap", "Free of odour, mould, damp stains", [], Proposal, NoteProposal));

        Add(template, InspectionArea.Heat, "Suhu", "Heat",
            Measure("HEAT-WORK", "Suhu ruang kerja", "Work-room temperature", MeasurementUnit.DegreesCelsius, 23, 26, 0, 60, WorkRooms, Permenkes48, NoteSecondary, weight: 3, severity: Severity.High),
            Measure("HEAT-LOBBY", "Suhu lobi/ruang tunggu/koridor", "Lobby/waiting/corridor temperature", MeasurementUnit.DegreesCelsius, 23, 28, 0, 60, PublicWaiting, Permenkes48, NoteSecondary, weight: 2),
            Measure("HEAT-RH", "Kelembaban relatif", "Relative humidity", MeasurementUnit.RelativeHumidityPercent, 40, 60, 0, 100, NotToilet, Kepmenkes1405, NoteSecondary),
            PassFail("HEAT-FAN", "Kipas/AC tersedia bila suhu > 28 °C", "Fan/AC available when above 28 °C", NotToilet, Permenkes48, NoteSecondary),
            PassFail("HEAT-SHADE", "Pelindung sinar matahari (tirai/film)", "Sun shading (blinds/film)", [Office, ServiceHall, WaitingRoom, MeetingRoom], Proposal, NoteProposal, allowNa: true, severity: Severity.Low));

        Add(template, InspectionArea.Toilets, "Toilet", "Toilets",
            Measure("TOI-CLOSETS", "Jumlah kloset sesuai jumlah pegawai", "Closets for the number of workers", MeasurementUnit.Count, null, null, 0, 200, Toilets, Permenaker5,
                NoteSecondary + " 1–15 pegawai: 1; 16–30: 2; 31–45: 3; 46–60: 4; 61–80: 5; 81–100: 6; lalu +1 per 40.", minimumFromHeadcount: true, weight: 2),
            PassFail("TOI-SEPARATE", "Terpisah dan bertanda pria/wanita/disabilitas", "Separate and signed men/women/disabled", Toilets, Permenaker5, NoteSecondary),
            Rating("TOI-CLEAN", "Bersih, tidak berbau", "Clean, no odour", 1, 5, 4, Toilets, Permenaker5, NoteSecondary, weight: 3, severity: Severity.High),
            PassFail("TOI-INSECTS", "Bebas lalat/serangga", "Free of flies/insects", Toilets, Permenaker5, NoteSecondary),
            PassFail("TOI-WATER", "Air bersih mengalir, saluran lancar", "Clean running water, drains flow", Toilets, Permenaker5, NoteSecondary, weight: 3, severity: Severity.High),
            PassFail("TOI-SUPPLIES", "Sabun, wastafel, tempat sampah, alat bilas; tempat pembalut di toilet wanita", "Soap, basin, bin, rinse; sanitary bin in women's toilet", Toilets, Permenaker5, NoteSecondary),
            Measure("TOI-LIGHT", "Penerangan toilet", "Toilet lighting", MeasurementUnit.Lux, 100, null, 0, 100_000, Toilets, Permenaker5, NoteSecondary),
            PassFail("TOI-SCHEDULE", "Jadwal kebersihan harian terpasang", "Daily cleaning schedule posted", Toilets, Proposal, "P: usulan BalaiKota (kebersihan harian sendiri bersumber S).", severity: Severity.Low),
            PassFail("TOI-CUBICLE", "Ukuran bilik ≥ 80 × 155 cm, pintu ≥ 70 cm", "Cubicle ≥ 80 × 155 cm, door ≥ 70 cm", Toilets, PermenPupr14, NoteSecondary));

        Add(template, InspectionArea.Comfort, "Kenyamanan", "Comfort",
            PassFail("COM-SEATS", "Ruang tunggu, kursi cukup", "Waiting room with enough seats", ServiceRooms, PermenPupr14, NoteRead + " Ruang tunggu wajib tersedia; catat jumlah kursi di catatan."),
            Measure("COM-NOISE-HALL", "Kebisingan ruang pelayanan", "Noise in service hall", MeasurementUnit.DecibelA, null, 75, 20, 140, ServiceRooms, Permenkes48, NoteSecondary),
            Measure("COM-NOISE-OFFICE", "Kebisingan ruang kerja terbuka", "Noise in open office", MeasurementUnit.DecibelA, null, 65, 20, 140, [Office], Permenkes48, NoteSecondary),
            Measure("COM-COUNTER-LIGHT", "Pencahayaan loket/meja layanan", "Counter/service desk lighting", MeasurementUnit.Lux, 300, null, 0, 100_000, [ServiceHall], En12464,
                "P / EN 12464-1: ≥ 300 lx; ≥ 500 lx untuk pekerjaan layar."),
            Rating("COM-QUEUE", "Sistem antrean berfungsi", "Queue system works", 0, 5, 3, [ServiceHall], Permenpan17, NoteRead + " Skala 0–5 sesuai penilaian unit pelayanan publik."),
            PassFail("COM-SERVICE-STD", "Standar pelayanan & papan informasi terpasang", "Service standards & information board posted", ServiceRooms, Permenpan17, NoteRead),
            PassFail("COM-LACTATION", "Ruang laktasi", "Lactation room", ServiceRooms, PermenPupr14, NoteRead, allowNa: true),
            PassFail("COM-CHILDREN", "Area anak / tempat penitipan anak", "Children's area / day care", ServiceRooms, PermenPupr14, NoteRead, allowNa: true, severity: Severity.Low),
            PassFail("COM-WATER", "Air minum tersedia", "Drinking water available", ServiceRooms, Proposal, NoteProposal, severity: Severity.Low),
            Rating("COM-OVERALL", "Kenyamanan umum pengunjung", "Overall visitor comfort", 1, 5, 3, ServiceRooms, Proposal, NoteProposal, weight: 2));

        Add(template, InspectionArea.Accessibility, "Aksesibilitas", "Accessibility",
            Measure("ACC-RAMP-IN", "Kemiringan ram dalam bangunan (1:n)", "Indoor ramp slope (1:n)", MeasurementUnit.SlopeRun, 10, null, 1, 100, Entrances, PermenPupr14,
                NoteSecondary + " Dalam bangunan ≤ 1:10; isi n dari 1:n.", allowNa: true),
            Measure("ACC-RAMP-OUT", "Kemiringan ram luar bangunan (1:n)", "Outdoor ramp slope (1:n)", MeasurementUnit.SlopeRun, 12, null, 1, 100, Entrances, PermenPupr14,
                NoteSecondary + " Luar bangunan ≤ 1:12; isi n dari 1:n.", allowNa: true),
            Measure("ACC-RAMP-WIDTH", "Lebar ram", "Ramp width", MeasurementUnit.Centimeters, 95, null, 0, 1000, Entrances, PermenPupr14,
                NoteSecondary + " ≥ 95 cm tanpa kanstin, ≥ 120 cm dengan kanstin.", allowNa: true),
            PassFail("ACC-LANDING", "Bordes awal/akhir ≥ 120 cm, bertekstur", "Landings ≥ 120 cm at both ends, textured", Entrances, PermenPupr14, NoteSecondary, allowNa: true),
            PassFail("ACC-TOILET", "Toilet disabilitas ≥ 152,5 × 227,5 cm", "Accessible toilet ≥ 152.5 × 227.5 cm", Toilets, PermenPupr14, NoteSecondary, allowNa: true),
            PassFail("ACC-PARKING", "Parkir disabilitas bertanda", "Marked accessible parking", Entrances, PermenPupr14, NoteRead + " Parkir disabilitas wajib tersedia.", allowNa: true),
            PassFail("ACC-PRIORITY", "Loket/kursi prioritas kelompok rentan", "Priority counter/seats for vulnerable groups", [ServiceHall], Proposal, NoteProposal));

        Add(template, InspectionArea.Safety, "Keselamatan", "Safety",
            PassFail("SAF-APAR", "APAR terjangkau dan belum kedaluwarsa", "Fire extinguisher reachable and in date", [Office, ServiceHall, WaitingRoom, MeetingRoom, CorridorLobby], Proposal, NoteProposal, weight: 3, severity: Severity.High),
            PassFail("SAF-EVACUATION", "Jalur evakuasi bebas dan bertanda", "Evacuation route clear and signed", [Office, ServiceHall, CorridorLobby], Proposal, NoteProposal, weight: 3, severity: Severity.High),
            PassFail("SAF-FLOOR", "Lantai tidak licin, bebas kabel melintang", "Floor not slippery, no trailing cables", [], Proposal, NoteProposal, weight: 2));

        return template;
    }

    private static void Add(ChecklistTemplate template, InspectionArea area, string nameId, string nameEn, params ChecklistItemDefinition[] items)
    {
        var category = template.AddCategory(area, nameId, nameEn);
        foreach (var item in items)
        {
            template.AddItem(category.Id, item);
        }
    }

    private static ChecklistItemDefinition PassFail(string code, string labelId, string labelEn, RoomType[] rooms, string source, string note, bool allowNa = false, int weight = 1, Severity severity = Severity.Medium) => new()
    {
        Code = code,
        LabelId = labelId,
        LabelEn = labelEn,
        AnswerType = AnswerType.PassFail,
        AllowNotApplicable = allowNa,
        RoomTypes = rooms,
        SourceCode = source,
        SourceNote = note,
        Weight = weight,
        DefaultSeverity = severity,
    };

    private static ChecklistItemDefinition Rating(string code, string labelId, string labelEn, int min, int max, int pass, RoomType[] rooms, string source, string note, int weight = 1, Severity severity = Severity.Medium, string? guidance = null) => new()
    {
        Code = code,
        LabelId = labelId,
        LabelEn = labelEn,
        AnswerType = AnswerType.Rating,
        RatingMin = min,
        RatingMax = max,
        RatingPassMin = pass,
        RoomTypes = rooms,
        SourceCode = source,
        SourceNote = note,
        Weight = weight,
        DefaultSeverity = severity,
        Guidance = guidance,
    };

    private static ChecklistItemDefinition Measure(string code, string labelId, string labelEn, MeasurementUnit unit, decimal? bandMin, decimal? bandMax, decimal plausibleMin, decimal plausibleMax, RoomType[] rooms, string source, string note, bool allowNa = false, bool minimumFromHeadcount = false, int weight = 1, Severity severity = Severity.Medium) => new()
    {
        Code = code,
        LabelId = labelId,
        LabelEn = labelEn,
        AnswerType = AnswerType.Measurement,
        Unit = unit,
        BandMin = bandMin,
        BandMax = bandMax,
        PlausibleMin = plausibleMin,
        PlausibleMax = plausibleMax,
        MinimumFromHeadcount = minimumFromHeadcount,
        AllowNotApplicable = allowNa,
        RoomTypes = rooms,
        SourceCode = source,
        SourceNote = note,
        Weight = weight,
        DefaultSeverity = severity,
    };
}
