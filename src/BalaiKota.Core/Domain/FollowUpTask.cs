namespace BalaiKota.Core.Domain;

public enum FollowUpAction
{
    Draft,
    Assign,
    Dismiss,
    StartWork,
    MarkDone,
    HandBack,
    Verify,
    RejectVerification,

    /// <summary>A repeat finding's draft joins an open task on the same room and item instead of duplicating it.</summary>
    Merge,

    /// <summary>A remark on the task's timeline; the status does not change.</summary>
    Comment,
}

/// <summary>Why a repair unit gives a task back to the secretariat.</summary>
public enum HandBackReason
{
    NotOurs,
    NeedsBudget,
    NeedsClarification,
}

/// <summary>Days from the finding to the due date of its repair, per severity; set under <c>FollowUps:DueDays</c>.</summary>
public sealed class DueDays
{
    public const string Section = "FollowUps:DueDays";

    public int Critical { get; set; } = 3;

    public int High { get; set; } = 7;

    public int Medium { get; set; } = 14;

    public int Low { get; set; } = 30;

    /// <summary>Sooner for a more severe finding.</summary>
    public DateOnly DueDate(Severity severity, DateOnly today) => today.AddDays(severity switch
    {
        Severity.Critical => Critical,
        Severity.High => High,
        Severity.Medium => Medium,
        _ => Low,
    });
}

/// <summary>A repair that follows a finding, tracked through a state machine with a full history.</summary>
public class FollowUpTask : AuditableEntity, IVersioned
{
    private readonly List<FollowUpTaskEvent> _history = [];

    private FollowUpTask()
    {
    }

    public Guid Id { get; private set; }

    public Guid FindingId { get; private set; }

    public Guid? ResponsibleUnitId { get; private set; }

    public string? AssigneeId { get; private set; }

    public TaskPriority Priority { get; private set; }

    public DateOnly? DueDate { get; private set; }

    public FollowUpStatus Status { get; private set; }

    public DateTime OpenedAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    /// <summary>For a merged draft: the open task that repairs its finding.</summary>
    public Guid? MergedIntoTaskId { get; private set; }

