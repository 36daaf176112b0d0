using System.Security.Claims;
using BalaiKota.Core.Domain;
using Microsoft.AspNetCore.Authorization;

namespace BalaiKota.Web.Authorization;

/// <summary>How much of a page a role may use; None means the server refuses the page.</summary>
public enum AccessLevel
{
    None,
    Full,
    ReadOnly,
    VerifyOnly,
    OwnUnit,
    OwnVisits,
}

/// <summary>
/// Who may open which area, in one table. The authorization policies are built from it, so the
/// pages, the endpoints and the tests cannot disagree.
/// </summary>
public static class PageAccess
{
    /// <summary>
    /// The home of inspectors and repair units. It is not in the table: every signed-in user may open it, and those
    /// whose home is another area are sent there (<see cref="HomeOf"/>).
    /// </summary>
    public const string Home = "/";

    public const string Visits = "/visits";
    public const string FollowUps = "/follow-ups";
    public const string Dashboard = "/dashboard";
    public const string Reports = "/reports";
    public const string Admin = "/admin";

    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, AccessLevel>> Table { get; } =
        new Dictionary<string, IReadOnlyDictionary<string, AccessLevel>>
        {
            [Visits] = Levels(full: [Roles.Administrator, Roles.Inspector, Roles.Secretariat], readOnly: [Roles.Leadership]),
            [FollowUps] = Levels(full: [Roles.Administrator, Roles.Secretariat], readOnly: [Roles.Leadership])
                .With(Roles.Inspector, AccessLevel.VerifyOnly).With(Roles.RepairUnit, AccessLevel.OwnUnit),
            [Dashboard] = Levels(full: [Roles.Administrator, Roles.Secretariat, Roles.Leadership], readOnly: []),
            [Reports] = Levels(full: [Roles.Administrator, Roles.Secretariat, Roles.Leadership], readOnly: [])
                .With(Roles.Inspector, AccessLevel.OwnVisits),
            [Admin] = Levels(full: [Roles.Administrator], readOnly: []),
        };

    /// <summary>The policy name of an area is its route.</summary>
    public static void AddPolicies(AuthorizationOptions options)
    {
        foreach (var (route, levels) in Table)
        {
            options.AddPolicy(route, policy => policy.RequireRole(levels.Where(l => l.Value != AccessLevel.None).Select(l => l.Key)));
        }
    }

    /// <summary>The user's access to the area: full if any role gives full access, else the first partial access in role order.</summary>
    public static AccessLevel For(string route, ClaimsPrincipal user)
    {
        var levels = Table[route].Where(l => l.Value != AccessLevel.None && user.IsInRole(l.Key)).Select(l => l.Value).ToList();
        return levels.Contains(AccessLevel.Full) ? AccessLevel.Full : levels.FirstOrDefault();
    }

    /// <summary>Where a role lands after signing in: inspectors and repair units on a home of their own.</summary>
    public static string HomeOf(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Administrator) ? Admin
        : user.IsInRole(Roles.Secretariat) ? FollowUps
        : user.IsInRole(Roles.Leadership) ? Dashboard
        : user.IsInRole(Roles.Inspector) || user.IsInRole(Roles.RepairUnit) ? Home
        : "/Account/AccessDenied";

    private static Dictionary<string, AccessLevel> Levels(string[] full, string[] readOnly)
    {
        var levels = Roles.All.ToDictionary(r => r, _ => AccessLevel.None);
        foreach (var role in full)
        {
            levels[role] = AccessLevel.Full;
        }

        foreach (var role in readOnly)
        {
            levels[role] = AccessLevel.ReadOnly;
        }

        return levels;
    }

    private static Dictionary<string, AccessLevel> With(this Dictionary<string, AccessLevel> levels, string role, AccessLevel level)
    {
        levels[role] = level;
        return levels;
    }
}
