namespace BalaiKota.Core.Domain;

public class Building : AuditableEntity
{
    private Building()
    {
        Name = string.Empty;
    }

    public Building(string name, int floorCount, string? address = null)
    {
        Id = Guid.CreateVersion7();
        Name = Guard.Text(name, "building.name", "Nama gedung wajib diisi (paling banyak 200 karakter).");
        Guard.That(floorCount is >= 1 and <= 100, "building.floors", "Jumlah lantai harus antara 1 dan 100.");
        FloorCount = floorCount;
        Address = Guard.OptionalText(address, 300, "building.address", "Alamat paling banyak 300 karakter.");
        IsActive = true;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public int FloorCount { get; private set; }

    public string? Address { get; private set; }

    public bool IsActive { get; private set; }

    public void Deactivate() => IsActive = false;
}
