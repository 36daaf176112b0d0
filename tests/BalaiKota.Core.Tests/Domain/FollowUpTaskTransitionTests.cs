using BalaiKota.Core.Domain;

namespace BalaiKota.Core.Tests.Domain;

public class FollowUpTaskTransitionTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);
    private readonly Guid _unit = Guid.CreateVersion7();

    private static (Finding Finding, FollowUpTask Task) NewTask(Severity severity = Severity.High)
    {
        var finding = Finding.AdHoc(Guid.CreateVersion7(), Guid.CreateVersion7(), InspectionArea.Heat, severity, "Ruang pelayanan panas, 31 °C", Samples.Now);
        return (finding, FollowUpTask.DraftFrom(finding, "sekretariat", Samples.Now, FollowUpTask.DefaultDueDate(severity, Today)));
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
    public void MergesADraftIntoAnotherOpenTaskAndClosesIt()
    {
        var (_, draft) = NewTask();
        var target = Assigned();

        draft.MergeInto(Samples.Secretariat, target, Samples.Now.AddHours(1));

        Assert.Equal(FollowUpStatus.Merged, draft.Status);
        Assert.Equal(target.Id, draft.MergedIntoTaskId);
        Assert.Equal(Samples.Now.AddHours(1), draft.ClosedAt);
        Assert.False(draft.IsOpen);
        Assert.Equal((FollowUpAction.Merge, FollowUpStatus.New, FollowUpStatus.Merged), (draft.History.Last().Action, draft.History.Last().FromStatus, draft.History.Last().ToStatus));
        Assert.Equal(FollowUpStatus.Assigned, target.Status);
    }

    [Fact]
    public void MergesOnlyADraftAndOnlyIntoAnotherTaskThatIsStillOpen()
    {
        var (_, draft) = NewTask();
        var verified = Done();
        verified.Verify(Samples.Inspector, null, Samples.Now);
        var (_, merged) = NewTask();
        merged.MergeInto(Samples.Secretariat, Assigned(), Samples.Now);

        Assert.Equal("task.mergeTarget", Assert.Throws<DomainException>(() => draft.MergeInto(Samples.Secretariat, draft, Samples.Now)).Code);
        Assert.Equal("task.mergeTarget", Assert.Throws<DomainException>(() => draft.MergeInto(Samples.Secretariat, verified, Samples.Now)).Code);
        Assert.Equal("task.mergeTarget", Assert.Throws<DomainException>(() => draft.MergeInto(Samples.Secretariat, merged, Samples.Now)).Code);
        Assert.Equal("task.transition", Assert.Throws<DomainException>(() => Assigned().MergeInto(Samples.Secretariat, NewTask().Task, Samples.Now)).Code);
        Assert.Equal("task.forbidden", Assert.Throws<DomainException>(() => draft.MergeInto(Samples.Inspector, Assigned(), Samples.Now)).Code);
        Assert.Equal(FollowUpStatus.New, draft.Status);
        Assert.Null(draft.MergedIntoTaskId);
        Assert.Single(draft.History);
    }

    [Fact]
    public void TakesCommentsFromThoseWhoWorkOnTheTaskWithoutChangingItsStatus()
    {
        var task = Assigned();
        var admin = new Actor("admin", new HashSet<string> { Roles.Administrator });

        task.Comment(Samples.Secretariat, "Mohon foto setelah perbaikan", Samples.Now);
        task.Comment(admin, "Dicatat", Samples.Now);
        task.Comment(Samples.Inspector, "Akan dicek minggu depan", Samples.Now);
        task.Comment(Samples.RepairUnit(_unit), "  Suku cadang dipesan  ", Samples.Now);

        Assert.Equal(FollowUpStatus.Assigned, task.Status);
        var comments = task.History.Where(e => e.Action == FollowUpAction.Comment).ToList();
        Assert.Equal(["Mohon foto setelah perbaikan", "Dicatat", "Akan dicek minggu depan", "Suku cadang dipesan"], comments.Select(e => e.Note));
        Assert.All(comments, e => Assert.Equal((FollowUpStatus.Assigned, FollowUpStatus.Assigned), (e.FromStatus, e.ToStatus)));
        Assert.Equal(["sekretariat", "admin", "peninjau", "pelaksana"], comments.Select(e => e.ByUserId));
    }

    [Fact]
    public void RefusesCommentsFromLeadershipAnotherUnitOrOnAMergedTaskAndEmptyOnes()
    {
        var task = Assigned();
        var (_, draft) = NewTask();
        var (_, merged) = NewTask();
        merged.MergeInto(Samples.Secretariat, Assigned(), Samples.Now);

        Assert.Equal("task.forbidden", Assert.Throws<DomainException>(() => task.Comment(Samples.Leadership, "Kapan selesai?", Samples.Now)).Code);
        Assert.Equal("task.forbidden", Assert.Throws<DomainException>(() => task.Comment(Samples.RepairUnit(Guid.CreateVersion7()), "Bukan kami", Samples.Now)).Code);
        Assert.Equal("task.forbidden", Assert.Throws<DomainException>(() => draft.Comment(Samples.RepairUnit(_unit), "Belum ditugaskan", Samples.Now)).Code);
        Assert.Equal("task.merged", Assert.Throws<DomainException>(() => merged.Comment(Samples.Secretariat, "Catatan", Samples.Now)).Code);
        Assert.Equal("task.comment", Assert.Throws<DomainException>(() => task.Comment(Samples.Secretariat, "   ", Samples.Now)).Code);
        Assert.Equal("task.comment", Assert.Throws<DomainException>(() => task.Comment(Samples.Secretariat, new string('x', 1001), Samples.Now)).Code);
        Assert.DoesNotContain(task.History, e => e.Action == FollowUpAction.Comment);
        Assert.False(task.MayComment(Samples.Leadership));
        Assert.True(task.MayComment(Samples.RepairUnit(_unit)));
    }

    [Fact]
    public void RecordsTheHandBackReasonOnTaskAndEventUntilTheNextAssignment()
    {
        var task = Assigned();

        task.HandBack(Samples.RepairUnit(_unit), HandBackReason.NotOurs, "Ini wewenang OPD", Samples.Now);

        Assert.Equal(HandBackReason.NotOurs, task.HandBackReason);
        var handBack = task.History.Last();
        Assert.Equal((FollowUpAction.HandBack, HandBackReason.NotOurs, "Ini wewenang OPD"), (handBack.Action, handBack.HandBackReason, handBack.Note));
        Assert.All(task.History.Where(e => e.Action != FollowUpAction.HandBack), e => Assert.Null(e.HandBackReason));

        var other = Guid.CreateVersion7();
        task.Assign(Samples.Secretariat, other, null, TaskPriority.Normal, Today.AddDays(3), Today, Samples.Now);

        Assert.Null(task.HandBackReason);
        Assert.Equal(other, task.ResponsibleUnitId);
        Assert.Equal(HandBackReason.NotOurs, task.History.Single(e => e.Action == FollowUpAction.HandBack).HandBackReason);
    }

    [Theory]
    [InlineData(FollowUpStatus.New, true)]
    [InlineData(FollowUpStatus.Assigned, true)]
    [InlineData(FollowUpStatus.InProgress, true)]
    [InlineData(FollowUpStatus.HandedBack, true)]
    [InlineData(FollowUpStatus.Done, true)]
    [InlineData(FollowUpStatus.Verified, false)]
    [InlineData(FollowUpStatus.Dismissed, false)]
    [InlineData(FollowUpStatus.Merged, false)]
    public void IsOpenUntilVerifiedDismissedOrMerged(FollowUpStatus status, bool open)
    {
        var task = InStatus(status);

        Assert.Equal(status, task.Status);
        Assert.Equal(open, task.IsOpen);
        Assert.Equal(open, task.ClosedAt is null);
    }

    /// <summary>
    /// Every status against every action that moves a task, by an actor who holds every role and works for the task's
    /// unit, so that only the state machine can refuse: what its table lists goes to the listed status, everything
    /// else is refused as an impossible transition and leaves the task as it was.
    /// </summary>
    [Fact]
    public void RefusesEveryTransitionThatTheStateMachineDoesNotList()
    {
        var everyone = new Actor("alle", new HashSet<string>(Roles.All), _unit);
        var actions = Enum.GetValues<FollowUpAction>().Except([FollowUpAction.Draft, FollowUpAction.Comment]).ToList();
        var tried = 0;

        foreach (var status in Enum.GetValues<FollowUpStatus>())
        {
            foreach (var action in actions)
            {
                var task = InStatus(status);
                var events = task.History.Count;
                var listed = FollowUpStateMachine.Transitions.SingleOrDefault(t => t.From == status && t.Action == action);
                if (listed is not null)
                {
                    Apply(task, action, everyone);
                    Assert.Equal(listed.To, task.Status);
                    Assert.Equal(events + 1, task.History.Count);
                }
                else
                {
                    var refused = Assert.Throws<DomainException>(() => Apply(task, action, everyone));
                    Assert.True(refused.Code == "task.transition", $"{action} on {status}: {refused.Code}");
                    Assert.Equal(status, task.Status);
                    Assert.Equal(events, task.History.Count);
                }

                tried++;
            }
        }

        Assert.Equal(Enum.GetValues<FollowUpStatus>().Length * actions.Count, tried);
        Assert.Equal(
            FollowUpStateMachine.Transitions.Count,
            FollowUpStateMachine.Transitions.Select(t => (t.From, t.Action)).Distinct().Count());
    }

    [Fact]
    public void MarksANotificationReadOnceAndKeepsTheFirstTime()
    {
        var notification = new Notification("pelaksana", NotificationKind.TaskAssigned, Guid.CreateVersion7(), null, Samples.Now);

        notification.MarkRead(Samples.Now.AddMinutes(5));
        notification.MarkRead(Samples.Now.AddMinutes(9));

        Assert.Equal(Samples.Now.AddMinutes(5), notification.ReadAt);
    }

    [Fact]
    public void RefusesATaskForAClosedFinding()
    {
        var (finding, _) = NewTask();
        finding.Dismiss("Sudah ditangani", Samples.Now);

        Assert.Equal("task.findingClosed", Assert.Throws<DomainException>(() => FollowUpTask.DraftFrom(finding, "sekretariat", Samples.Now, Today)).Code);
    }

    private FollowUpTask InStatus(FollowUpStatus status)
    {
        var repair = Samples.RepairUnit(_unit);
        switch (status)
        {
            case FollowUpStatus.New:
                return NewTask().Task;
            case FollowUpStatus.Assigned:
                return Assigned();
            case FollowUpStatus.InProgress:
                var started = Assigned();
                started.StartWork(repair, Samples.Now);
                return started;
            case FollowUpStatus.HandedBack:
                var handedBack = Assigned();
                handedBack.HandBack(repair, HandBackReason.NeedsClarification, "Lokasi tidak jelas", Samples.Now);
                return handedBack;
            case FollowUpStatus.Done:
                return Done();
            case FollowUpStatus.Verified:
                var verified = Done();
                verified.Verify(Samples.Inspector, null, Samples.Now);
                return verified;
            case FollowUpStatus.Dismissed:
                var dismissed = NewTask().Task;
                dismissed.Dismiss(Samples.Secretariat, "Bukan temuan", Samples.Now);
                return dismissed;
            case FollowUpStatus.Merged:
                var merged = NewTask().Task;
                merged.MergeInto(Samples.Secretariat, Assigned(), Samples.Now);
                return merged;
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, null);
        }
    }

    private void Apply(FollowUpTask task, FollowUpAction action, Actor actor)
    {
        switch (action)
        {
            case FollowUpAction.Assign:
                task.Assign(actor, _unit, null, TaskPriority.Normal, Today.AddDays(5), Today, Samples.Now);
                break;
            case FollowUpAction.Dismiss:
                task.Dismiss(actor, "Bukan temuan", Samples.Now);
                break;
            case FollowUpAction.StartWork:
                task.StartWork(actor, Samples.Now);
                break;
            case FollowUpAction.MarkDone:
                task.MarkDone(actor, null, Samples.Now);
                break;
            case FollowUpAction.HandBack:
                task.HandBack(actor, HandBackReason.NeedsBudget, "Perlu anggaran", Samples.Now);
                break;
            case FollowUpAction.Verify:
                task.Verify(actor, null, Samples.Now);
                break;
            case FollowUpAction.RejectVerification:
                task.RejectVerification(actor, "Belum sesuai", Samples.Now);
                break;
            case FollowUpAction.Merge:
                task.MergeInto(actor, Assigned(), Samples.Now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }
}
