using System.Diagnostics.CodeAnalysis;

namespace BalaiKota.Core.Domain;

public class Building : AuditableEntity, IVersioned
{
    private Building()
    {
        Name = string.Empty;
    }

    public Building(string name, int floorCount, string? address = null)
    {
        Id = Guid.CreateVersion7();
        Update(name, floorCount, address);
        IsActive = true;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>The floors above ground, numbered 1 to this; basements are the floors 0 and below that rooms are on.</summary>
    public int FloorCount { get; private set; }

    public string? Address { get; private set; }

    public bool IsActive { get; private set; }

    public int Version { get; private set; }

    /// <summary>Renames the building or corrects its floors or address with the same rules as a new one; nothing changes if one is broken.</summary>
    [MemberNotNull(nameof(Name))]
    public void Update(string name, int floorCount, string? address)
    {
        var checkedName = Guard.Text(name, "building.name", "Nama gedung wajib diisi (paling banyak 200 karakter).");
        Guard.That(floorCount is >= 1 and <= 100, "building.floors", "Jumlah lantai harus antara 1 dan 100.");
        var checkedAddress = Guard.OptionalText(address, 300, "building.address", "Alamat paling banyak 300 karakter.");
        Name = checkedName;
        FloorCount = floorCount;
        Address = checkedAddress;
    }

    /// <summary>Whether a room may be on this floor: one of the floors above ground, or a basement.</summary>
    public bool HasFloor(int floor) => floor <= FloorCount;

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    public void IncrementVersion() => Version++;
}
