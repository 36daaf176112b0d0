using System.Globalization;

namespace BalaiKota.Core.Domain;

/// <summary>A tour of one OPD's rooms, pinned to the template version it started with.</summary>
public class Visit : AuditableEntity, IVersioned
{
    private readonly List<VisitTeamMember> _team = [];
    private readonly List<RoomInspection> _rooms = [];

    private Visit()
    {
        LeadInspectorId = string.Empty;
    }

    private Visit(Opd opd, DateOnly plannedDate, string leadInspectorId, Guid templateId)
    {
        Id = Guid.CreateVersion7();
        OpdId = opd.Id;
        MaleHeadcount = opd.MaleHeadcount;
        FemaleHeadcount = opd.FemaleHeadcount;
        PlannedDate = plannedDate;
        LeadInspectorId = Guard.Text(leadInspectorId, "visit.lead", "Ketua tim peninjau wajib dipilih.", 450);
        TemplateId = templateId;
        Status = VisitStatus.Planned;
    }

    public Guid Id { get; private set; }

    public Guid OpdId { get; private set; }

    public DateOnly PlannedDate { get; private set; }

    public DateTime? StartedAt { get; private set; }

    public DateTime? SubmittedAt { get; private set; }

    public DateTime? CancelledAt { get; private set; }

    public string? CancelReason { get; private set; }

    /// <summary>When an answer was last saved. The answer service sets it in the same transaction as the answer, which
    /// locks the visit row: a submit cannot slip in between, and answers of different rooms do not conflict.</summary>
    public DateTime? LastActivityAt { get; private set; }

    public DateTime? ReopenedAt { get; private set; }

    public string? ReopenReason { get; private set; }

    public string LeadInspectorId { get; private set; }

    /// <summary>
    /// The OPD's headcount of men and women when the visit was planned, pinned like its template: the closets a toilet
    /// needs are judged against it, so correcting the registry later does not change a past report. Visits recorded
    /// before it was kept took the OPD's figures of the day the column was added.
    /// </summary>
    public int MaleHeadcount { get; private set; }

    public int FemaleHeadcount { get; private set; }

    /// <summary>The template version pinned when the visit was planned.</summary>
    public Guid TemplateId { get; private set; }

