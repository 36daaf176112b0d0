using BalaiKota.Core.Data.Seeding;
using BalaiKota.Core.Domain;

namespace BalaiKota.Core.Tests.Domain;

/// <summary>Small, valid domain objects for tests.</summary>
internal static class Samples
{
    public static readonly DateTime Now = new(2026, 11, 20, 3, 0, 0, DateTimeKind.Utc);

    public static ChecklistItemDefinition Temperature(decimal? min = 23, decimal? max = 26) => new()
    {
        Code = "HEAT-WORK",
        LabelId = "Suhu ruang kerja",
        LabelEn = "Work-room temperature",
        AnswerType = AnswerType.Measurement,
        Unit = MeasurementUnit.DegreesCelsius,
        BandMin = min,
        BandMax = max,
        PlausibleMin = 0,
        PlausibleMax = 60,
        RoomTypes = [RoomType.Office],
        SourceCode = "Permenkes 48/2016",
    };

    public static ChecklistItemDefinition PassFail(string code = "SAF-APAR", bool allowNa = false) => new()
    {
        Code = code,
        LabelId = "APAR terjangkau",
        LabelEn = "Fire extinguisher reachable",
        AnswerType = AnswerType.PassFail,
        AllowNotApplicable = allowNa,
        SourceCode = "Usulan BalaiKota",
    };

    public static ChecklistTemplate PublishedDefault()
    {
        var template = DefaultChecklist.Build();
        template.Publish(Now);
        return template;
    }

    public static Opd Opd() => new("Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", OpdKind.Dinas, 40, 45);

    public static Room Room(Opd opd, RoomType type = RoomType.Office) =>
        new(opd.Id, Guid.CreateVersion7(), $"Ruang {type}", 1, type, 60, 20, isAirConditioned: false);

    public static Actor Secretariat { get; } = new("sekretariat", new HashSet<string> { Roles.Secretariat });

    public static Actor Inspector { get; } = new("peninjau", new HashSet<string> { Roles.Inspector });

    public static Actor Leadership { get; } = new("pimpinan", new HashSet<string> { Roles.Leadership });

    public static Actor Administrator { get; } = new("admin", new HashSet<string> { Roles.Administrator });

    public static Actor RepairUnit(Guid unitId) => new("pelaksana", new HashSet<string> { Roles.RepairUnit }, unitId);
}
