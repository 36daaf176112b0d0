using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace BalaiKota.Core.Features.Registry;

/// <summary>
/// The registry's rules that span more than one row: unique short names and building names, one room of a name per
/// OPD, building and floor, floors that exist, and active rooms only in active OPDs and buildings. The form and the
/// CSV import both apply them, to rows already loaded.
/// </summary>
internal static class RegistryRules
{
    public const string NotFoundCode = "registry.notFound";

    public const string ChangedCode = "registry.changed";

    /// <summary>
    /// A room that visits have inspected keeps its OPD, building, floor and type: its past reports and the period figures read
    /// them from the room. Its name, area, occupancy and air conditioning may still be corrected.
    /// </summary>
    public static void InspectedRoomKeepsItsPlace(Room room, bool inspected, Guid opdId, Guid buildingId, int floor, RoomType type) =>
        Guard.That(
            !inspected || (room.OpdId == opdId && room.BuildingId == buildingId && room.Floor == floor && room.Type == type),
            "room.inspectedKeepsPlace",
            "Ruangan ini sudah pernah diperiksa, jadi OPD, gedung, lantai, dan jenisnya tetap agar laporan lama tidak berubah. Nonaktifkan ruangan ini dan tambahkan ruangan baru.");

    /// <summary>A form filled before someone else saved the same row would undo their change without either knowing.</summary>
    public static void Unchanged(IVersioned row, int version)
    {
        if (row.Version != version)
        {
            throw Changed();
        }
    }

    /// <summary>Saves, turning a save that lost the race with another administrator's into the same clear refusal.</summary>
    public static async Task SaveAsync(BalaiKotaDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Changed();
        }
    }

    public static DomainException Changed() =>
        new(ChangedCode, "Data ini baru saja diubah oleh administrator lain. Muat ulang halaman untuk melihat isinya sekarang, lalu ubah lagi.");

    public static DomainException NotFound() => new(NotFoundCode, "Data tidak ditemukan; mungkin sudah dihapus. Muat ulang halaman.");

    public static bool SameKey(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    public static void ShortNameFree(IEnumerable<Opd> opds, Opd opd) =>
        Guard.That(!opds.Any(o => o.Id != opd.Id && SameKey(o.ShortName, opd.ShortName)), "opd.shortNameTaken", "Singkatan ini sudah dipakai OPD lain.");

    public static void BuildingNameFree(IEnumerable<Building> buildings, Building building) =>
        Guard.That(!buildings.Any(b => b.Id != building.Id && SameKey(b.Name, building.Name)), "building.nameTaken", "Nama gedung ini sudah dipakai gedung lain.");

    /// <summary>A building keeps the floors its rooms are on.</summary>
    public static void FloorsKept(Building building, IEnumerable<Room> rooms) =>
        Guard.That(rooms.Where(r => r.BuildingId == building.Id).All(r => building.HasFloor(r.Floor)), "building.floorsInUse", "Masih ada ruangan di lantai di atas jumlah lantai itu; pindahkan ruangannya dulu.");

    /// <param name="others">Rooms of the same OPD, building and floor (the room itself may be among them).</param>
    public static void RoomFits(Room room, Opd? opd, Building? building, IEnumerable<Room> others)
    {
        if (opd is null || opd.Id != room.OpdId)
        {
            throw new DomainException("room.opd", "Pilih OPD ruangan ini.");
        }

        if (building is null || building.Id != room.BuildingId)
        {
            throw new DomainException("room.building", "Pilih gedung ruangan ini.");
        }

        Guard.That(building.HasFloor(room.Floor), "room.floorNotInBuilding", "Gedung ini tidak punya lantai itu; tambah jumlah lantai gedungnya dulu.");
        Guard.That(!room.IsActive || opd.IsActive, "room.opdInactive", "OPD ruangan ini tidak aktif; aktifkan OPD-nya dulu.");
        Guard.That(!room.IsActive || building.IsActive, "room.buildingInactive", "Gedung ruangan ini tidak aktif; aktifkan gedungnya dulu.");
        Guard.That(
            !others.Any(r => r.Id != room.Id && r.OpdId == room.OpdId && r.BuildingId == room.BuildingId && r.Floor == room.Floor && SameKey(r.Name, room.Name)),
            "room.duplicate",
            "Sudah ada ruangan bernama sama di OPD, gedung dan lantai ini.");
    }

    /// <summary>Rooms go off with their OPD or building, so that a visit is not offered a room in a closed building.</summary>
    public static int DeactivateRooms(IEnumerable<Room> rooms)
    {
        var count = 0;
        foreach (var room in rooms.Where(r => r.IsActive))
        {
            room.Deactivate();
            count++;
        }

        return count;
    }
}
