using BalaiKota.Core.Domain;

namespace BalaiKota.Core.Tests.Domain;

public class FindingAndPhotoTests
{
    private static (Visit Visit, Room Room, ChecklistItem Item, ChecklistTemplate Template) StartedVisit()
    {
        var opd = Samples.Opd();
        var template = Samples.PublishedDefault();
        var room = Samples.Room(opd);
        var visit = Visit.Plan(opd, new DateOnly(2026, 11, 20), "peninjau", template);
        visit.AddRoom(room);
        visit.Start(Samples.Now);
        return (visit, room, template.Items.Single(i => i.Code == "HEAT-WORK"), template);
    }

    [Fact]
    public void MakesAFindingOnlyFromANotOkAnswerOfTheSameItem()
    {
        var (visit, room, item, template) = StartedVisit();
        var ok = visit.RecordAnswer(template, room, item, AnswerInput.Reading(24), "peninjau", Samples.Now);

        Assert.Equal("finding.answerOk", Assert.Throws<DomainException>(() => Finding.FromAnswer(visit.Id, room.Id, item, InspectionArea.Heat, ok, Severity.High, "panas", Samples.Now)).Code);

        var notOk = visit.RecordAnswer(template, room, item, AnswerInput.Reading(31), "peninjau", Samples.Now);
        var finding = Finding.FromAnswer(visit.Id, room.Id, item, InspectionArea.Heat, notOk, Severity.High, "Ruang kerja 31 °C", Samples.Now);
        Assert.False(finding.IsAdHoc);
        Assert.Equal(FindingStatus.Open, finding.Status);
    }

    [Fact]
    public void ClosesAFindingOnceAndThenRefusesChanges()
    {
        var finding = Finding.AdHoc(Guid.CreateVersion7(), Guid.CreateVersion7(), InspectionArea.Safety, Severity.Critical, "Kabel terkelupas di lantai", Samples.Now);

        finding.Resolve(Samples.Now);

        Assert.True(finding.IsAdHoc);
        Assert.Equal(FindingStatus.Resolved, finding.Status);
        Assert.Equal("finding.closed", Assert.Throws<DomainException>(() => finding.ChangeSeverity(Severity.Low)).Code);
        Assert.Equal("finding.closed", Assert.Throws<DomainException>(() => finding.Dismiss("alasan", Samples.Now)).Code);
    }

    [Fact]
    public void RefusesAnEmptyFindingDescription()
    {
        Assert.Equal("finding.description", Assert.Throws<DomainException>(() => Finding.AdHoc(Guid.CreateVersion7(), Guid.CreateVersion7(), InspectionArea.Comfort, Severity.Low, "  ", Samples.Now)).Code);
    }

    [Theory]
    [InlineData(1601, 900)]
    [InlineData(900, 1601)]
    [InlineData(0, 900)]
    public void RefusesAPhotoThatWasNotScaledDown(int width, int height)
    {
        Assert.Equal("photo.size", Assert.Throws<DomainException>(() => new Photo(PhotoKind.Finding, [1], [1], width, height, "peninjau", Samples.Now)).Code);
    }

    [Fact]
    public void AttachesAPhotoToOneThingOnly()
    {
        var photo = new Photo(PhotoKind.After, [1, 2, 3], [1], 1600, 1200, "pelaksana", Samples.Now);

        photo.AttachToTask(Guid.CreateVersion7());

        Assert.Equal(3, photo.SizeBytes);
        Assert.Equal("photo.attached", Assert.Throws<DomainException>(() => photo.AttachToFinding(Guid.CreateVersion7())).Code);
        var answerId = Guid.CreateVersion7();
        var answerPhoto = new Photo(PhotoKind.Finding, [1], [1], 800, 600, "peninjau", Samples.Now);
        answerPhoto.AttachToAnswer(answerId);
        Assert.Equal(answerId, answerPhoto.AnswerId);
        Assert.Null(answerPhoto.TaskId);
    }
}