    /// <summary>The reason of the last hand-back, shown in the secretariat's queue until the task is assigned again.</summary>
    public HandBackReason? HandBackReason { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyCollection<FollowUpTaskEvent> History => _history.AsReadOnly();

    /// <summary>
    /// A draft for the secretariat's triage, made from an open finding, with the due date its severity suggests: every
    /// task has a due date from its draft on, which the task list sorts by.
    /// </summary>
    public static FollowUpTask DraftFrom(Finding finding, string byUserId, DateTime nowUtc, DateOnly proposedDueDate)
    {
        Guard.That(finding.Status == FindingStatus.Open, "task.findingClosed", "Temuan yang sudah ditutup tidak dapat ditindaklanjuti.");
        var task = new FollowUpTask
        {
            Id = Guid.CreateVersion7(),
            FindingId = finding.Id,
            Priority = DefaultPriority(finding.Severity),
            Status = FollowUpStatus.New,
            OpenedAt = nowUtc,
            DueDate = proposedDueDate,
        };
        task.Record(FollowUpAction.Draft, FollowUpStatus.New, FollowUpStatus.New, byUserId, null, nowUtc);
        return task;
    }

    public static TaskPriority DefaultPriority(Severity severity) => severity switch
    {
        Severity.Critical => TaskPriority.Urgent,
        Severity.High => TaskPriority.High,
        Severity.Medium => TaskPriority.Normal,
        _ => TaskPriority.Low,
    };

    /// <summary>The due date the secretariat starts from, with the default days per severity.</summary>
    public static DateOnly DefaultDueDate(Severity severity, DateOnly today) => new DueDays().DueDate(severity, today);

    /// <summary>The actions this actor may take on the task now; the UI offers exactly these.</summary>
    public IReadOnlyList<FollowUpAction> AllowedActions(Actor actor) =>
        FollowUpStateMachine.Transitions
            .Where(t => t.From == Status && FollowUpStateMachine.MayAct(t, actor, ResponsibleUnitId))
            .Select(t => t.Action)
            .Distinct()
            .ToList();

    public void Assign(Actor actor, Guid unitId, string? assigneeId, TaskPriority priority, DateOnly dueDate, DateOnly todayWib, DateTime nowUtc)
    {
        Guard.That(dueDate >= todayWib, "task.dueInPast", "Tenggat tidak boleh di masa lalu.");
        var to = Move(FollowUpAction.Assign, actor, null, nowUtc);
        HandBackReason = null;
        ResponsibleUnitId = unitId;
        AssigneeId = string.IsNullOrWhiteSpace(assigneeId) ? null : assigneeId;
        Priority = priority;
        DueDate = dueDate;
        Status = to;
    }

    public void Dismiss(Actor actor, string reason, DateTime nowUtc) =>
        Close(Move(FollowUpAction.Dismiss, actor, RequireReason(reason), nowUtc), nowUtc);

    public void StartWork(Actor actor, DateTime nowUtc) =>
        Status = Move(FollowUpAction.StartWork, actor, null, nowUtc);

    public void MarkDone(Actor actor, string? note, DateTime nowUtc) =>
        Status = Move(FollowUpAction.MarkDone, actor, note, nowUtc);

    public void HandBack(Actor actor, HandBackReason reason, string explanation, DateTime nowUtc)
    {
        Status = Move(FollowUpAction.HandBack, actor, RequireReason(explanation), nowUtc, reason);
        HandBackReason = reason;
    }

    /// <summary>Closes this draft of a repeat finding into an open task of the same room and item.</summary>
    public void MergeInto(Actor actor, FollowUpTask target, DateTime nowUtc)
    {
        Guard.That(target.Id != Id && target.IsOpen && target.MergedIntoTaskId is null, "task.mergeTarget", "Tugas tujuan penggabungan harus tugas lain yang masih terbuka.");
        Close(Move(FollowUpAction.Merge, actor, null, nowUtc), nowUtc);
        MergedIntoTaskId = target.Id;
    }

    /// <summary>A comment by anyone who works on the task: the secretariat, an inspector, or the assigned unit.</summary>
    public void Comment(Actor actor, string text, DateTime nowUtc)
    {
        Guard.That(MayComment(actor), "task.forbidden", "Anda tidak berwenang melakukan tindakan ini pada tugas ini.");
        Guard.That(Status != FollowUpStatus.Merged, "task.merged", "Tugas ini sudah digabung ke tugas lain; beri komentar di sana.");
        var comment = Guard.Text(text, "task.comment", "Komentar wajib diisi (paling banyak 1.000 karakter).", 1000);
        Record(FollowUpAction.Comment, Status, Status, actor.UserId, comment, nowUtc);
    }

    public bool MayComment(Actor actor) =>
        actor.IsIn(Domain.Roles.Secretariat) || actor.IsIn(Domain.Roles.Administrator) || actor.IsIn(Domain.Roles.Inspector)
        || (actor.IsIn(Domain.Roles.RepairUnit) && ResponsibleUnitId is not null && actor.ResponsibleUnitId == ResponsibleUnitId);

    /// <summary>Still to be repaired or verified: not verified, dismissed or merged.</summary>
    public bool IsOpen => Status is not (FollowUpStatus.Verified or FollowUpStatus.Dismissed or FollowUpStatus.Merged);

    public void Verify(Actor actor, string? note, DateTime nowUtc) =>
        Close(Move(FollowUpAction.Verify, actor, note, nowUtc), nowUtc);

    public void RejectVerification(Actor actor, string reason, DateTime nowUtc) =>
        Status = Move(FollowUpAction.RejectVerification, actor, RequireReason(reason), nowUtc);

    public bool IsOverdue(DateOnly todayWib) => IsOverdue(Status, DueDate, todayWib);

    /// <summary>Past its due date while a unit holds it: a draft waits for triage and a done repair for its verifier.</summary>
    public static bool IsOverdue(FollowUpStatus status, DateOnly? dueDate, DateOnly todayWib) =>
        dueDate is { } due && due < todayWib && status is FollowUpStatus.Assigned or FollowUpStatus.InProgress or FollowUpStatus.HandedBack;

    public void IncrementVersion() => Version++;

    private static string RequireReason(string reason) =>
        Guard.Text(reason, "task.reason", "Alasan wajib diisi (paling banyak 1.000 karakter).", 1000);

    private void Close(FollowUpStatus to, DateTime nowUtc)
    {
        Status = to;
        ClosedAt = nowUtc;
    }

    private FollowUpStatus Move(FollowUpAction action, Actor actor, string? note, DateTime nowUtc, HandBackReason? reason = null)
    {
        var transition = FollowUpStateMachine.Transitions.FirstOrDefault(t => t.From == Status && t.Action == action)
            ?? throw new DomainException("task.transition", $"Tindakan {action} tidak dapat dilakukan pada tugas berstatus {Status}.");
        Guard.That(FollowUpStateMachine.MayAct(transition, actor, ResponsibleUnitId), "task.forbidden", "Anda tidak berwenang melakukan tindakan ini pada tugas ini.");
        Record(action, Status, transition.To, actor.UserId, note, nowUtc, reason);
        return transition.To;
    }

    private void Record(FollowUpAction action, FollowUpStatus from, FollowUpStatus to, string byUserId, string? note, DateTime nowUtc, HandBackReason? reason = null) =>
        _history.Add(new FollowUpTaskEvent(Id, action, from, to, byUserId, note, nowUtc, reason));
}

public sealed record FollowUpTransition(FollowUpStatus From, FollowUpAction Action, FollowUpStatus To, IReadOnlySet<string> Roles, bool OwnUnitOnly);

/// <summary>Every allowed transition of a follow-up task, and who may take it. Anything not listed is refused.</summary>
public static class FollowUpStateMachine
{
    private static readonly IReadOnlySet<string> Triage = new HashSet<string> { Domain.Roles.Secretariat, Domain.Roles.Administrator };
    private static readonly IReadOnlySet<string> Repair = new HashSet<string> { Domain.Roles.RepairUnit };
    private static readonly IReadOnlySet<string> Verifiers = new HashSet<string> { Domain.Roles.Inspector, Domain.Roles.Secretariat, Domain.Roles.Administrator };

