using System.Diagnostics.CodeAnalysis;

namespace BalaiKota.Core.Domain;

public class Room : AuditableEntity, IVersioned
{
    private Room()
    {
        Name = string.Empty;
    }

    public Room(Guid opdId, Guid buildingId, string name, int floor, RoomType type, decimal areaSquareMeters, int occupancy, bool isAirConditioned, ToiletUsers? toiletFor = null)
    {
        Id = Guid.CreateVersion7();
        Update(opdId, buildingId, name, floor, type, areaSquareMeters, occupancy, isAirConditioned, toiletFor);
        IsActive = true;
    }

    public Guid Id { get; private set; }

    public Guid OpdId { get; private set; }

    public Guid BuildingId { get; private set; }

    public string Name { get; private set; }

    public int Floor { get; private set; }

    public RoomType Type { get; private set; }

    public decimal AreaSquareMeters { get; private set; }

    public int Occupancy { get; private set; }

    public bool IsAirConditioned { get; private set; }

    /// <summary>For a toilet: whether it serves men, women or everyone; null for every other room.</summary>
    public ToiletUsers? ToiletFor { get; private set; }

    public bool IsActive { get; private set; }

    public int Version { get; private set; }

    /// <summary>Added by an inspector during a visit because the registry missed it; an administrator confirms it.</summary>
    public bool NeedsConfirmation { get; private set; }

    /// <summary>A room the registry is missing, added on the spot with what an inspector can see at the door.</summary>
    public static Room AddedDuringVisit(Guid opdId, Guid buildingId, string name, int floor, RoomType type, ToiletUsers? toiletFor) =>
        new(opdId, buildingId, name, floor, type, 0, 0, isAirConditioned: false, type == RoomType.Toilet ? toiletFor : null)
        {
            NeedsConfirmation = true,
        };

    /// <summary>Moves or corrects the room with the same rules as a new one; nothing changes if one is broken.</summary>
    [MemberNotNull(nameof(Name))]
    public void Update(Guid opdId, Guid buildingId, string name, int floor, RoomType type, decimal areaSquareMeters, int occupancy, bool isAirConditioned, ToiletUsers? toiletFor)
    {
        Guard.That(toiletFor is null || type == RoomType.Toilet, "room.toiletFor", "Hanya toilet yang ditandai untuk pria, wanita, atau semua.");
        var checkedName = Guard.Text(name, "room.name", "Nama ruangan wajib diisi (paling banyak 200 karakter).");
        Guard.That(opdId != Guid.Empty, "room.opd", "Pilih OPD ruangan ini.");
        Guard.That(buildingId != Guid.Empty, "room.building", "Pilih gedung ruangan ini.");
        Guard.That(floor is >= -5 and <= 100, "room.floor", "Lantai harus antara -5 dan 100.");
        Guard.That(Enum.IsDefined(type), "room.type", "Jenis ruangan tidak dikenal.");
        Guard.That(areaSquareMeters is >= 0 and <= 100_000, "room.area", "Luas ruangan harus antara 0 dan 100.000 m².");
        Guard.That(occupancy is >= 0 and <= 10_000, "room.occupancy", "Jumlah penghuni harus antara 0 dan 10.000.");
        Guard.That(toiletFor is null || Enum.IsDefined(toiletFor.Value), "room.toiletFor", "Hanya toilet yang ditandai untuk pria, wanita, atau semua.");
        OpdId = opdId;
        BuildingId = buildingId;
        Name = checkedName;
        Floor = floor;
        Type = type;
        AreaSquareMeters = areaSquareMeters;
        Occupancy = occupancy;
        IsAirConditioned = isAirConditioned;
        ToiletFor = type == RoomType.Toilet ? toiletFor ?? ToiletUsers.All : null;
    }

    /// <summary>An administrator takes a room added during a visit into the registry, usually after filling in what the inspector could not see.</summary>
    public void Confirm() => NeedsConfirmation = false;

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    public void IncrementVersion() => Version++;
}
