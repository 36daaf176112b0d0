namespace BalaiKota.Core.Domain;

public enum NotificationKind
{
    /// <summary>A task was assigned to the recipient's unit.</summary>
    TaskAssigned,

    /// <summary>A repair unit handed a task back to the secretariat.</summary>
    TaskHandedBack,

    /// <summary>A task of the recipient's unit is due in two days or less.</summary>
    TaskDueSoon,

    /// <summary>A task of the recipient's unit (or, for the secretariat, any task) is past its due date.</summary>
    TaskOverdue,

    /// <summary>An inspector or the secretariat rejected the repair; the task is open again.</summary>
    VerificationRejected,

    /// <summary>A repair is done and waits for the recipient (an inspector of the visit) to verify it.</summary>
    WaitingVerification,
}

/// <summary>An entry in a user's in-app bell; it links to the task it is about.</summary>
public class Notification
{
    private Notification()
    {
        UserId = string.Empty;
    }

    public Notification(string userId, NotificationKind kind, Guid taskId, DateOnly? dueDate, DateTime createdAtUtc)
    {
        Id = Guid.CreateVersion7();
        UserId = userId;
        Kind = kind;
        TaskId = taskId;
        DueDate = dueDate;
        CreatedAt = createdAtUtc;
    }

    public Guid Id { get; private set; }

    public string UserId { get; private set; }

    public NotificationKind Kind { get; private set; }

    public Guid TaskId { get; private set; }

    /// <summary>For due and overdue reminders: the due date reminded of, so a new due date gets its own reminder.</summary>
    public DateOnly? DueDate { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? ReadAt { get; private set; }

    public void MarkRead(DateTime nowUtc) => ReadAt ??= nowUtc;
}
