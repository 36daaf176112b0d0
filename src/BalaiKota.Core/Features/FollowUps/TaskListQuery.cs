using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace BalaiKota.Core.Features.FollowUps;

/// <summary>
/// The queries behind the task list, shaped for tens of thousands of tasks: counting and paging touch only the task
/// table (and its indexes) unless a filter on the finding or its room, or the sort by severity, needs the findings;
/// the page's rows are read with their finding, room and names only for the ids of that page.
/// </summary>
internal static class TaskListQuery
{
    private static readonly FollowUpStatus[] StillDue = [FollowUpStatus.New, FollowUpStatus.Assigned, FollowUpStatus.InProgress, FollowUpStatus.HandedBack];
    private static readonly FollowUpStatus[] Overdueable = [FollowUpStatus.Assigned, FollowUpStatus.InProgress, FollowUpStatus.HandedBack];

    public static bool IsOverdue(FollowUpStatus status, DateOnly? dueDate, DateOnly today) => dueDate < today && Overdueable.Contains(status);

    /// <summary>
    /// The readable tasks that pass the filter; <paramref name="withStatus"/> false leaves the status out, as the counts
    /// per status do. SQLite joins slowly on the text ids, so a filter on the finding or its room is shaped by how many
    /// tasks it meets: without a status it meets many, and the matching findings are collected once (IN); with a status
    /// it meets few, and the finding of each is looked up (EXISTS), which is far cheaper than collecting, say, all of an
    /// OPD's findings. A text search collects the findings it matches by description and those in rooms it matches by
    /// name separately (UNION ALL): the rooms are found through their index, not tested on every finding. PostgreSQL
    /// plans either shape as the same semi-join.
    /// </summary>
    public static IQueryable<FollowUpTask> Matching(BalaiKotaDbContext db, Actor actor, TaskListFilter filter, DateOnly today, bool withStatus)
    {
        var tasks = FollowUpAccess.Readable(db.FollowUpTasks.AsNoTracking(), actor);
        if (filter.UnitId is { } unitId)
        {
            tasks = tasks.Where(t => t.ResponsibleUnitId == unitId);
        }

        if (!string.IsNullOrWhiteSpace(filter.AssigneeId))
        {
            tasks = tasks.Where(t => t.AssigneeId == filter.AssigneeId);
        }

        if (filter.OverdueOnly)
        {
            tasks = tasks.Where(t => t.DueDate < today && Overdueable.Contains(t.Status));
        }

        if (filter.DueThisWeek)
        {
            var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
            var sunday = monday.AddDays(6);
            tasks = tasks.Where(t => t.DueDate >= monday && t.DueDate <= sunday && StillDue.Contains(t.Status));
        }

        var few = withStatus && filter.Status is not null;
        if (few)
        {
            tasks = tasks.Where(t => t.Status == filter.Status);
        }

        var findings = FindingsOf(db, filter);
        var pattern = string.IsNullOrWhiteSpace(filter.Search) ? null : LikePattern(filter.Search);
        if (findings is null && pattern is null)
        {
            return tasks;
        }

        findings ??= db.Findings.AsNoTracking();
        if (pattern is null)
        {
            return few
                ? tasks.Where(t => findings.Any(f => f.Id == t.FindingId))
                : tasks.Where(t => findings.Select(f => f.Id).Contains(t.FindingId));
        }

        var described = Described(db, findings, pattern);
        var inRooms = findings.Where(f => RoomsNamed(db, pattern).Contains(f.RoomId));
        return few
            ? tasks.Where(t => described.Any(f => f.Id == t.FindingId) || inRooms.Any(f => f.Id == t.FindingId))
            : tasks.Where(t => described.Select(f => f.Id).Concat(inRooms.Select(f => f.Id)).Contains(t.FindingId));
    }

    /// <summary>
    /// The ids of the tasks in the order asked for; ties fall back on the id, so that pages never overlap. Sorting by
    /// severity needs every task's finding, unless a severity is chosen: then it is the order of the due dates.
    /// </summary>
    public static IQueryable<Guid> SortedIds(BalaiKotaDbContext db, IQueryable<FollowUpTask> tasks, TaskListFilter filter) => filter.Sort switch
    {
        TaskSort.SeverityDesc when filter.Severity is null =>
            from t in tasks
            join f in db.Findings on t.FindingId equals f.Id
            orderby (f.Severity == Severity.Critical ? 3 : f.Severity == Severity.High ? 2 : f.Severity == Severity.Medium ? 1 : 0) descending,
                t.DueDate, t.Id
            select t.Id,
        TaskSort.NewestFirst => tasks.OrderByDescending(t => t.OpenedAt).ThenByDescending(t => t.Id).Select(t => t.Id),
        TaskSort.OldestFirst => tasks.OrderBy(t => t.OpenedAt).ThenBy(t => t.Id).Select(t => t.Id),
        _ => tasks.OrderBy(t => t.DueDate).ThenBy(t => t.Id).Select(t => t.Id),
    };

