using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace BalaiKota.Core.Features.FollowUps;

/// <summary>The in-app bell: a user's own entries only, and the due and overdue reminders made once per due date.</summary>
public sealed class NotificationService(IDbContextFactory<BalaiKotaDbContext> contexts, TimeProvider clock)
{
    public const int ShownInBell = 20;

    /// <summary>
    /// An overdue reminder is made for a due date of the last week only: a reminder is news when a task falls due, and a
    /// first start on years of history would otherwise fill every bell with old tasks (the list's overdue filter has them).
    /// </summary>
    public const int OverdueRemindedForDays = 7;

    public async Task<int> UnreadCountAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Notifications.CountAsync(n => n.UserId == actor.UserId && n.ReadAt == null, ct);
    }

    /// <summary>The newest entries of the caller, unread first.</summary>
    public async Task<IReadOnlyList<NotificationView>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await (from n in db.Notifications.AsNoTracking()
                      join t in db.FollowUpTasks on n.TaskId equals t.Id
                      join f in db.Findings on t.FindingId equals f.Id
                      join r in db.Rooms on f.RoomId equals r.Id
                      join o in db.Opds on r.OpdId equals o.Id
                      where n.UserId == actor.UserId
                      orderby n.ReadAt == null descending, n.CreatedAt descending
                      select new NotificationView(n.Id, n.Kind, n.TaskId, f.Description, r.Name, o.Name, n.DueDate ?? t.DueDate, n.CreatedAt, n.ReadAt != null))
            .Take(ShownInBell)
            .ToListAsync(ct);
    }

    public async Task MarkReadAsync(Actor actor, Guid notificationId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Notifications.Where(n => n.Id == notificationId && n.UserId == actor.UserId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, clock.GetUtcNow().UtcDateTime), ct);
    }

    public async Task MarkAllReadAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Notifications.Where(n => n.UserId == actor.UserId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, clock.GetUtcNow().UtcDateTime), ct);
    }

    /// <summary>
    /// Reminds a unit's members of tasks due within two days and of overdue ones (the secretariat too, for overdue),
    /// once per task, kind and due date; returns how many entries it made.
    /// </summary>
    public async Task<int> CreateDueRemindersAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var today = Wib.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var soon = today.AddDays(2);
        var overdueSince = today.AddDays(-OverdueRemindedForDays);
        var working = new[] { FollowUpStatus.Assigned, FollowUpStatus.InProgress, FollowUpStatus.HandedBack };
        var dueTasks = db.FollowUpTasks.AsNoTracking().Where(t => working.Contains(t.Status) && t.DueDate != null && t.DueDate <= soon && t.DueDate >= overdueSince);
        var due = await dueTasks.Select(t => new { t.Id, t.ResponsibleUnitId, DueDate = t.DueDate!.Value, t.Status }).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        // The reminders made before for these tasks' present due dates, in one query rather than one per task: a few
        // years of history leave thousands of tasks overdue.
        var reminders = new[] { NotificationKind.TaskDueSoon, NotificationKind.TaskOverdue };
        var already = (await (from n in db.Notifications.AsNoTracking()
                              join t in dueTasks on n.TaskId equals t.Id
                              where reminders.Contains(n.Kind) && n.DueDate == t.DueDate
                              select new { n.TaskId, n.Kind, n.UserId })
                .ToListAsync(ct))
            .Select(n => (n.TaskId, n.Kind, n.UserId))
            .ToHashSet();
        var secretariat = await FollowUpNotifier.RoleMembersAsync(db, Roles.Secretariat, ct);
        var members = new Dictionary<Guid, List<string>>();
        var made = 0;
        foreach (var task in due)
        {
            var kind = task.DueDate < today ? NotificationKind.TaskOverdue : NotificationKind.TaskDueSoon;
            if (kind == NotificationKind.TaskDueSoon && task.Status == FollowUpStatus.HandedBack)
            {
                continue;
            }

            var unitMembers = task.ResponsibleUnitId is { } unitId
                ? members.TryGetValue(unitId, out var known) ? known : members[unitId] = await FollowUpNotifier.UnitMembersAsync(db, unitId, ct)
                : [];
            var recipients = kind == NotificationKind.TaskOverdue ? unitMembers.Concat(secretariat).Distinct() : unitMembers;
            foreach (var userId in recipients.Where(userId => !already.Contains((task.Id, kind, userId))))
            {
                db.Notifications.Add(new Notification(userId, kind, task.Id, task.DueDate, now));
                made++;
            }
        }

        await db.SaveChangesAsync(ct);
        return made;
    }
}
