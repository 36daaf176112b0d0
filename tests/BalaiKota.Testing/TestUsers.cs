using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using Microsoft.AspNetCore.Identity;

namespace BalaiKota.Testing;

/// <summary>Users as Identity stores them, for tests of services that look up roles in the database (who may lead a visit).</summary>
public static class TestUsers
{
    /// <summary>Adds users named "Nama {id}" with the e-mail {id}@balaikota.test and the given role; the caller saves.</summary>
    public static void Add(BalaiKotaDbContext db, string role, params string[] ids)
    {
        var identityRole = db.Roles.Local.SingleOrDefault(r => r.Name == role)
            ?? db.Roles.SingleOrDefault(r => r.Name == role)
            ?? db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant() }).Entity;
        foreach (var id in ids)
        {
            db.Users.Add(new ApplicationUser { Id = id, UserName = $"{id}@balaikota.test", Email = $"{id}@balaikota.test", FullName = $"Nama {id}" });
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = id, RoleId = identityRole.Id });
        }
    }

    /// <summary>Adds repair-unit members of <paramref name="unitId"/>, as <see cref="Add"/> adds users; the caller saves.</summary>
    public static void AddUnitMembers(BalaiKotaDbContext db, Guid unitId, params string[] ids)
    {
        Add(db, Roles.RepairUnit, ids);
        foreach (var user in db.Users.Local.Where(u => ids.Contains(u.Id)))
        {
            user.ResponsibleUnitId = unitId;
        }
    }
}
