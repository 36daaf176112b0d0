using BalaiKota.Core.Domain;

namespace BalaiKota.Core.Tests.Domain;

public class FollowUpTaskTransitionTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);
    private readonly Guid _unit = Guid.CreateVersion7();

    private static (Finding Finding, FollowUpTask Task) NewTask(Severity severity = Severity.High)
    {
        var finding = Finding.AdHoc(Guid.CreateVersion7(), Guid.CreateVersion7(), InspectionArea.Heat, severity, "Ruang pelayanan panas, 31 °C", Samples.Now);
        return (finding, FollowUpTask.DraftFrom(finding, "sekretariat", Samples.Now));
    }

    private FollowUpTask Assigned()
    {
        var (_, task) = NewTask();
        task.Assign(Samples.Secretariat, _unit, null, TaskPriority.High, Today.AddDays(7), Today, Samples.Now);
        return task;
    }

    private FollowUpTask Done()
    {
        var task = Assigned();
        task.MarkDone(Samples.RepairUnit(_unit), "AC diperbaiki", Samples.Now);
        return task;
    }

    [Fact]
    public void WalksTheWholeWayFromDraftToVerifiedWithAFullHistory()
    {
        var (_, task) = NewTask();
        var repair = Samples.RepairUnit(_unit);

        task.Assign(Samples.Secretariat, _unit, "pelaksana", TaskPriority.High, Today.AddDays(7), Today, Samples.Now);
        task.StartWork(repair, Samples.Now.AddDays(1));
        task.MarkDone(repair, "Filter AC dibersihkan", Samples.Now.AddDays(2));
        task.RejectVerification(Samples.Inspector, "Masih 29 °C", Samples.Now.AddDays(3));
        task.MarkDone(repair, "Unit AC diganti", Samples.Now.AddDays(5));
        task.Verify(Samples.Inspector, "25 °C saat kunjungan ulang", Samples.Now.AddDays(6));

        Assert.Equal(FollowUpStatus.Verified, task.Status);
        Assert.Equal(Samples.Now.AddDays(6), task.ClosedAt);
        Assert.Equal(
            [FollowUpAction.Draft, FollowUpAction.Assign, FollowUpAction.StartWork, FollowUpAction.MarkDone, FollowUpAction.RejectVerification, FollowUpAction.MarkDone, FollowUpAction.Verify],
            task.History.Select(h => h.Action));
        Assert.Equal("Masih 29 °C", task.History.Single(h => h.Action == FollowUpAction.RejectVerification).Note);
        Assert.Equal(FollowUpStatus.InProgress, task.History.Single(h => h.Action == FollowUpAction.RejectVerification).ToStatus);
    }

    [Fact]
    public void RefusesToVerifyATaskThatIsNotDone()
    {
        var task = Assigned();

        var error = Assert.Throws<DomainException>(() => task.Verify(Samples.Inspector, null, Samples.Now));

        Assert.Equal("task.transition", error.Code);
        Assert.Equal(FollowUpStatus.Assigned, task.Status);
    }

    [Fact]
    public void RefusesToAssignAClosedTask()
    {
        var task = Done();
        task.Verify(Samples.Inspector, null, Samples.Now);

        Assert.Equal("task.transition", Assert.Throws<DomainException>(() => task.Assign(Samples.Secretariat, _unit, null, TaskPriority.Low, Today, Today, Samples.Now)).Code);
    }

    [Fact]
    public void RefusesADueDateInThePast()
    {
        var (_, task) = NewTask();

        Assert.Equal("task.dueInPast", Assert.Throws<DomainException>(() => task.Assign(Samples.Secretariat, _unit, null, TaskPriority.Low, Today.AddDays(-1), Today, Samples.Now)).Code);
        Assert.Equal(FollowUpStatus.New, task.Status);
    }

    [Fact]
    public void LetsOnlyTheAssignedUnitWorkOnTheTask()
    {
        var task = Assigned();

        Assert.Equal("task.forbidden", Assert.Throws<DomainException>(() => task.StartWork(Samples.RepairUnit(Guid.CreateVersion7()), Samples.Now)).Code);
        task.StartWork(Samples.RepairUnit(_unit), Samples.Now);
        Assert.Equal(FollowUpStatus.InProgress, task.Status);
    }

    [Fact]
    public void LetsNoOtherRoleDoTheRepairUnitsWorkOrTheSecretariatsTriage()
    {
        var task = Assigned();
        var (_, fresh) = NewTask();

        Assert.Equal("task.forbidden", Assert.Throws<DomainException>(() => task.MarkDone(Samples.Secretariat, null, Samples.Now)).Code);
        Assert.Equal("task.forbidden", Assert.Throws<DomainException>(() => fresh.Assign(Samples.Inspector, _unit, null, TaskPriority.Low, Today, Today, Samples.Now)).Code);
        Assert.Equal("task.forbidden", Assert.Throws<DomainException>(() => fresh.Dismiss(Samples.RepairUnit(_unit), "bukan tugas kami", Samples.Now)).Code);
    }

    [Fact]
    public void LetsLeadershipTakeNoAction()
    {
        var (_, fresh) = NewTask();

        Assert.Empty(fresh.AllowedActions(Samples.Leadership));
        Assert.Empty(Assigned().AllowedActions(Samples.Leadership));
        Assert.Empty(Done().AllowedActions(Samples.Leadership));
    }

    [Fact]
    public void OffersEachRoleExactlyItsTransitions()
    {
        Assert.Equal([FollowUpAction.Assign, FollowUpAction.Dismiss, FollowUpAction.Merge], NewTask().Task.AllowedActions(Samples.Secretariat));
        Assert.Equal([FollowUpAction.StartWork, FollowUpAction.MarkDone, FollowUpAction.HandBack], Assigned().AllowedActions(Samples.RepairUnit(_unit)));
        Assert.Equal([FollowUpAction.Verify, FollowUpAction.RejectVerification], Done().AllowedActions(Samples.Inspector));
        Assert.Empty(Done().AllowedActions(Samples.RepairUnit(_unit)));
    }

    [Fact]
    public void AHandedBackTaskReturnsToTheSecretariatWithItsReason()
    {
        var task = Assigned();
        var repair = Samples.RepairUnit(_unit);

        Assert.Equal("task.reason", Assert.Throws<DomainException>(() => task.HandBack(repair, HandBackReason.NeedsBudget, " ", Samples.Now)).Code);
        task.HandBack(repair, HandBackReason.NeedsBudget, "Perlu anggaran", Samples.Now);

        Assert.Equal(FollowUpStatus.HandedBack, task.Status);
        Assert.Equal([FollowUpAction.Assign, FollowUpAction.Dismiss], task.AllowedActions(Samples.Secretariat));
        Assert.Equal("Perlu anggaran", task.History.Last().Note);
    }

    [Theory]
    [InlineData(Severity.Critical, TaskPriority.Urgent, 3)]
    [InlineData(Severity.High, TaskPriority.High, 7)]
    [InlineData(Severity.Medium, TaskPriority.Normal, 14)]
    [InlineData(Severity.Low, TaskPriority.Low, 30)]
    public void DefaultsPriorityAndDueDateFromSeverity(Severity severity, TaskPriority priority, int days)
    {
        Assert.Equal(priority, NewTask(severity).Task.Priority);
        Assert.Equal(Today.AddDays(days), FollowUpTask.DefaultDueDate(severity, Today));
    }

    [Fact]
    public void TakesConfiguredDaysPerSeverityAndProposesTheDueDateOnTheDraft()
    {
        var days = new DueDays { Critical = 1, High = 2, Medium = 5, Low = 60 };
        Assert.Equal(Today.AddDays(1), days.DueDate(Severity.Critical, Today));
        Assert.Equal(Today.AddDays(60), days.DueDate(Severity.Low, Today));

        var finding = Finding.AdHoc(Guid.CreateVersion7(), Guid.CreateVersion7(), InspectionArea.Safety, Severity.High, "Kabel terkelupas", Samples.Now);
        var task = FollowUpTask.DraftFrom(finding, "peninjau", Samples.Now, days.DueDate(finding.Severity, Today));
        Assert.Equal(Today.AddDays(2), task.DueDate);
        Assert.Equal(FollowUpStatus.New, task.Status);
    }

    [Fact]
    public void IsOverdueOnlyWhileOpenAndPastItsDueDate()
    {
        var task = Assigned();

        Assert.False(task.IsOverdue(Today.AddDays(7)));
        Assert.True(task.IsOverdue(Today.AddDays(8)));
        task.MarkDone(Samples.RepairUnit(_unit), null, Samples.Now);
        Assert.False(task.IsOverdue(Today.AddDays(30)));
    }

    [Fact]
    public void RefusesATaskForAClosedFinding()
    {
        var (finding, _) = NewTask();
        finding.Dismiss("Sudah ditangani", Samples.Now);

        Assert.Equal("task.findingClosed", Assert.Throws<DomainException>(() => FollowUpTask.DraftFrom(finding, "sekretariat", Samples.Now)).Code);
    }
}