    /// <summary>The rows of one page, in the order of <paramref name="ids"/>.</summary>
    public static async Task<List<TaskRow>> RowsAsync(BalaiKotaDbContext db, List<Guid> ids, DateOnly today, CancellationToken ct)
    {
        var rows = await (from t in db.FollowUpTasks.AsNoTracking()
                          join f in db.Findings on t.FindingId equals f.Id
                          join r in db.Rooms on f.RoomId equals r.Id
                          join o in db.Opds on r.OpdId equals o.Id
                          join b in db.Buildings on r.BuildingId equals b.Id
                          where ids.Contains(t.Id)
                          select new
                          {
                              t.Id,
                              Opd = o.Name,
                              Building = b.Name,
                              Room = r.Name,
                              r.Floor,
                              f.Area,
                              f.Severity,
                              f.Description,
                              t.Status,
                              t.Priority,
                              Unit = db.ResponsibleUnits.Where(u => u.Id == t.ResponsibleUnitId).Select(u => u.Name).FirstOrDefault(),
                              Assignee = db.Users.Where(u => u.Id == t.AssigneeId).Select(u => u.FullName).FirstOrDefault(),
                              t.DueDate,
                              t.OpenedAt,
                          })
            .ToDictionaryAsync(x => x.Id, ct);
        return ids.Select(id => rows[id]).Select(x => new TaskRow(
            x.Id, x.Opd, x.Building, x.Room, x.Floor, x.Area, x.Severity, x.Description, x.Status, x.Priority, x.Unit, x.Assignee, x.DueDate,
            IsOverdue(x.Status, x.DueDate, today),
            x.OpenedAt)).ToList();
    }

    private static IQueryable<Guid> Sorted(BalaiKotaDbContext db, IQueryable<FollowUpTask> tasks, TaskSort sort, bool reversed) => (sort, reversed) switch
    {
        (TaskSort.SeverityDesc, false) =>
            from t in tasks
            join f in db.Findings on t.FindingId equals f.Id
            orderby (f.Severity == Severity.Critical ? 3 : f.Severity == Severity.High ? 2 : f.Severity == Severity.Medium ? 1 : 0) descending,
                t.DueDate == null, t.DueDate, t.Id
            select t.Id,
        (TaskSort.SeverityDesc, true) =>
            from t in tasks
            join f in db.Findings on t.FindingId equals f.Id
            orderby (f.Severity == Severity.Critical ? 3 : f.Severity == Severity.High ? 2 : f.Severity == Severity.Medium ? 1 : 0),
                t.DueDate == null descending, t.DueDate descending, t.Id descending
            select t.Id,
        (TaskSort.NewestFirst, false) or (TaskSort.OldestFirst, true) => tasks.OrderByDescending(t => t.OpenedAt).ThenByDescending(t => t.Id).Select(t => t.Id),
        (TaskSort.OldestFirst, false) or (TaskSort.NewestFirst, true) => tasks.OrderBy(t => t.OpenedAt).ThenBy(t => t.Id).Select(t => t.Id),
        (_, false) => tasks.OrderBy(t => t.DueDate == null).ThenBy(t => t.DueDate).ThenBy(t => t.Id).Select(t => t.Id),
        (_, true) => tasks.OrderByDescending(t => t.DueDate == null).ThenByDescending(t => t.DueDate).ThenByDescending(t => t.Id).Select(t => t.Id),
    };

    /// <summary>The findings that pass the filters on the finding and its room, but the search; null when there are none.</summary>
    private static IQueryable<Finding>? FindingsOf(BalaiKotaDbContext db, TaskListFilter filter)
    {
        var findings = db.Findings.AsNoTracking();
        var filtered = false;
        if (filter.OpdId is not null || filter.BuildingId is not null)
        {
            var rooms = db.Rooms.AsNoTracking();
            if (filter.OpdId is { } opdId)
            {
                rooms = rooms.Where(r => r.OpdId == opdId);
            }

            if (filter.BuildingId is { } buildingId)
            {
                rooms = rooms.Where(r => r.BuildingId == buildingId);
            }

            findings = findings.Where(f => rooms.Select(r => r.Id).Contains(f.RoomId));
            filtered = true;
        }

        if (filter.Area is { } area)
        {
            findings = findings.Where(f => f.Area == area);
            filtered = true;
        }

        if (filter.Severity is { } severity)
        {
            findings = findings.Where(f => f.Severity == severity);
            filtered = true;
        }

        return filtered ? findings : null;
    }

    /// <summary>A LIKE pattern for "contains the text", lower-cased, with %, _ and the escape character taken literally.</summary>
    private static string LikePattern(string text) =>
        "%" + text.Trim().ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    // Case is ignored for the ASCII letters Indonesian is written in, the same on both providers. SQLite's LIKE does
    // that by itself (and its lower() knows no more). PostgreSQL's LIKE heeds case, so both sides are lower-cased,
    // under the "C" collation: lower() under the database's UTF-8 locale costs three times as much on every row.
    private static IQueryable<Finding> Described(BalaiKotaDbContext db, IQueryable<Finding> findings, string pattern) =>
        db.Database.IsSqlite()
            ? findings.Where(f => EF.Functions.Like(f.Description, pattern, "\\"))
            : findings.Where(f => EF.Functions.Like(EF.Functions.Collate(f.Description, "C").ToLower(), pattern, "\\"));

    private static IQueryable<Guid> RoomsNamed(BalaiKotaDbContext db, string pattern) =>
        (db.Database.IsSqlite()
            ? db.Rooms.Where(r => EF.Functions.Like(r.Name, pattern, "\\"))
            : db.Rooms.Where(r => EF.Functions.Like(EF.Functions.Collate(r.Name, "C").ToLower(), pattern, "\\")))
        .Select(r => r.Id);
}
