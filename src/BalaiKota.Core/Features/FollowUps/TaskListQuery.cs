using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace BalaiKota.Core.Features.FollowUps;

/// <summary>
/// The queries behind the task list, shaped for tens of thousands of tasks. Reaching a task's finding costs SQLite a
/// few microseconds a row (an index seek on a text id and a row read), so the list avoids it wherever it can:
/// <list type="bullet">
/// <item>Without a filter on the finding or its room, the counts and the page come from the task table and its
/// indexes; only the sort by severity joins the findings.</item>
/// <item>A filter on the finding (OPD, building, area, severity, search) collects the matching finding ids once (IN)
/// and reads the keys of the tasks they belong to in one query; the counts, the sort and the page are then made in
/// memory, instead of reaching the findings twice, for the counts and for the page. With a status chosen, the page
/// holds few tasks, and looking up the finding of each (EXISTS) is far cheaper than collecting, say, every finding of
/// an OPD once more: then the counts come from one query and the page from another.</item>
/// <item>The page's rows are read with their finding, room and names for the ids of that page only.</item>
/// </list>
/// </summary>
internal static class TaskListQuery
{
    private static readonly FollowUpStatus[] StillDue = [FollowUpStatus.New, FollowUpStatus.Assigned, FollowUpStatus.InProgress, FollowUpStatus.HandedBack];
    private static readonly FollowUpStatus[] StillOpen =
        [FollowUpStatus.New, FollowUpStatus.Assigned, FollowUpStatus.InProgress, FollowUpStatus.HandedBack, FollowUpStatus.Done];

    private static readonly FollowUpStatus[] Overdueable = [FollowUpStatus.Assigned, FollowUpStatus.InProgress, FollowUpStatus.HandedBack];

    public static bool IsOverdue(FollowUpStatus status, DateOnly? dueDate, DateOnly today) => FollowUpTask.IsOverdue(status, dueDate, today);

    /// <summary>The counts per status of the filter without its status, and the ids of the page asked for (kept within the pages there are).</summary>
    public static async Task<CountedPage> CountAndPageAsync(BalaiKotaDbContext db, Actor actor, TaskListFilter filter, DateOnly today, int maxPageSize, CancellationToken ct)
    {
        var pageSize = Math.Clamp(filter.PageSize, 1, maxPageSize);
        var query = Filtered(db, actor, filter, today);
        if (query.Narrowed && filter.Status is null && !query.BySeverity)
        {
            var keys = await query.Matching.Select(t => new TaskKey(t.Id, t.Status, t.DueDate, t.OpenedAt)).ToListAsync(ct);
            var counts = keys.GroupBy(k => k.Status).ToDictionary(g => g.Key, g => g.Count());
            var page = Within(filter.Page, keys.Count, pageSize);
            return new CountedPage(counts, Sorted(keys, filter.Sort).Skip((page - 1) * pageSize).Take(pageSize).Select(k => k.Id).ToList(), page, pageSize);
        }

        var countsInDb = await query.Matching.GroupBy(t => t.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var total = filter.Status is { } status ? countsInDb.GetValueOrDefault(status) : countsInDb.Values.Sum();
        var pageInDb = Within(filter.Page, total, pageSize);
        var ids = total == 0 ? [] : await Sorted(db, query.Listed, filter.Sort, query.BySeverity).Skip((pageInDb - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new CountedPage(countsInDb, ids, pageInDb, pageSize);
    }

    /// <summary>Every row that passes the filter, status included, in the filter's order: the list without its pages.</summary>
    public static async Task<List<TaskRow>> AllRowsAsync(BalaiKotaDbContext db, Actor actor, TaskListFilter filter, DateOnly today, CancellationToken ct)
    {
        var query = Filtered(db, actor, filter, today);
        var ids = await Sorted(db, query.Listed, filter.Sort, query.BySeverity).ToListAsync(ct);
        var rows = await RowsOfAsync(db, query.Listed, today, ct);
        return ids.Select(id => rows[id]).ToList();
    }

    /// <summary>The rows of one page, in the order of <paramref name="ids"/>.</summary>
    public static async Task<List<TaskRow>> RowsAsync(BalaiKotaDbContext db, List<Guid> ids, DateOnly today, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await RowsOfAsync(db, db.FollowUpTasks.Where(t => ids.Contains(t.Id)), today, ct);
        return ids.Select(id => rows[id]).ToList();
    }

    /// <summary>
    /// The rows of the tasks a query selects, by id, with their finding, room and names. The tasks are given as a query,
    /// not as a list of ids, so that an export of thousands of tasks stays one statement within the providers' limits
    /// on parameters.
    /// </summary>
    public static async Task<Dictionary<Guid, TaskRow>> RowsOfAsync(BalaiKotaDbContext db, IQueryable<FollowUpTask> tasks, DateOnly today, CancellationToken ct)
    {
        var rows = await (from t in tasks
                          join f in db.Findings on t.FindingId equals f.Id
                          join r in db.Rooms on f.RoomId equals r.Id
                          join o in db.Opds on r.OpdId equals o.Id
                          join b in db.Buildings on r.BuildingId equals b.Id
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
                              t.ClosedAt,
                          })
            .AsNoTracking()
            .ToListAsync(ct);
        return rows.ToDictionary(x => x.Id, x => new TaskRow(
            x.Id, x.Opd, x.Building, x.Room, x.Floor, x.Area, x.Severity, x.Description, x.Status, x.Priority, x.Unit, x.Assignee, x.DueDate,
            IsOverdue(x.Status, x.DueDate, today),
            x.OpenedAt,
            x.ClosedAt));
    }

    /// <summary>
    /// The filter as queries: the tasks that pass it but its status (<see cref="FilteredTasks.Matching"/>, for the
    /// counts) and those that pass it all (<see cref="FilteredTasks.Listed"/>), reaching the findings as the remarks
    /// on this class explain.
    /// </summary>
    private static FilteredTasks Filtered(BalaiKotaDbContext db, Actor actor, TaskListFilter filter, DateOnly today)
    {
        var tasks = Tasks(db, actor, filter, today);
        var findings = Findings(db, filter);
        var pattern = string.IsNullOrWhiteSpace(filter.Search) ? null : LikePattern(filter.Search);
        var narrowed = findings is not null || pattern is not null;
        var matching = narrowed ? WithFindingIn(db, tasks, findings, pattern) : tasks;
        var listed = filter.Status switch
        {
            { } chosen when narrowed => WithFindingExisting(db, tasks.Where(t => t.Status == chosen), findings, pattern),
            { } chosen => tasks.Where(t => t.Status == chosen),
            null => matching,
        };

        // Sorting by severity needs each task's finding; with one severity chosen it is the order of the due dates.
        return new FilteredTasks(matching, listed, narrowed, filter.Sort == TaskSort.SeverityDesc && filter.Severity is null);
    }

    private static int Within(int page, int total, int pageSize) => Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));

