using BalaiKota.Core.Domain;

namespace BalaiKota.Core.Features.Visits;

/// <summary>The filters of the visit list; <see cref="Week"/> keeps the visits planned for a WIB week.</summary>
public sealed record VisitListFilter(Guid? OpdId = null, VisitStatus? Status = null, int? Year = null, int? Month = null, WibWeek? Week = null);

public sealed record VisitRow(Guid Id, string OpdName, DateOnly PlannedDate, VisitStatus Status, string LeadInspectorName, int RoomCount);

public sealed record Choice(string Id, string Text);

public sealed record PlanningOptions(IReadOnlyList<Choice> Opds, IReadOnlyList<Choice> Inspectors);

public sealed record RoomOption(Guid Id, string Name, int Floor, RoomType Type);

public sealed record AccompanyingOfficial(string Name, string? Position);

public sealed record PlanVisitRequest(
    Guid OpdId,
    DateOnly PlannedDate,
    string LeadInspectorId,
    IReadOnlyList<string> TeamUserIds,
    IReadOnlyList<AccompanyingOfficial> Officials,
    IReadOnlyList<Guid>? RoomIds,
    bool StartNow);

/// <summary>A room of the visit: answered of applicable items, and its not-OK answers plus ad hoc findings.</summary>
public sealed record RoomProgress(Guid RoomId, string Name, int Floor, RoomType Type, int Answered, int Applicable, int NotOk, bool NeedsConfirmation);

public sealed record VisitOverview(
    Guid Id,
    Guid OpdId,
    string OpdName,
    DateOnly PlannedDate,
    VisitStatus Status,
    string LeadInspectorName,
    IReadOnlyList<string> TeamNames,
    IReadOnlyList<AccompanyingOfficial> Officials,
    IReadOnlyList<RoomProgress> Rooms,
    bool CanEdit,
    bool CanReopen,
    string? ReopenReason,
    IReadOnlyList<FindingLine> Findings);

/// <summary>A finding of the visit and the follow-up task drafted for it.</summary>
public sealed record FindingLine(Guid Id, string RoomName, InspectionArea Area, Severity Severity, string Description, FollowUpStatus? TaskStatus, DateOnly? TaskDueDate);

/// <summary>An answer as the room page shows it; <see cref="Revision"/> is what a later save is based on.</summary>
public sealed record AnswerView(
    Guid Id,
    AnswerOutcome Outcome,
    bool? Passed,
    decimal? Value,
    bool IsNotApplicable,
    string? Note,
    Severity? Severity,
    int Revision,
    string AnsweredByName,
    DateTime AnsweredAt);

public sealed record PreviousAnswer(DateOnly VisitDate, AnswerOutcome Outcome, decimal? Value, bool? Passed);

public sealed record PhotoRef(Guid Id, int Width, int Height);

/// <summary>One checklist item in a room: the item (for live evaluation), the saved answer, the previous visit's answer.</summary>
public sealed record ItemSheet(ChecklistItem Item, AnswerView? Answer, PreviousAnswer? Previous, IReadOnlyList<PhotoRef> Photos);

public sealed record CategorySheet(InspectionArea Area, string NameId, string NameEn, IReadOnlyList<ItemSheet> Items);

public sealed record AdHocFindingView(Guid Id, InspectionArea Area, Severity Severity, string Description, IReadOnlyList<PhotoRef> Photos);

public sealed record RoomSheet(
    Guid VisitId,
    string OpdName,
    Guid RoomId,
    string RoomName,
    int Floor,
    RoomType RoomType,
    EvaluationContext Context,
    IReadOnlyList<CategorySheet> Categories,
    IReadOnlyList<AdHocFindingView> AdHocFindings,
    bool CanEdit)
{
    public int Applicable => Categories.Sum(c => c.Items.Count);

    public int Answered => Categories.Sum(c => c.Items.Count(i => i.Answer is { Outcome: not AnswerOutcome.NotInspected }));
}

/// <summary>A change to one answer. <see cref="BasedOnRevision"/> is the revision the inspector saw (0 when there was none).</summary>
public sealed record SaveAnswerRequest(Guid VisitId, Guid RoomId, Guid ItemId, AnswerInput Input, string? Note, Severity? Severity, int BasedOnRevision);

/// <summary>Saved, or refused because someone else saved the same answer first; <see cref="Answer"/> is what is stored now.</summary>
public sealed record SaveAnswerResult(bool IsConflict, AnswerView Answer);

public sealed record NewRoomRequest(string Name, int Floor, RoomType Type, ToiletUsers? ToiletFor);

public sealed record AdHocFindingRequest(InspectionArea Area, Severity Severity, string Description);

/// <summary>A not-OK answer (item label in both languages, and the reading and note) or an ad hoc finding (its description).</summary>
public sealed record SummaryLine(string RoomName, InspectionArea Area, string LabelId, string LabelEn, string Detail, Severity? Severity, bool IsAdHoc);

public sealed record UnansweredLine(string RoomName, InspectionArea Area, string LabelId, string LabelEn);

public sealed record VisitSummary(
    VisitOverview Visit,
    IReadOnlyList<SummaryLine> NotOk,
    IReadOnlyList<UnansweredLine> Unanswered,
    IReadOnlyList<SignatureView> Signatures);

public sealed record SignatureView(VisitSigner Signer, string Name, string? Position, DateTime SignedAt);

public sealed record SignRequest(VisitSigner Signer, string Name, string? Position, byte[] Png);

public sealed record SubmitResult(int Findings, int TaskDrafts);

/// <summary>Where the QR code on a room's door leads: the room, and the caller's visit in progress for its OPD if there is one.</summary>
public sealed record RoomLink(Guid RoomId, string RoomName, Guid OpdId, string OpdName, Guid? VisitInProgressId, bool RoomInVisit);
