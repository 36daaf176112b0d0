using BalaiKota.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace BalaiKota.Core.Data.Seeding;

/// <summary>
/// SAMPLE DATA: a plausible set of OPDs, buildings, rooms and repair units of a city hall, for demo
/// mode and for the synthetic data generator. It is not the real registry of Balai Kota Bandung.
/// </summary>
public static class SampleRegistry
{
    public const string TechnicalUnitName = "Bagian Umum (contoh)";

    private static readonly (string Name, string Short, OpdKind Kind, int Male, int Female, bool ServesPublic)[] Opds =
    [
        ("Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", OpdKind.Dinas, 48, 52, true),
        ("Dinas Penanaman Modal dan PTSP", "DPMPTSP", OpdKind.Dinas, 35, 40, true),
        ("Badan Perencanaan Pembangunan Daerah", "Bappelitbang", OpdKind.Badan, 30, 28, false),
        ("Badan Kepegawaian dan Pengembangan SDM", "BKPSDM", OpdKind.Badan, 25, 30, true),
        ("Dinas Komunikasi dan Informatika", "Diskominfo", OpdKind.Dinas, 40, 25, false),
        ("Bagian Hukum Sekretariat Daerah", "Bag. Hukum", OpdKind.Bagian, 12, 10, false),
    ];

    /// <summary>Adds the sample registry unless OPDs exist already; returns the number of rooms added.</summary>
    public static async Task<int> EnsureAsync(BalaiKotaDbContext db, CancellationToken ct = default)
    {
        if (await db.Opds.AnyAsync(ct))
        {
            return 0;
        }

        var main = new Building("Gedung Balai Kota Utama (contoh)", 3, "Jl. Wastukencana No. 2, Bandung");
        var annex = new Building("Gedung Pelayanan Terpadu (contoh)", 2, "Jl. Wastukencana No. 2, Bandung");
        db.Buildings.AddRange(main, annex);
        db.ResponsibleUnits.Add(new ResponsibleUnit(TechnicalUnitName, ResponsibleUnitKind.TechnicalUnit));

        var rooms = 0;
        for (var i = 0; i < Opds.Length; i++)
        {
            var (name, shortName, kind, male, female, servesPublic) = Opds[i];
            var opd = new Opd(name, shortName, kind, male, female);
            db.Opds.Add(opd);
            db.ResponsibleUnits.Add(new ResponsibleUnit($"{shortName} (pemeliharaan mandiri)", ResponsibleUnitKind.Opd, opd.Id));

            var building = servesPublic ? annex : main;
            var floor = servesPublic ? 1 : 1 + (i % 3);
            var headcount = male + female;
            var list = new List<Room>
            {
                new(opd.Id, building.Id, $"Ruang Kerja Staf {shortName}", floor, RoomType.Office, 120, headcount / 2, isAirConditioned: i % 2 == 0),
                new(opd.Id, building.Id, $"Ruang Kepala {shortName}", floor, RoomType.Office, 30, 2, isAirConditioned: true),
                new(opd.Id, building.Id, $"Ruang Rapat {shortName}", floor, RoomType.MeetingRoom, 50, 20, isAirConditioned: true),
                new(opd.Id, building.Id, $"Toilet Pria {shortName}", floor, RoomType.Toilet, 12, 0, isAirConditioned: false, ToiletUsers.Men),
                new(opd.Id, building.Id, $"Toilet Wanita {shortName}", floor, RoomType.Toilet, 12, 0, isAirConditioned: false, ToiletUsers.Women),
            };
            if (servesPublic)
            {
                list.Add(new(opd.Id, building.Id, $"Ruang Pelayanan {shortName}", floor, RoomType.ServiceHall, 200, 60, isAirConditioned: i % 2 == 1));
                list.Add(new(opd.Id, building.Id, $"Ruang Tunggu {shortName}", floor, RoomType.WaitingRoom, 80, 50, isAirConditioned: false));
                list.Add(new(opd.Id, building.Id, $"Lobi dan Koridor {shortName}", floor, RoomType.CorridorLobby, 60, 0, isAirConditioned: false));
            }

            db.Rooms.AddRange(list);
            rooms += list.Count;
        }

        await db.SaveChangesAsync(ct);
        return rooms;
    }
}
