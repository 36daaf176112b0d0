namespace BalaiKota.Core.Domain;

/// <summary>Rows that carry who created and last changed them; filled by the audit interceptor.</summary>
public abstract class AuditableEntity
{
    public DateTime CreatedAt { get; private set; }

    public string? CreatedBy { get; private set; }

    public DateTime? UpdatedAt { get; private set; }

    public string? UpdatedBy { get; private set; }

    internal void StampCreated(DateTime at, string? by)
    {
        CreatedAt = at;
        CreatedBy = by;
    }

    internal void StampUpdated(DateTime at, string? by)
    {
        UpdatedAt = at;
        UpdatedBy = by;
    }
}

/// <summary>Rows that several people edit; the version is the optimistic-concurrency token.</summary>
public interface IVersioned
{
    int Version { get; }

    void IncrementVersion();
}
