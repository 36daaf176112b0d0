using BalaiKota.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BalaiKota.Core.Data.Seeding;

/// <summary>Demo mode: the sample registry, one account per role and months of generated history.</summary>
public sealed class DemoDataSeeder(
    IDbContextFactory<BalaiKotaDbContext> factory,
    IdentitySeeder identity,
    SyntheticDataGenerator generator,
    ILogger<DemoDataSeeder> logger)
{
    /// <summary>The four calendar months before the current one, and the current month so far.</summary>
    public static GeneratorOptions History { get; } = new(Months: 5, VisitsPerMonth: 8);

    public async Task SeedAsync(CancellationToken ct = default)
    {
        Guid unitId;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            await SampleRegistry.EnsureAsync(db, ct);
            unitId = await db.ResponsibleUnits.Where(u => u.Name == SampleRegistry.TechnicalUnitName).Select(u => u.Id).SingleAsync(ct);
        }

        var ids = await identity.SeedDemoAccountsAsync(unitId);

        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            if (await db.Visits.AnyAsync(ct))
            {
                return;
            }
        }

        var summary = await generator.GenerateAsync(
            History,
            new GeneratorActors(ids[Roles.Inspector], ids[Roles.Secretariat], ids[Roles.RepairUnit], unitId),
            ct);
        logger.LogInformation("Demo data generated: {Summary}", summary);
    }
}
