using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Visits;

namespace BalaiKota.Core.Features.FollowUps;

public enum TaskSort
{
    /// <summary>Soonest due first (every task has a due date from its draft on).</summary>
    DueDate,
    SeverityDesc,
    NewestFirst,
    OldestFirst,
}

/// <summary>The filters of the task list; every one of them lives in the page's address.</summary>
/// <param name="NotClosedOnly">Tasks not yet closed (verified, dismissed or merged), as the dashboard counts them open: a repair done and waiting for its verification is one.</param>
/// <param name="FoundIn">Tasks whose finding was made in a visit submitted in the period: the dashboard's findings.</param>
/// <param name="OpenedIn">Tasks opened in the period that count as opened (not merged, not dismissed).</param>
/// <param name="ClosedIn">Tasks verified in the period.</param>
/// <param name="OpenOnly">Only the tasks not yet repaired: drafted, assigned, in progress or handed back (the tasks that can be overdue or due this week).</param>
/// <param name="FromMyVisits">Only the tasks of findings made on visits whose team the caller is on: the repairs the caller is asked to verify.</param>
public sealed record TaskListFilter(
    Guid? OpdId = null,
    Guid? BuildingId = null,
    InspectionArea? Area = null,
    Severity? Severity = null,
    FollowUpStatus? Status = null,
    Guid? UnitId = null,
    string? AssigneeId = null,
    bool OverdueOnly = false,
    bool DueThisWeek = false,
    bool OpenOnly = false,
    bool FromMyVisits = false,
    string? Search = null,
    bool NotClosedOnly = false,
    WibPeriod? FoundIn = null,
    WibPeriod? OpenedIn = null,
    WibPeriod? ClosedIn = null,
    TaskSort Sort = TaskSort.DueDate,
    int Page = 1,
    int PageSize = 25);

public sealed record TaskRow(
    Guid Id,
    string OpdName,
    string BuildingName,
    string RoomName,
    int Floor,
    InspectionArea Area,
    Severity Severity,
    string Description,
    FollowUpStatus Status,
    TaskPriority Priority,
    string? UnitName,
    string? AssigneeName,
    DateOnly? DueDate,
    bool IsOverdue,
    DateTime OpenedAt,
    DateTime? ClosedAt);

/// <summary>One page of the filtered list; the counts per status are of the filter without its status.</summary>
public sealed record TaskListPage(IReadOnlyList<TaskRow> Rows, int Total, IReadOnlyDictionary<FollowUpStatus, int> CountsByStatus, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record UnitChoice(Guid Id, string Name, ResponsibleUnitKind Kind, IReadOnlyList<Choice> Members);

/// <summary>The choices of the filters and of the assignment form.</summary>
public sealed record TaskOptions(IReadOnlyList<Choice> Opds, IReadOnlyList<Choice> Buildings, IReadOnlyList<UnitChoice> Units);

/// <summary>A finding as the follow-up pages show it: where, what, how bad, and the reading against its standard.</summary>
public sealed record FindingView(
    Guid Id,
    Guid VisitId,
    DateOnly VisitDate,
    string OpdName,
    string BuildingName,
    Guid RoomId,
    string RoomName,
    int Floor,
    InspectionArea Area,
    Severity Severity,
    string Description,
    FindingStatus Status,
    ChecklistItem? Item,
    decimal? Value,
    EvaluationContext Context,
    IReadOnlyList<PhotoRef> Photos,
    DateTime FoundAt);

/// <summary>An open task on the same room and item that a repeat finding's draft can be merged into.</summary>
public sealed record MergeCandidate(Guid TaskId, FollowUpStatus Status, string? UnitName, DateOnly? DueDate, DateOnly FoundOn);

/// <summary>A draft or handed-back task waiting in the secretariat's queue.</summary>
public sealed record TriageItem(
    Guid TaskId,
    int Version,
    FollowUpStatus Status,
    TaskPriority Priority,
    DateOnly ProposedDueDate,
    HandBackReason? HandBackReason,
    string? HandBackNote,
    string? PreviousUnitName,
    FindingView Finding,
    IReadOnlyList<MergeCandidate> MergeCandidates);

public sealed record TriageList(IReadOnlyList<TriageItem> Items, int Total);

public enum TimelineKind
{
    Found,
    Event,
    Photo,
}

public sealed record TimelineEntry(
    DateTime At,
    TimelineKind Kind,
    string ByName,
    FollowUpAction? Action = null,
    FollowUpStatus? From = null,
    FollowUpStatus? To = null,
    string? Note = null,
    HandBackReason? HandBackReason = null,
    PhotoRef? Photo = null,
    PhotoKind? PhotoKind = null);

public sealed record TaskDetail(
    Guid Id,
    int Version,
    FollowUpStatus Status,
    TaskPriority Priority,
    DateOnly? DueDate,
    bool IsOverdue,
    Guid? UnitId,
    string? UnitName,
    string? AssigneeId,
    string? AssigneeName,
    HandBackReason? HandBackReason,
    Guid? MergedIntoTaskId,
    DateTime OpenedAt,
    DateTime? ClosedAt,
    FindingView Finding,
    IReadOnlyList<FindingView> RepeatFindings,
    IReadOnlyList<PhotoRef> AfterPhotos,
    IReadOnlyList<PhotoRef> VerificationPhotos,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<FollowUpAction> AllowedActions,
    bool MayComment,
    bool MayAddAfterPhotos,
    bool MayAddVerificationPhotos);

/// <summary>
/// The outcome of a change: applied, or refused because someone changed the task since the caller loaded it
/// (<see cref="IsConflict"/>); either way <see cref="Task"/> is the task as stored now.
/// </summary>
public sealed record TaskChangeResult(bool IsConflict, TaskDetail Task);

public sealed record TaskVersion(Guid TaskId, int Version);

public sealed record AssignRequest(Guid TaskId, int Version, Guid UnitId, string? AssigneeId, TaskPriority Priority, DateOnly DueDate);

/// <summary>One unit (and person) for several tasks; without a due date or priority each task keeps its proposed one.</summary>
public sealed record BulkAssignRequest(IReadOnlyList<TaskVersion> Tasks, Guid UnitId, string? AssigneeId, TaskPriority? Priority, DateOnly? DueDate);

/// <summary>All assigned, or none: <see cref="Conflicts"/> lists the tasks someone else changed meanwhile.</summary>
public sealed record BulkAssignResult(int Assigned, IReadOnlyList<Guid> Conflicts);

/// <summary>An open or done task of a room, as the walk-through shows it.</summary>
public sealed record RoomTask(
    Guid TaskId,
    int Version,
    FollowUpStatus Status,
    Severity Severity,
    string Description,
    string? UnitName,
    DateOnly? DueDate,
    bool IsOverdue,
    IReadOnlyList<FollowUpAction> AllowedActions);

public sealed record NotificationView(Guid Id, NotificationKind Kind, Guid TaskId, string Description, string RoomName, string OpdName, DateOnly? DueDate, DateTime CreatedAt, bool IsRead);