    public VisitStatus Status { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyCollection<VisitTeamMember> Team => _team.AsReadOnly();

    public IReadOnlyCollection<RoomInspection> Rooms => _rooms.AsReadOnly();

    public static Visit Plan(Opd opd, DateOnly plannedDate, string leadInspectorId, ChecklistTemplate template)
    {
        Guard.That(opd.IsActive, "visit.opdInactive", $"OPD {opd.ShortName} tidak aktif.");
        Guard.That(template.Status == TemplateStatus.Published, "visit.templateNotPublished", "Kunjungan hanya dapat memakai templat yang sudah terbit.");
        return new Visit(opd, plannedDate, leadInspectorId, template.Id);
    }

    public void AddTeamMember(string userId)
    {
        EnsureEditable();
        Guard.That(userId != LeadInspectorId && _team.All(m => m.UserId != userId), "visit.teamDuplicate", "Anggota tim ini sudah tercatat.");
        _team.Add(VisitTeamMember.ForUser(Id, userId));
    }

    public void AddAccompanyingOfficial(string name, string? position)
    {
        EnsureEditable();
        _team.Add(VisitTeamMember.ForOfficial(Id, name, position));
    }

    public RoomInspection AddRoom(Room room)
    {
        EnsureEditable();
        Guard.That(room.OpdId == OpdId, "visit.roomOtherOpd", $"Ruangan {room.Name} bukan milik OPD kunjungan ini.");
        Guard.That(_rooms.All(r => r.RoomId != room.Id), "visit.roomDuplicate", $"Ruangan {room.Name} sudah ada di kunjungan ini.");
        var inspection = new RoomInspection(Id, room.Id, _rooms.Count + 1);
        _rooms.Add(inspection);
        return inspection;
    }

    public void Start(DateTime nowUtc)
    {
        Guard.That(Status == VisitStatus.Planned, "visit.start", $"Kunjungan berstatus {Status} tidak dapat dimulai.");
        Status = VisitStatus.InProgress;
        StartedAt = nowUtc;
    }

    /// <summary>Records an answer, evaluated against its item; answering again replaces the earlier answer.</summary>
    /// <param name="template">The template version this visit pinned; the item must be one of its items.</param>
    /// <param name="severity">For a not-OK answer; the item's default severity when not given.</param>
    public Answer RecordAnswer(ChecklistTemplate template, Room room, ChecklistItem item, AnswerInput input, string answeredBy, DateTime nowUtc, EvaluationContext? context = null, string? note = null, Severity? severity = null)
    {
        Guard.That(Status == VisitStatus.InProgress, "visit.notInProgress", "Jawaban hanya dapat dicatat saat kunjungan sedang berlangsung.");
        EnsurePinned(template);
        if (!template.Items.Contains(item))
        {
            throw new DomainException("answer.otherTemplate", "Butir ini bukan bagian dari versi templat yang dipakai kunjungan ini.");
        }

        var inspection = _rooms.SingleOrDefault(r => r.RoomId == room.Id)
            ?? throw new DomainException("visit.roomMissing", "Ruangan ini belum ada di kunjungan.");
        if (!item.AppliesTo(room.Type))
        {
            throw new DomainException("answer.notApplicableToRoom", $"Butir \"{item.LabelId}\" tidak berlaku untuk jenis ruangan ini.");
        }

        var outcome = item.Evaluate(input, context);
        return inspection.SetAnswer(item.Id, input, outcome, severity ?? item.DefaultSeverity, note, answeredBy, nowUtc);
    }

    /// <summary>Closes the visit; every applicable item left unanswered is recorded as not inspected.</summary>
    /// <param name="signers">Who has signed; the lead inspector and the OPD's representative both must.</param>
    public void Submit(ChecklistTemplate template, IEnumerable<Room> rooms, IReadOnlyCollection<VisitSigner> signers, string submittedBy, DateTime nowUtc)
    {
        Guard.That(Status == VisitStatus.InProgress, "visit.submit", "Hanya kunjungan yang sedang berlangsung yang dapat dikirim.");
        Guard.That(_rooms.Count > 0, "visit.noRooms", "Kunjungan tanpa ruangan tidak dapat dikirim.");
        Guard.That(signers.Contains(VisitSigner.LeadInspector), "visit.leadSignature", "Tanda tangan ketua tim peninjau belum ada.");
        Guard.That(signers.Contains(VisitSigner.OpdRepresentative), "visit.opdSignature", "Tanda tangan perwakilan OPD belum ada.");
        EnsurePinned(template);
        var roomTypes = rooms.ToDictionary(r => r.Id, r => r.Type);
        foreach (var room in _rooms)
        {
            var type = roomTypes.TryGetValue(room.RoomId, out var t) ? t
                : throw new DomainException("visit.roomType", "Jenis ruangan tidak diketahui.");
            var answered = room.Answers.Select(a => a.ItemId).ToHashSet();
            foreach (var item in template.Items.Where(i => i.AppliesTo(type) && !answered.Contains(i.Id)))
            {
                room.SetAnswer(item.Id, default, AnswerOutcome.NotInspected, null, null, submittedBy, nowUtc);
            }
        }

        Status = VisitStatus.Submitted;
        SubmittedAt = nowUtc;
    }

    /// <summary>Every item that applies to a room of the visit and has no answer yet, or was recorded as not inspected.</summary>
    public IEnumerable<(RoomInspection Room, ChecklistItem Item)> UnansweredItems(ChecklistTemplate template, IEnumerable<Room> rooms)
    {
        EnsurePinned(template);
        var roomTypes = rooms.ToDictionary(r => r.Id, r => r.Type);
        return from room in _rooms.OrderBy(r => r.SortOrder)
               from item in template.Items.Where(i => i.AppliesTo(roomTypes[room.RoomId]))
               where room.Answers.All(a => a.ItemId != item.Id || a.Outcome == AnswerOutcome.NotInspected)
               select (room, item);
    }

    /// <summary>A finding for every not-OK answer that has none yet; a reopened and resubmitted visit keeps its earlier findings.</summary>
    /// <param name="contextByRoom">Per room, what its items are judged against (a toilet's closets: the headcount it serves).</param>
    public IReadOnlyList<Finding> FindingsFromNotOkAnswers(ChecklistTemplate template, IReadOnlySet<Guid> answersWithFinding, IReadOnlyDictionary<Guid, EvaluationContext> contextByRoom, DateTime nowUtc)
    {
        Guard.That(Status == VisitStatus.Submitted, "visit.notSubmitted", "Temuan dibuat saat kunjungan dikirim.");
        EnsurePinned(template);
        var items = template.Categories.SelectMany(c => c.Items.Select(i => (Item: i, c.Area))).ToDictionary(x => x.Item.Id);
        return
        [
            .. from room in _rooms
               from answer in room.Answers
               where answer.Outcome == AnswerOutcome.NotOk && !answersWithFinding.Contains(answer.Id)
               let entry = items[answer.ItemId]
               select Finding.FromAnswer(Id, room.RoomId, entry.Item, entry.Area, answer, answer.Severity ?? entry.Item.DefaultSeverity, Describe(entry.Item, answer, contextByRoom[room.RoomId]), nowUtc),
        ];
    }

    /// <summary>Signs the visit off; signing again replaces the earlier signature of the same signer.</summary>
    public VisitSignature Sign(VisitSigner signer, string name, string? position, byte[] png, DateTime nowUtc)
    {
        Guard.That(Status == VisitStatus.InProgress, "visit.notInProgress", "Tanda tangan hanya dapat dibubuhkan saat kunjungan sedang berlangsung.");
        return new VisitSignature(Id, signer, name, position, png, nowUtc);
    }

    /// <summary>An administrator's correction: a submitted visit is open for answers again; its findings stay.</summary>
    public void Reopen(string reason, DateTime nowUtc)
    {
        Guard.That(Status == VisitStatus.Submitted, "visit.reopen", "Hanya kunjungan yang sudah dikirim yang dapat dibuka kembali.");
        ReopenReason = Guard.Text(reason, "visit.reopenReason", "Alasan membuka kembali kunjungan wajib diisi (paling banyak 500 karakter).", 500);
        ReopenedAt = nowUtc;
        SubmittedAt = null;
        Status = VisitStatus.InProgress;
    }

    public void Cancel(string reason, DateTime nowUtc)
    {
        Guard.That(Status is VisitStatus.Planned or VisitStatus.InProgress, "visit.cancel", "Kunjungan yang sudah dikirim atau dibatalkan tidak dapat dibatalkan.");
        CancelReason = Guard.Text(reason, "visit.cancelReason", "Alasan pembatalan wajib diisi.", 500);
        Status = VisitStatus.Cancelled;
        CancelledAt = nowUtc;
    }

    public void IncrementVersion() => Version++;

    private static string Describe(ChecklistItem item, Answer answer, EvaluationContext context)
    {
        var culture = CultureInfo.GetCultureInfo("id-ID");
        var given = item.AnswerType switch
        {
            AnswerType.Measurement => $": {answer.Value?.ToString("0.##", culture)} {ChecklistItem.UnitSymbol(item.Unit)} (standar {item.BandText(culture, context)})",
            AnswerType.Rating => $": nilai {answer.Value:0} dari {item.RatingMax}",
            _ => string.Empty,
        };
        var text = $"{item.LabelId}{given}" + (string.IsNullOrWhiteSpace(answer.Note) ? string.Empty : $" — {answer.Note}");
        return text.Length <= 2000 ? text : text[..2000];
    }

    private void EnsurePinned(ChecklistTemplate template) =>
        Guard.That(template.Id == TemplateId, "visit.template", "Templat tidak sama dengan versi yang dipakai kunjungan ini.");

    private void EnsureEditable() =>
        Guard.That(Status is VisitStatus.Planned or VisitStatus.InProgress, "visit.closed", "Kunjungan yang sudah dikirim atau dibatalkan tidak dapat diubah.");
}

public enum VisitSigner
{
    LeadInspector,
    OpdRepresentative,
}

/// <summary>A signature drawn on the tablet at sign-off, kept as a PNG with the visit.</summary>
public class VisitSignature
{
    private VisitSignature()
    {
        Name = string.Empty;
        Png = [];
    }