    public static IReadOnlyList<FollowUpTransition> Transitions { get; } =
    [
        new(FollowUpStatus.New, FollowUpAction.Assign, FollowUpStatus.Assigned, Triage, false),
        new(FollowUpStatus.New, FollowUpAction.Dismiss, FollowUpStatus.Dismissed, Triage, false),
        new(FollowUpStatus.New, FollowUpAction.Merge, FollowUpStatus.Merged, Triage, false),
        new(FollowUpStatus.HandedBack, FollowUpAction.Assign, FollowUpStatus.Assigned, Triage, false),
        new(FollowUpStatus.HandedBack, FollowUpAction.Dismiss, FollowUpStatus.Dismissed, Triage, false),
        new(FollowUpStatus.Assigned, FollowUpAction.Assign, FollowUpStatus.Assigned, Triage, false),
        new(FollowUpStatus.Assigned, FollowUpAction.StartWork, FollowUpStatus.InProgress, Repair, true),
        new(FollowUpStatus.Assigned, FollowUpAction.MarkDone, FollowUpStatus.Done, Repair, true),
        new(FollowUpStatus.Assigned, FollowUpAction.HandBack, FollowUpStatus.HandedBack, Repair, true),
        new(FollowUpStatus.InProgress, FollowUpAction.MarkDone, FollowUpStatus.Done, Repair, true),
        new(FollowUpStatus.InProgress, FollowUpAction.HandBack, FollowUpStatus.HandedBack, Repair, true),
        new(FollowUpStatus.Done, FollowUpAction.Verify, FollowUpStatus.Verified, Verifiers, false),
        new(FollowUpStatus.Done, FollowUpAction.RejectVerification, FollowUpStatus.InProgress, Verifiers, false),
    ];

    internal static bool MayAct(FollowUpTransition transition, Actor actor, Guid? taskUnitId) =>
        transition.Roles.Any(actor.IsIn) &&
        (!transition.OwnUnitOnly || (taskUnitId is not null && actor.ResponsibleUnitId == taskUnitId));
}

public class FollowUpTaskEvent
{
    private FollowUpTaskEvent()
    {
        ByUserId = string.Empty;
    }

    internal FollowUpTaskEvent(Guid taskId, FollowUpAction action, FollowUpStatus from, FollowUpStatus to, string byUserId, string? note, DateTime atUtc, HandBackReason? reason)
    {
        HandBackReason = reason;
        Id = Guid.CreateVersion7();
        TaskId = taskId;
        Action = action;
        FromStatus = from;
        ToStatus = to;
        ByUserId = byUserId;
        Note = note;
        At = atUtc;
    }

    public Guid Id { get; private set; }

    public Guid TaskId { get; private set; }

    public FollowUpAction Action { get; private set; }

    public FollowUpStatus FromStatus { get; private set; }

    public FollowUpStatus ToStatus { get; private set; }

    public string ByUserId { get; private set; }

    public string? Note { get; private set; }

    public HandBackReason? HandBackReason { get; private set; }

    public DateTime At { get; private set; }
}