    /// <summary>
    /// The readable tasks that pass the filters on the task itself, all but the status, and the one on the caller's own
    /// visits: an inspector's visits are few, and so are their findings, collected once (IN).
    /// </summary>
    private static IQueryable<FollowUpTask> Tasks(BalaiKotaDbContext db, Actor actor, TaskListFilter filter, DateOnly today)
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

        if (filter.OpenOnly)
        {
            tasks = tasks.Where(t => StillDue.Contains(t.Status));
        }

        if (filter.FromMyVisits)
        {
            var userId = actor.UserId;
            var visits = db.Visits.Where(v => v.LeadInspectorId == userId || v.Team.Any(m => m.UserId == userId)).Select(v => v.Id);
            var findings = db.Findings.Where(f => visits.Contains(f.VisitId)).Select(f => f.Id);
            tasks = tasks.Where(t => findings.Contains(t.FindingId));
        }

        if (filter.NotClosedOnly)
        {
            tasks = tasks.Where(t => t.ClosedAt == null && StillOpen.Contains(t.Status));
        }

        if (filter.OpenedIn is { } opened)
        {
            var (start, end) = (opened.StartUtc, opened.EndUtc);
            tasks = tasks.Where(t => t.OpenedAt >= start && t.OpenedAt < end && t.Status != FollowUpStatus.Merged && t.Status != FollowUpStatus.Dismissed);
        }

        if (filter.ClosedIn is { } closed)
        {
            var (start, end) = (closed.StartUtc, closed.EndUtc);
            tasks = tasks.Where(t => t.Status == FollowUpStatus.Verified && t.ClosedAt >= start && t.ClosedAt < end);
        }

        if (filter.DueThisWeek)
        {
            var week = WibWeek.Containing(today);
            var (monday, nextMonday) = (week.FirstDay, week.EndDay);
            tasks = tasks.Where(t => t.DueDate >= monday && t.DueDate < nextMonday && StillDue.Contains(t.Status));
        }

