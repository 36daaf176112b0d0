namespace BalaiKota.Core.Domain;

public enum AuditAction
{
    Added,
    Modified,
    Deleted,
}

/// <summary>One change to one row: who, when, and the values before and after (JSON).</summary>
public class AuditEntry
{
    private AuditEntry()
    {
        EntityType = EntityId = Changes = string.Empty;
    }

    public AuditEntry(DateTime atUtc, string? userId, string entityType, string entityId, AuditAction action, string changes)
    {
        Id = Guid.CreateVersion7();
        At = atUtc;
        UserId = userId;
        EntityType = entityType;
        EntityId = entityId;
        Action = action;
        Changes = changes;
    }

    public Guid Id { get; private set; }

    public DateTime At { get; private set; }

    public string? UserId { get; private set; }

    public string EntityType { get; private set; }

    public string EntityId { get; private set; }

    public AuditAction Action { get; private set; }

    public string Changes { get; private set; }
}
