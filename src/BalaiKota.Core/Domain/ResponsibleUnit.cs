namespace BalaiKota.Core.Domain;

/// <summary>A unit that repairs: a technical unit such as Bagian Umum, or an OPD looking after its own rooms.</summary>
public class ResponsibleUnit : AuditableEntity
{
    private ResponsibleUnit()
    {
        Name = string.Empty;
    }

    public ResponsibleUnit(string name, ResponsibleUnitKind kind, Guid? opdId = null)
    {
        Guard.That(kind != ResponsibleUnitKind.Opd || opdId is not null, "unit.opd", "Unit berjenis OPD harus menunjuk OPD-nya.");
        Id = Guid.CreateVersion7();
        Name = Guard.Text(name, "unit.name", "Nama unit wajib diisi (paling banyak 200 karakter).");
        Kind = kind;
        OpdId = opdId;
        IsActive = true;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public ResponsibleUnitKind Kind { get; private set; }

    public Guid? OpdId { get; private set; }

    public bool IsActive { get; private set; }
}
