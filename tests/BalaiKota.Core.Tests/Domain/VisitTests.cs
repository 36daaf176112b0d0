using BalaiKota.Core.Domain;

namespace BalaiKota.Core.Tests.Domain;

public class VisitTests
{
    private readonly Opd _opd = Samples.Opd();
    private readonly ChecklistTemplate _template = Samples.PublishedDefault();

    private static readonly VisitSigner[] BothSigned = [VisitSigner.LeadInspector, VisitSigner.OpdRepresentative];

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1];

    private Visit PlannedVisit() => Visit.Plan(_opd, new DateOnly(2026, 11, 20), "peninjau", _template);

    [Fact]
    public void JudgesAToiletAgainstTheHeadcountTheOpdHadWhenTheVisitWasPlanned()
    {
        var opd = new Opd("Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", OpdKind.Dinas, 48, 52);
        var toilet = new Room(opd.Id, Guid.CreateVersion7(), "Toilet Pria", 1, RoomType.Toilet, 12, 0, false, ToiletUsers.Men);
        var visit = Visit.Plan(opd, new DateOnly(2026, 11, 20), "peninjau", _template);

        opd.Update(opd.Name, opd.ShortName, opd.Kind, 120, 130);

        Assert.Equal((48, 52), (visit.MaleHeadcount, visit.FemaleHeadcount));
        Assert.Equal(48, EvaluationContext.For(visit, toilet).Headcount);
        Assert.Equal(120, EvaluationContext.For(Visit.Plan(opd, new DateOnly(2026, 12, 1), "peninjau", _template), toilet).Headcount);
    }

    [Fact]
    public void GoesFromPlannedToInProgressToSubmitted()
    {
        var visit = PlannedVisit();
        var room = Samples.Room(_opd);
        visit.AddRoom(room);

        visit.Start(Samples.Now);
        visit.Submit(_template, [room], BothSigned, "peninjau", Samples.Now.AddHours(2));

        Assert.Equal(VisitStatus.Submitted, visit.Status);
        Assert.Equal(Samples.Now, visit.StartedAt);
        Assert.Equal(Samples.Now.AddHours(2), visit.SubmittedAt);
    }

    [Fact]
    public void RefusesAPlanOnADraftTemplateOrAnInactiveOpd()
    {
        Assert.Equal("visit.templateNotPublished", Assert.Throws<DomainException>(() => Visit.Plan(_opd, new DateOnly(2026, 11, 20), "peninjau", ChecklistTemplate.CreateDraft("d", "Draf"))).Code);

        _opd.Deactivate();
        Assert.Equal("visit.opdInactive", Assert.Throws<DomainException>(PlannedVisit).Code);
    }

    [Fact]
    public void RefusesOutOfOrderStatusChanges()
    {
        var visit = PlannedVisit();
        var room = Samples.Room(_opd);
        visit.AddRoom(room);
        Room[] rooms = [room];

        Assert.Equal("visit.submit", Assert.Throws<DomainException>(() => visit.Submit(_template, rooms, BothSigned, "peninjau", Samples.Now)).Code);
        visit.Start(Samples.Now);
        Assert.Equal("visit.start", Assert.Throws<DomainException>(() => visit.Start(Samples.Now)).Code);
        visit.Submit(_template, rooms, BothSigned, "peninjau", Samples.Now);
        Assert.Equal("visit.cancel", Assert.Throws<DomainException>(() => visit.Cancel("alasan", Samples.Now)).Code);
        Assert.Equal("visit.closed", Assert.Throws<DomainException>(() => visit.AddRoom(Samples.Room(_opd))).Code);
    }

    [Fact]
    public void CancelsOnlyWithAReason()
    {
        var visit = PlannedVisit();

        Assert.Equal("visit.cancelReason", Assert.Throws<DomainException>(() => visit.Cancel("  ", Samples.Now)).Code);
        visit.Cancel("Kepala OPD berhalangan", Samples.Now);
        Assert.Equal(VisitStatus.Cancelled, visit.Status);
    }

    [Fact]
    public void RecordsAnEvaluatedAnswerAndReplacesItWhenAnsweredAgain()
    {
        var visit = PlannedVisit();
        var room = Samples.Room(_opd);
        visit.AddRoom(room);
        visit.Start(Samples.Now);
        var temperature = _template.Items.Single(i => i.Code == "HEAT-WORK");

        visit.RecordAnswer(_template, room, temperature, AnswerInput.Reading(31), "peninjau", Samples.Now, note: "pengap");
        var answer = visit.RecordAnswer(_template, room, temperature, AnswerInput.Reading(25), "peninjau", Samples.Now.AddMinutes(1));

        Assert.Single(visit.Rooms.Single().Answers);
        Assert.Equal(AnswerOutcome.Ok, answer.Outcome);
        Assert.Equal(25, answer.Value);
        Assert.Null(answer.Note);
    }

    [Fact]
    public void RefusesAnAnswerForAnItemThatDoesNotApplyToTheRoom()
    {
        var visit = PlannedVisit();
        var toilet = Samples.Room(_opd, RoomType.Toilet);
        visit.AddRoom(toilet);
        visit.Start(Samples.Now);
        var temperature = _template.Items.Single(i => i.Code == "HEAT-WORK");

        Assert.Equal("answer.notApplicableToRoom", Assert.Throws<DomainException>(() => visit.RecordAnswer(_template, toilet, temperature, AnswerInput.Reading(25), "peninjau", Samples.Now)).Code);
    }

    [Fact]
    public void RefusesAnAnswerBeforeTheVisitStartsAndAnImplausibleReadingChangesNothing()
    {
        var visit = PlannedVisit();
        var room = Samples.Room(_opd);
        visit.AddRoom(room);
        var temperature = _template.Items.Single(i => i.Code == "HEAT-WORK");

        Assert.Equal("visit.notInProgress", Assert.Throws<DomainException>(() => visit.RecordAnswer(_template, room, temperature, AnswerInput.Reading(25), "peninjau", Samples.Now)).Code);
        visit.Start(Samples.Now);
        Assert.Equal("answer.implausible", Assert.Throws<DomainException>(() => visit.RecordAnswer(_template, room, temperature, AnswerInput.Reading(250), "peninjau", Samples.Now)).Code);
        Assert.Empty(visit.Rooms.Single().Answers);
    }

    [Fact]
    public void SubmitRecordsEveryUnansweredApplicableItemAsNotInspected()
    {
        var visit = PlannedVisit();
        var office = Samples.Room(_opd);
        visit.AddRoom(office);
        visit.Start(Samples.Now);
        var temperature = _template.Items.Single(i => i.Code == "HEAT-WORK");
        visit.RecordAnswer(_template, office, temperature, AnswerInput.Reading(31), "peninjau", Samples.Now);

        visit.Submit(_template, [office], BothSigned, "peninjau", Samples.Now);

        var answers = visit.Rooms.Single().Answers;
        var applicable = _template.Items.Count(i => i.AppliesTo(RoomType.Office));
        Assert.Equal(applicable, answers.Count);
        Assert.Equal(applicable - 1, answers.Count(a => a.Outcome == AnswerOutcome.NotInspected));
        Assert.Equal(AnswerOutcome.NotOk, answers.Single(a => a.ItemId == temperature.Id).Outcome);
    }

    [Fact]
    public void RefusesAnItemOfAnotherTemplateVersion()
    {
        var visit = PlannedVisit();
        var room = Samples.Room(_opd);
        visit.AddRoom(room);
        visit.Start(Samples.Now);
        var draft = _template.CreateNextDraft();
        var newerItem = draft.Items.Single(i => i.Code == "HEAT-WORK");
        var foreignTemplate = Samples.PublishedDefault();

        Assert.Equal("visit.template", Assert.Throws<DomainException>(() => visit.RecordAnswer(draft, room, newerItem, AnswerInput.Reading(25), "peninjau", Samples.Now)).Code);
        Assert.Equal("answer.otherTemplate", Assert.Throws<DomainException>(() => visit.RecordAnswer(_template, room, foreignTemplate.Items.First(), AnswerInput.Pass(), "peninjau", Samples.Now)).Code);
        Assert.Equal("visit.template", Assert.Throws<DomainException>(() => visit.Submit(draft, [room], BothSigned, "peninjau", Samples.Now)).Code);
    }

    [Fact]
    public void RefusesARoomOfAnotherOpdOrTheSameRoomTwice()
    {
        var visit = PlannedVisit();
        var room = Samples.Room(_opd);
        visit.AddRoom(room);

        Assert.Equal("visit.roomDuplicate", Assert.Throws<DomainException>(() => visit.AddRoom(room)).Code);
        Assert.Equal("visit.roomOtherOpd", Assert.Throws<DomainException>(() => visit.AddRoom(Samples.Room(Samples.Opd()))).Code);
    }

    [Fact]
    public void KeepsTeamMembersAndAccompanyingOfficials()
    {
        var visit = PlannedVisit();

        visit.AddTeamMember("sekretariat");
        visit.AddAccompanyingOfficial("Ibu Rina", "Sekretaris Dinas");

        Assert.Equal(2, visit.Team.Count);
        Assert.Equal("visit.teamDuplicate", Assert.Throws<DomainException>(() => visit.AddTeamMember("sekretariat")).Code);
        Assert.Equal("visit.teamDuplicate", Assert.Throws<DomainException>(() => visit.AddTeamMember("peninjau")).Code);
    }
    private static Dictionary<Guid, EvaluationContext> Contexts(Visit visit, params Room[] rooms) => rooms.ToDictionary(r => r.Id, r => EvaluationContext.For(visit, r));

    private (Visit Visit, Room Office, ChecklistItem Temperature) StartedWithOffice()
    {
        var visit = PlannedVisit();
        var office = Samples.Room(_opd);
        visit.AddRoom(office);
        visit.Start(Samples.Now);
        return (visit, office, _template.Items.Single(i => i.Code == "HEAT-WORK"));
    }

    [Fact]
    public void RefusesToSubmitWithoutBothSignatures()
    {
        var (visit, office, _) = StartedWithOffice();

        Assert.Equal("visit.leadSignature", Assert.Throws<DomainException>(() => visit.Submit(_template, [office], [VisitSigner.OpdRepresentative], "peninjau", Samples.Now)).Code);
        Assert.Equal("visit.opdSignature", Assert.Throws<DomainException>(() => visit.Submit(_template, [office], [VisitSigner.LeadInspector], "peninjau", Samples.Now)).Code);
        Assert.Equal(VisitStatus.InProgress, visit.Status);
    }

    [Fact]
    public void GivesANotOkAnswerTheItemsDefaultSeverityUnlessTheInspectorChoseOne()
    {
        var (visit, office, temperature) = StartedWithOffice();
        var apar = _template.Items.Single(i => i.Code == "SAF-APAR");

        var hot = visit.RecordAnswer(_template, office, temperature, AnswerInput.Reading(31), "peninjau", Samples.Now);
        var noExtinguisher = visit.RecordAnswer(_template, office, apar, AnswerInput.Fail(), "peninjau", Samples.Now, severity: Severity.Critical);
        var cool = visit.RecordAnswer(_template, office, temperature, AnswerInput.Reading(25), "peninjau", Samples.Now, severity: Severity.High);

        Assert.Same(hot, cool);
        Assert.Null(cool.Severity);
        Assert.Equal(Severity.Critical, noExtinguisher.Severity);
        visit.RecordAnswer(_template, office, temperature, AnswerInput.Reading(31), "peninjau", Samples.Now);
        Assert.Equal(temperature.DefaultSeverity, hot.Severity);
    }

    [Fact]
    public void CountsEverySaveOfAnAnswerAsANewRevision()
    {
        var (visit, office, temperature) = StartedWithOffice();

        var answer = visit.RecordAnswer(_template, office, temperature, AnswerInput.Reading(31), "peninjau", Samples.Now);
        Assert.Equal(1, answer.Revision);
        visit.RecordAnswer(_template, office, temperature, AnswerInput.Reading(30), "peninjau", Samples.Now);
        Assert.Equal(2, answer.Revision);
    }

    [Fact]
    public void CountsAsUnansweredTheApplicableItemsWithoutAnAnswerOrRecordedAsNotInspected()
    {
        var (visit, office, temperature) = StartedWithOffice();
        var applicable = _template.Items.Count(i => i.AppliesTo(RoomType.Office));
        Assert.Equal(applicable, visit.UnansweredItems(_template, [office]).Count());

        visit.RecordAnswer(_template, office, temperature, AnswerInput.Reading(25), "peninjau", Samples.Now);
        var left = visit.UnansweredItems(_template, [office]).ToList();
        Assert.Equal(applicable - 1, left.Count);
        Assert.DoesNotContain(left, u => u.Item.Id == temperature.Id);

        visit.Submit(_template, [office], BothSigned, "peninjau", Samples.Now);
        Assert.Equal(applicable - 1, visit.UnansweredItems(_template, [office]).Count());
    }

    [Fact]
    public void TurnsEveryNotOkAnswerIntoOneFindingWithTheReadingAndItsStandard()
    {
        var (visit, office, temperature) = StartedWithOffice();
        visit.RecordAnswer(_template, office, temperature, AnswerInput.Reading(31.5m), "peninjau", Samples.Now, note: "AC mati");
        var noise = _template.Items.Single(i => i.Code == "COM-NOISE-OFFICE");
        visit.RecordAnswer(_template, office, noise, AnswerInput.Reading(50), "peninjau", Samples.Now);
        visit.Submit(_template, [office], BothSigned, "peninjau", Samples.Now);

        var finding = Assert.Single(visit.FindingsFromNotOkAnswers(_template, new HashSet<Guid>(), Contexts(visit, office), Samples.Now));

        Assert.Equal(temperature.Id, finding.ItemId);
        Assert.Equal(InspectionArea.Heat, finding.Area);
        Assert.Equal("Suhu ruang kerja: 31,5 °C (standar 23–26 °C) — AC mati", finding.Description);
        Assert.Empty(visit.FindingsFromNotOkAnswers(_template, new HashSet<Guid> { finding.AnswerId!.Value }, Contexts(visit, office), Samples.Now));
    }

    [Fact]
    public void ReopensOnlyASubmittedVisitAndOnlyWithAReason()
    {
        var (visit, office, _) = StartedWithOffice();
        Assert.Equal("visit.reopen", Assert.Throws<DomainException>(() => visit.Reopen("salah ruang", Samples.Now)).Code);
        visit.Submit(_template, [office], BothSigned, "peninjau", Samples.Now);

        Assert.Equal("visit.reopenReason", Assert.Throws<DomainException>(() => visit.Reopen(" ", Samples.Now)).Code);
        visit.Reopen("Suhu ruang rapat tertukar dengan ruang kerja.", Samples.Now.AddDays(1));

        Assert.Equal(VisitStatus.InProgress, visit.Status);
        Assert.Null(visit.SubmittedAt);
        Assert.Equal("Suhu ruang rapat tertukar dengan ruang kerja.", visit.ReopenReason);
    }

    [Fact]
    public void TakesSignaturesOnlyWhileInProgressAndWithAName()
    {
        var visit = PlannedVisit();
        Assert.Equal("visit.notInProgress", Assert.Throws<DomainException>(() => visit.Sign(VisitSigner.LeadInspector, "Ani", null, Png, Samples.Now)).Code);
        visit.AddRoom(Samples.Room(_opd));
        visit.Start(Samples.Now);

        Assert.Equal("visit.signerName", Assert.Throws<DomainException>(() => visit.Sign(VisitSigner.OpdRepresentative, "", null, Png, Samples.Now)).Code);
        Assert.Equal("visit.signatureImage", Assert.Throws<DomainException>(() => visit.Sign(VisitSigner.OpdRepresentative, "Budi", null, [], Samples.Now)).Code);
        var signature = visit.Sign(VisitSigner.OpdRepresentative, "Budi", "Sekretaris Dinas", Png, Samples.Now);
        Assert.Equal(visit.Id, signature.VisitId);
    }

    [Fact]
    public void FlagsARoomAddedDuringAVisitForConfirmation()
    {
        var room = Room.AddedDuringVisit(_opd.Id, Guid.CreateVersion7(), "Gudang arsip", 2, RoomType.Other, ToiletUsers.Men);

        Assert.True(room.NeedsConfirmation);
        Assert.Null(room.ToiletFor);
        Assert.False(Samples.Room(_opd).NeedsConfirmation);
    }
}