    internal VisitSignature(Guid visitId, VisitSigner signer, string name, string? position, byte[] png, DateTime signedAtUtc)
        : this()
    {
        Guard.That(png.Length is > 0 and <= 512 * 1024, "visit.signatureImage", "Tanda tangan kosong atau terlalu besar; bubuhkan ulang.");
        Id = Guid.CreateVersion7();
        VisitId = visitId;
        Signer = signer;
        Name = Guard.Text(name, "visit.signerName", "Nama penanda tangan wajib diisi.");
        Position = Guard.OptionalText(position, 200, "visit.signerPosition", "Jabatan paling banyak 200 karakter.");
        Png = png;
        SignedAt = signedAtUtc;
    }

    public Guid Id { get; private set; }

    public Guid VisitId { get; private set; }

    public VisitSigner Signer { get; private set; }

    public string Name { get; private set; }

    public string? Position { get; private set; }

    public byte[] Png { get; private set; }

    public DateTime SignedAt { get; private set; }
}

/// <summary>A team member: a user of the app, or a free-text accompanying official of the OPD.</summary>
public class VisitTeamMember
{
    private VisitTeamMember()
    {
    }

    public Guid Id { get; private set; }

    public Guid VisitId { get; private set; }

    public string? UserId { get; private set; }

    public string? OfficialName { get; private set; }

