using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BalaiKota.Web.Tests.Http;

/// <summary>A repair-unit account of a unit other than the demo repair account's, to prove what one unit cannot see of another's.</summary>
internal static class OtherUnitMember
{
    public static async Task EnsureAsync(BalaiKotaWebFactory factory, string email, string demoRepairEmail)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<BalaiKotaDbContext>>().CreateDbContextAsync();
        var demoUnit = await db.Users.Where(u => u.Email == demoRepairEmail).Select(u => u.ResponsibleUnitId!.Value).SingleAsync();
        var otherUnit = await db.ResponsibleUnits.Where(u => u.Id != demoUnit).OrderBy(u => u.Name).Select(u => u.Id).FirstAsync();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, FullName = "Pelaksana Unit Lain", ResponsibleUnitId = otherUnit };
        Assert.True((await users.CreateAsync(user, BalaiKotaWebFactory.DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.RepairUnit)).Succeeded);
    }
}
