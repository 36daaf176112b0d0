namespace BalaiKota.Core.Domain;

/// <summary>Something wrong in a room: a not-OK answer, or an ad hoc observation no item covers.</summary>
public class Finding : AuditableEntity
{
    private Finding()
    {
        Description = string.Empty;
    }

    private Finding(Guid visitId, Guid roomId, Guid? itemId, Guid? answerId, InspectionArea area, Severity severity, string description, DateTime nowUtc)
    {
        Id = Guid.CreateVersion7();
        VisitId = visitId;
        RoomId = roomId;
        ItemId = itemId;
        AnswerId = answerId;
        Area = area;
        Severity = severity;
        Description = Guard.Text(description, "finding.description", "Uraian temuan wajib diisi (paling banyak 2.000 karakter).", 2000);
        Status = FindingStatus.Open;
        FoundAt = nowUtc;
    }

    public Guid Id { get; private set; }

    public Guid VisitId { get; private set; }

    public Guid RoomId { get; private set; }

    /// <summary>The checklist item behind the finding; null for an ad hoc finding.</summary>
    public Guid? ItemId { get; private set; }

    public Guid? AnswerId { get; private set; }

    public InspectionArea Area { get; private set; }

    public Severity Severity { get; private set; }

    public string Description { get; private set; }

    public FindingStatus Status { get; private set; }

    public DateTime FoundAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public string? DismissReason { get; private set; }

    public bool IsAdHoc => ItemId is null;

    public static Finding FromAnswer(Guid visitId, Guid roomId, ChecklistItem item, InspectionArea area, Answer answer, Severity severity, string description, DateTime nowUtc)
    {
        Guard.That(answer.Outcome == AnswerOutcome.NotOk && answer.ItemId == item.Id, "finding.answerOk", "Temuan dari butir hanya dibuat untuk jawaban Tidak OK.");
        return new Finding(visitId, roomId, item.Id, answer.Id, area, severity, description, nowUtc);
    }

    public static Finding AdHoc(Guid visitId, Guid roomId, InspectionArea area, Severity severity, string description, DateTime nowUtc) =>
        new(visitId, roomId, null, null, area, severity, description, nowUtc);

    public void ChangeSeverity(Severity severity)
    {
        EnsureOpen();
        Severity = severity;
    }

    public void Resolve(DateTime nowUtc)
    {
        EnsureOpen();
        Status = FindingStatus.Resolved;
        ClosedAt = nowUtc;
    }

    public void Dismiss(string reason, DateTime nowUtc)
    {
        EnsureOpen();
        DismissReason = Guard.Text(reason, "finding.dismissReason", "Alasan penolakan temuan wajib diisi.", 500);
        Status = FindingStatus.Dismissed;
        ClosedAt = nowUtc;
    }

    private void EnsureOpen() =>
        Guard.That(Status == FindingStatus.Open, "finding.closed", "Temuan ini sudah ditutup.");
}