    public string? OfficialPosition { get; private set; }

    internal static VisitTeamMember ForUser(Guid visitId, string userId) => new()
    {
        Id = Guid.CreateVersion7(),
        VisitId = visitId,
        UserId = Guard.Text(userId, "visit.teamUser", "Pengguna anggota tim wajib dipilih.", 450),
    };

    internal static VisitTeamMember ForOfficial(Guid visitId, string name, string? position) => new()
    {
        Id = Guid.CreateVersion7(),
        VisitId = visitId,
        OfficialName = Guard.Text(name, "visit.officialName", "Nama pejabat pendamping wajib diisi."),
        OfficialPosition = Guard.OptionalText(position, 200, "visit.officialPosition", "Jabatan paling banyak 200 karakter."),
    };
}

public class RoomInspection
{
    private readonly List<Answer> _answers = [];

    private RoomInspection()
    {
    }

    internal RoomInspection(Guid visitId, Guid roomId, int sortOrder)
    {
        Id = Guid.CreateVersion7();
        VisitId = visitId;
        RoomId = roomId;
        SortOrder = sortOrder;
    }

    public Guid Id { get; private set; }

    public Guid VisitId { get; private set; }

    public Guid RoomId { get; private set; }

    public int SortOrder { get; private set; }

    public IReadOnlyCollection<Answer> Answers => _answers.AsReadOnly();

    internal Answer SetAnswer(Guid itemId, AnswerInput input, AnswerOutcome outcome, Severity? severity, string? note, string answeredBy, DateTime nowUtc)
    {
        var answer = _answers.SingleOrDefault(a => a.ItemId == itemId);
        if (answer is null)
        {
            answer = new Answer(Id, itemId);
            _answers.Add(answer);
        }

        answer.Set(input, outcome, severity, note, answeredBy, nowUtc);
        return answer;
    }
}

public class Answer
{
    private Answer()
    {
        AnsweredBy = string.Empty;
    }

    internal Answer(Guid roomInspectionId, Guid itemId)
        : this()
    {
        Id = Guid.CreateVersion7();
        RoomInspectionId = roomInspectionId;
        ItemId = itemId;
    }

    public Guid Id { get; private set; }

    public Guid RoomInspectionId { get; private set; }

    public Guid ItemId { get; private set; }

    public bool? Passed { get; private set; }

    public decimal? Value { get; private set; }

    public bool IsNotApplicable { get; private set; }

    public string? Note { get; private set; }

    public AnswerOutcome Outcome { get; private set; }

    /// <summary>How bad a not-OK answer is; null for every other outcome.</summary>
    public Severity? Severity { get; private set; }

    /// <summary>Counts the saves of this answer; a save based on an older revision is a conflict, never a silent overwrite.</summary>
    public int Revision { get; private set; }

    public string AnsweredBy { get; private set; }

    public DateTime AnsweredAt { get; private set; }

    internal void Set(AnswerInput input, AnswerOutcome outcome, Severity? severity, string? note, string answeredBy, DateTime nowUtc)
    {
        var inspected = outcome != AnswerOutcome.NotInspected;
        Passed = !inspected ? null : input.Kind switch
        {
            AnswerInputKind.Pass => true,
            AnswerInputKind.Fail => false,
            _ => null,
        };
        Value = inspected ? input.Number : null;
        IsNotApplicable = inspected && input.Kind == AnswerInputKind.NotApplicable;
        Note = Guard.OptionalText(note, 2000, "answer.note", "Catatan paling banyak 2.000 karakter.");
        Outcome = outcome;
        Severity = outcome == AnswerOutcome.NotOk ? severity : null;
        AnsweredBy = answeredBy;
        AnsweredAt = nowUtc;
        Revision++;
    }
}