        return tasks;
    }

    /// <summary>The findings that pass the filters on the finding and its room but the search; null when there are none.</summary>
    private static IQueryable<Finding>? Findings(BalaiKotaDbContext db, TaskListFilter filter)
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

        if (filter.FoundIn is { } found)
        {
            var (start, end) = (found.StartUtc, found.EndUtc);
            findings = findings.Where(f => db.Visits.Any(v => v.Id == f.VisitId && v.SubmittedAt >= start && v.SubmittedAt < end));
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

    /// <summary>A LIKE pattern for "contains the text", lower-cased, with %, _ and the escape character \ taken literally.</summary>
    private static string LikePattern(string text) =>
        "%" + text.Trim().ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    /// <summary>
    /// The tasks whose finding is among the ones collected once (IN). A text search collects the findings it matches by
    /// description and those in the rooms it matches by name separately (UNION ALL): the second are found through the
    /// index on the room, not tested one by one.
    /// </summary>
    private static IQueryable<FollowUpTask> WithFindingIn(BalaiKotaDbContext db, IQueryable<FollowUpTask> tasks, IQueryable<Finding>? findings, string? pattern)
    {
        var candidates = findings ?? db.Findings.AsNoTracking();
        if (pattern is null)
        {
            return tasks.Where(t => candidates.Select(f => f.Id).Contains(t.FindingId));
        }

        var named = RoomsNamed(db, pattern);
        var ids = Described(db, candidates, pattern).Select(f => f.Id).Concat(candidates.Where(f => named.Contains(f.RoomId)).Select(f => f.Id));
        return tasks.Where(t => ids.Contains(t.FindingId));
    }

    /// <summary>The tasks whose own finding, looked up for each (EXISTS), passes the filters.</summary>
    private static IQueryable<FollowUpTask> WithFindingExisting(BalaiKotaDbContext db, IQueryable<FollowUpTask> tasks, IQueryable<Finding>? findings, string? pattern)
    {
        var candidates = findings ?? db.Findings.AsNoTracking();
        if (pattern is null)
        {
            return tasks.Where(t => candidates.Any(f => f.Id == t.FindingId));
        }

        var named = RoomsNamed(db, pattern);
        var described = Described(db, candidates, pattern);
        return tasks.Where(t => described.Any(f => f.Id == t.FindingId) || candidates.Any(f => f.Id == t.FindingId && named.Contains(f.RoomId)));
    }

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

    /// <summary>The ids in the order asked for; ties fall back on the id, so that pages never overlap.</summary>
    private static IQueryable<Guid> Sorted(BalaiKotaDbContext db, IQueryable<FollowUpTask> tasks, TaskSort sort, bool bySeverity) => sort switch
    {
        TaskSort.SeverityDesc when bySeverity =>
            from t in tasks
            join f in db.Findings on t.FindingId equals f.Id
            orderby (f.Severity == Severity.Critical ? 3 : f.Severity == Severity.High ? 2 : f.Severity == Severity.Medium ? 1 : 0) descending,
                t.DueDate, t.Id
            select t.Id,
        TaskSort.NewestFirst => tasks.OrderByDescending(t => t.OpenedAt).ThenByDescending(t => t.Id).Select(t => t.Id),
        TaskSort.OldestFirst => tasks.OrderBy(t => t.OpenedAt).ThenBy(t => t.Id).Select(t => t.Id),
        _ => tasks.OrderBy(t => t.DueDate).ThenBy(t => t.Id).Select(t => t.Id),
    };

    /// <summary>The same orders in memory; <see cref="Guid.CompareTo(Guid)"/> orders ids as both databases do.</summary>
    private static IEnumerable<TaskKey> Sorted(List<TaskKey> keys, TaskSort sort) => sort switch
    {
        TaskSort.NewestFirst => keys.OrderByDescending(k => k.OpenedAt).ThenByDescending(k => k.Id),
        TaskSort.OldestFirst => keys.OrderBy(k => k.OpenedAt).ThenBy(k => k.Id),
        _ => keys.OrderBy(k => k.DueDate).ThenBy(k => k.Id),
    };

    private sealed record TaskKey(Guid Id, FollowUpStatus Status, DateOnly? DueDate, DateTime OpenedAt);

    private sealed record FilteredTasks(IQueryable<FollowUpTask> Matching, IQueryable<FollowUpTask> Listed, bool Narrowed, bool BySeverity);
}

/// <summary>The counts per status of a list's filter and the ids of one page of it.</summary>
internal sealed record CountedPage(Dictionary<FollowUpStatus, int> Counts, List<Guid> Ids, int Page, int PageSize);
