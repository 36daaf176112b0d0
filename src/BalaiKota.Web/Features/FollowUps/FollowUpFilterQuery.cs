using System.Globalization;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.FollowUps;
using Severity = BalaiKota.Core.Domain.Severity;

namespace BalaiKota.Web.Features.FollowUps;

/// <summary>What the page address of the follow-ups page says: the task list's filters, and whether the triage queue is open.</summary>
/// <param name="Ignored">The parts of the address that were not understood, as "name=value", for a gentle notice.</param>
public sealed record FollowUpFilterReading(TaskListFilter Filter, bool ShowQueue, IReadOnlyList<string> Ignored);

/// <summary>
/// The task list's filters in the page address, so that a filtered list can be bookmarked or sent. Reading is forgiving:
/// a value that is malformed, or names an OPD, building, unit or person that does not exist, is left out and reported.
/// </summary>
public static class FollowUpFilterQuery
{
    public const string Opd = "opd";
    public const string Building = "building";
    public const string Area = "area";
    public const string Severity = "severity";
    public const string Status = "status";
    public const string Unit = "unit";
    public const string Assignee = "assignee";
    public const string Overdue = "overdue";
    public const string DueThisWeek = "week";
    public const string Open = "open";
    public const string FromMyVisits = "mine";
    public const string Search = "q";
    public const string NotClosedOnly = "unclosed";
    public const string FoundIn = "found";
    public const string OpenedIn = "opened";
    public const string ClosedIn = "closed";
    public const string Sort = "sort";
    public const string Page = "page";
    public const string View = "view";
    public const string QueueView = "queue";
    public const int PageSize = 25;

    /// <summary>Newest first: sorted by due date, the list would open on tasks verified months ago.</summary>
    public const TaskSort DefaultSort = TaskSort.NewestFirst;

    public const int MaxSearchLength = 200;

    public static FollowUpFilterReading Read(IReadOnlyDictionary<string, string?> query, TaskOptions options, bool mayTriage)
    {
        var ignored = new List<string>();

        T? Take<T>(string key, Func<string, T?> parse)
            where T : struct
        {
            if (!query.TryGetValue(key, out var raw) || string.IsNullOrWhiteSpace(raw))
            {
                return null;
            }

            var value = parse(raw.Trim());
            if (value is null)
            {
                ignored.Add($"{key}={raw}");
            }

            return value;
        }

        var members = options.Units.SelectMany(u => u.Members).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var assignee = query.GetValueOrDefault(Assignee)?.Trim();
        if (!string.IsNullOrEmpty(assignee) && !members.Contains(assignee))
        {
            ignored.Add($"{Assignee}={assignee}");
            assignee = null;
        }

        var search = query.GetValueOrDefault(Search)?.Trim();
        if (search?.Length > MaxSearchLength)
        {
            ignored.Add($"{Search}={search[..20]}…");
            search = null;
        }

        var filter = new TaskListFilter(
            OpdId: Take(Opd, raw => Known(raw, options.Opds.Select(o => o.Id))),
            BuildingId: Take(Building, raw => Known(raw, options.Buildings.Select(b => b.Id))),
            Area: Take(Area, Named<InspectionArea>),
            Severity: Take(Severity, Named<Severity>),
            Status: Take(Status, Named<FollowUpStatus>),
            UnitId: Take(Unit, raw => Known(raw, options.Units.Select(u => u.Id.ToString()))),
            AssigneeId: string.IsNullOrEmpty(assignee) ? null : assignee,
            OverdueOnly: Take(Overdue, Flag) ?? false,
            DueThisWeek: Take(DueThisWeek, Flag) ?? false,
            OpenOnly: Take(Open, Flag) ?? false,
            FromMyVisits: Take(FromMyVisits, Flag) ?? false,
            Search: string.IsNullOrEmpty(search) ? null : search,
            NotClosedOnly: Take(NotClosedOnly, Flag) ?? false,
            FoundIn: Take(FoundIn, Period),
            OpenedIn: Take(OpenedIn, Period),
            ClosedIn: Take(ClosedIn, Period),
            Sort: Take(Sort, Named<TaskSort>) ?? DefaultSort,
            Page: Take(Page, PageNumber) ?? 1,
            PageSize: PageSize);

        var view = query.GetValueOrDefault(View)?.Trim();
        var showQueue = mayTriage && view == QueueView;
        if (!string.IsNullOrEmpty(view) && !showQueue)
        {
            ignored.Add($"{View}={view}");
        }

        return new FollowUpFilterReading(filter, showQueue, ignored);
    }

    /// <summary>
    /// The address parameters of a list: every known parameter is written, so a value that was ignored disappears from
    /// the address at the next change, and defaults are left out to keep the address short.
    /// </summary>
    public static IReadOnlyDictionary<string, object?> Write(TaskListFilter filter, bool showQueue) => new Dictionary<string, object?>
    {
        [Opd] = filter.OpdId?.ToString(),
        [Building] = filter.BuildingId?.ToString(),
        [Area] = filter.Area?.ToString(),
        [Severity] = filter.Severity?.ToString(),
        [Status] = filter.Status?.ToString(),
        [Unit] = filter.UnitId?.ToString(),
        [Assignee] = filter.AssigneeId,
        [Overdue] = filter.OverdueOnly ? "true" : null,
        [DueThisWeek] = filter.DueThisWeek ? "true" : null,
        [Open] = filter.OpenOnly ? "true" : null,
        [FromMyVisits] = filter.FromMyVisits ? "true" : null,
        [Search] = string.IsNullOrWhiteSpace(filter.Search) ? null : filter.Search.Trim(),
        [NotClosedOnly] = filter.NotClosedOnly ? "true" : null,
        [FoundIn] = filter.FoundIn?.ToString(),
        [OpenedIn] = filter.OpenedIn?.ToString(),
        [ClosedIn] = filter.ClosedIn?.ToString(),
        [Sort] = filter.Sort == DefaultSort ? null : filter.Sort.ToString(),
        [Page] = filter.Page > 1 ? filter.Page.ToString(CultureInfo.InvariantCulture) : null,
        [View] = showQueue ? QueueView : null,
    };

    private static Guid? Known(string raw, IEnumerable<string> ids) =>
        Guid.TryParse(raw, out var id) && ids.Any(known => Guid.TryParse(known, out var k) && k == id) ? id : null;

    /// <summary>An enum member by its name only: a number would name a member that may not exist.</summary>
    private static TEnum? Named<TEnum>(string raw)
        where TEnum : struct, Enum =>
        raw.All(char.IsAsciiLetter) && Enum.TryParse<TEnum>(raw, ignoreCase: true, out var value) ? value : null;

    private static WibPeriod? Period(string raw) => WibPeriod.TryParse(raw, out var period) ? period : null;

    private static bool? Flag(string raw) => bool.TryParse(raw, out var value) ? value : null;

    private static int? PageNumber(string raw) =>
        int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1 ? page : null;
}
