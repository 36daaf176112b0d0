using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Dashboard;
using BalaiKota.Core.Features.FollowUps;
using BalaiKota.Web.Authorization;
using BalaiKota.Web.Features.FollowUps;
using Microsoft.AspNetCore.WebUtilities;

namespace BalaiKota.Web.Features.Dashboard;

/// <summary>The dashboard's filters in its address, and the addresses of the lists its numbers drill down to.</summary>
public static class DashboardAddress
{
    public const string Period = "period";
    public const string Opd = "opd";
    public const string Building = "building";

    public static string Of(DashboardFilter filter) => With(PageAccess.Dashboard, new Dictionary<string, string?>
    {
        [Period] = filter.Period.ToString(),
        [Opd] = filter.OpdId?.ToString(),
        [Building] = filter.BuildingId?.ToString(),
    });

    /// <summary>The task list behind a number: the dashboard's OPD and building, and what the number counts, in the list's own order.</summary>
    public static string Tasks(DashboardFilter scope, TaskListFilter counted) =>
        With(PageAccess.FollowUps, FollowUpFilterQuery.Write(counted with { OpdId = counted.OpdId ?? scope.OpdId, BuildingId = scope.BuildingId, Sort = FollowUpFilterQuery.DefaultSort }, showQueue: false)
            .ToDictionary(p => p.Key, p => p.Value?.ToString()));

    /// <summary>The findings of the dashboard's period: every finding has its task from the visit's submission on.</summary>
    public static string Findings(DashboardFilter scope, InspectionArea? area = null, Severity? severity = null, Guid? opdId = null) =>
        Tasks(scope, new TaskListFilter(OpdId: opdId, Area: area, Severity: severity, FoundIn: scope.Period));

    private static string With(string path, IDictionary<string, string?> parameters) =>
        QueryHelpers.AddQueryString(path, parameters.Where(p => p.Value is not null));
}
