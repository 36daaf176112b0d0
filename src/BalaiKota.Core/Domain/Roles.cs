namespace BalaiKota.Core.Domain;

/// <summary>The role names stored by ASP.NET Core Identity.</summary>
public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string Inspector = nameof(Inspector);
    public const string Secretariat = nameof(Secretariat);
    public const string Leadership = nameof(Leadership);
    public const string RepairUnit = nameof(RepairUnit);

    public static IReadOnlyList<string> All { get; } =
        [Administrator, Inspector, Secretariat, Leadership, RepairUnit];
}

/// <summary>Who asks for a change: the user, their roles and, for a repair unit, its unit.</summary>
public sealed record Actor(string UserId, IReadOnlySet<string> Roles, Guid? ResponsibleUnitId = null)
{
    public bool IsIn(string role) => Roles.Contains(role);
}
