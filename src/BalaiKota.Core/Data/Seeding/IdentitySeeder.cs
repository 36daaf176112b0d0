using System.Security.Cryptography;
using BalaiKota.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BalaiKota.Core.Data.Seeding;

/// <summary>The <c>Demo</c> configuration section.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Enabled { get; set; }

    /// <summary>Password of every demo account; when empty a random one is made and logged at start-up.</summary>
    public string? Password { get; set; }
}

/// <summary>The <c>BootstrapAdmin</c> section: the first administrator of a real (non-demo) installation.</summary>
public sealed class BootstrapAdminOptions
{
    public const string Section = "BootstrapAdmin";

    public string? Email { get; set; }

    public string? Password { get; set; }
}

public sealed record DemoAccount(string Email, string FullName, string Role);

/// <summary>Roles always; the first administrator from configuration; the demo accounts in demo mode.</summary>
public sealed class IdentitySeeder(
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<DemoOptions> demo,
    IOptions<BootstrapAdminOptions> bootstrap,
    ILogger<IdentitySeeder> logger)
{
    public static IReadOnlyList<DemoAccount> DemoAccounts { get; } =
    [
        new("admin@balaikota.test", "Admin Demo", Roles.Administrator),
        new("peninjau@balaikota.test", "Peninjau Demo", Roles.Inspector),
        new("sekretariat@balaikota.test", "Sekretariat Demo", Roles.Secretariat),
        new("pimpinan@balaikota.test", "Pimpinan Demo", Roles.Leadership),
        new("pelaksana@balaikota.test", "Pelaksana Demo", Roles.RepairUnit),
    ];

    public async Task SeedRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), role);
            }
        }
    }

    /// <summary>Creates the configured first administrator when the installation has none.</summary>
    public async Task SeedBootstrapAdminAsync()
    {
        var options = bootstrap.Value;
        if ((await users.GetUsersInRoleAsync(Roles.Administrator)).Count > 0)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(options.Email) || string.IsNullOrWhiteSpace(options.Password))
        {
            if (!demo.Value.Enabled)
            {
                logger.LogWarning("There is no administrator yet: set BootstrapAdmin:Email and BootstrapAdmin:Password and start again.");
            }

            return;
        }

        var admin = new ApplicationUser { UserName = options.Email, Email = options.Email, EmailConfirmed = true, FullName = "Administrator" };
        Check(await users.CreateAsync(admin, options.Password), "BootstrapAdmin:Password");
        Check(await users.AddToRoleAsync(admin, Roles.Administrator), options.Email);
        logger.LogWarning("Created the first administrator {Email} from BootstrapAdmin settings; remove the password from configuration now.", options.Email);
    }

    /// <summary>One account per role; returns their ids by role.</summary>
    public async Task<IReadOnlyDictionary<string, string>> SeedDemoAccountsAsync(Guid repairUnitId)
    {
        var configured = demo.Value.Password;
        var password = string.IsNullOrEmpty(configured) ? GeneratePassword() : configured;

        // One hash serves every demo account (same password): hashing is slow on purpose, and start-up is not.
        var hash = users.PasswordHasher.HashPassword(new ApplicationUser(), password);
        var ids = new Dictionary<string, string>();
        foreach (var account in DemoAccounts)
        {
            var user = await users.FindByEmailAsync(account.Email);
            if (user is null)
            {
                user = new ApplicationUser
                {
                    UserName = account.Email,
                    Email = account.Email,
                    EmailConfirmed = true,
                    FullName = account.FullName,
                    ResponsibleUnitId = account.Role == Roles.RepairUnit ? repairUnitId : null,
                };
                await CheckPasswordRulesAsync(user, password);
                user.PasswordHash = hash;
                Check(await users.CreateAsync(user), account.Email);
                Check(await users.AddToRoleAsync(user, account.Role), account.Email);
            }
            else if (string.IsNullOrEmpty(configured) || !await users.CheckPasswordAsync(user, password))
            {
                await CheckPasswordRulesAsync(user, password);
                user.PasswordHash = hash;
                Check(await users.UpdateSecurityStampAsync(user), account.Email);
            }

            ids[account.Role] = user.Id;
        }

        if (string.IsNullOrEmpty(configured))
        {
            logger.LogWarning(
                "Demo mode: sign in as {Accounts} with the password {Password} (new at every start; set Demo:Password to fix it).",
                string.Join(", ", DemoAccounts.Select(a => a.Email)),
                password);
        }

        return ids;
    }

    private async Task CheckPasswordRulesAsync(ApplicationUser user, string password)
    {
        foreach (var validator in users.PasswordValidators)
        {
            Check(await validator.ValidateAsync(users, user, password), "Demo:Password");
        }
    }

    private static string GeneratePassword() =>
        $"Demo-{Convert.ToHexString(RandomNumberGenerator.GetBytes(4))}-{RandomNumberGenerator.GetInt32(10, 99)}a";

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new StartupConfigurationException($"Cannot set up the account or role '{what}': {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
