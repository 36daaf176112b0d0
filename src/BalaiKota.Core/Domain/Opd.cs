using System.Diagnostics.CodeAnalysis;

namespace BalaiKota.Core.Domain;

/// <summary>An Organisasi Perangkat Daerah housed in the city hall: a dinas, badan or bagian.</summary>
public class Opd : AuditableEntity, IVersioned
{
    private Opd()
    {
        Name = ShortName = string.Empty;
    }

    public Opd(string name, string shortName, OpdKind kind, int maleHeadcount, int femaleHeadcount)
    {
        Id = Guid.CreateVersion7();
        Update(name, shortName, kind, maleHeadcount, femaleHeadcount);
        IsActive = true;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public string ShortName { get; private set; }

    public OpdKind Kind { get; private set; }

    public int MaleHeadcount { get; private set; }

    public int FemaleHeadcount { get; private set; }

    public bool IsActive { get; private set; }

    public int Version { get; private set; }

    /// <summary>Renames, reclassifies and recounts the OPD with the same rules as a new one; nothing changes if one is broken.</summary>
    [MemberNotNull(nameof(Name), nameof(ShortName))]
    public void Update(string name, string shortName, OpdKind kind, int maleHeadcount, int femaleHeadcount)
    {
        var checkedName = Guard.Text(name, "opd.name", "Nama OPD wajib diisi (paling banyak 200 karakter).");
        var checkedShortName = Guard.Text(shortName, "opd.shortName", "Singkatan OPD wajib diisi (paling banyak 30 karakter).", 30);
        Guard.That(Enum.IsDefined(kind), "opd.kind", "Jenis OPD tidak dikenal.");
        SetHeadcount(maleHeadcount, femaleHeadcount);
        Name = checkedName;
        ShortName = checkedShortName;
        Kind = kind;
    }

    public void SetHeadcount(int male, int female)
    {
        Guard.That(male >= 0 && female >= 0 && male + female <= 100_000, "opd.headcount", "Jumlah pegawai tidak boleh negatif.");
        MaleHeadcount = male;
        FemaleHeadcount = female;
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    public void IncrementVersion() => Version++;
}
