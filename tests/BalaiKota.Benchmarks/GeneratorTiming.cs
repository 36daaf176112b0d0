using BalaiKota.Core;
using BalaiKota.Core.Data;
using BalaiKota.Core.Data.Seeding;
using BalaiKota.Core.Domain;
using BalaiKota.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BalaiKota.Benchmarks;

/// <summary>The generator's 5 years (≈ 3,000 visits, 300,000 answers, 60,000 findings and tasks) on a fresh database.</summary>
internal static class GeneratorTiming
{
    public static readonly GeneratorOptions FiveYears = new(Months: 60, VisitsPerMonth: 50);

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 3;
        Console.WriteLine($"Machine: {Timing.Machine}");
        var providers = TestEnvironment.PostgresConnectionString is null ? new[] { DatabaseProvider.Sqlite } : [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];
        foreach (var provider in providers)
        {
            var seconds = new List<double>();
            GenerationSummary? summary = null;
            for (var run = 0; run < runs; run++)
            {
                await using var database = await TestDatabase.CreateEmptyAsync(provider, TimeProvider.System);
                using var host = await PrepareAsync(database);
                var actors = await ActorsAsync(database);
                var generator = host.Services.GetRequiredService<SyntheticDataGenerator>();
                seconds.Add(await Timing.SecondsAsync(async () => summary = await generator.GenerateAsync(FiveYears, actors)));
            }

            Console.WriteLine($"{provider}: {summary}");
            Timing.Report($"Generator, 5 years, {provider}", seconds);
        }

        return 0;
    }

    /// <summary>Schema, default checklist and roles as at start-up, then the sample registry and three plain users.</summary>
    private static async Task<IHost> PrepareAsync(TestDatabase database)
    {
        var host = database.BuildHost();
        await host.Services.InitializeBalaiKotaDatabaseAsync();
        await using var db = database.CreateDbContext();
        await SampleRegistry.EnsureAsync(db);
        var unit = await db.ResponsibleUnits.SingleAsync(u => u.Name == SampleRegistry.TechnicalUnitName);
        db.Users.AddRange(
            new ApplicationUser { Id = "generator-inspector", UserName = "inspector@generator.test" },
            new ApplicationUser { Id = "generator-secretariat", UserName = "secretariat@generator.test" },
            new ApplicationUser { Id = "generator-repair", UserName = "repair@generator.test", ResponsibleUnitId = unit.Id });
        await db.SaveChangesAsync();
        return host;
    }

    private static async Task<GeneratorActors> ActorsAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        var unit = await db.ResponsibleUnits.SingleAsync(u => u.Name == SampleRegistry.TechnicalUnitName);
        return new GeneratorActors("generator-inspector", "generator-secretariat", "generator-repair", unit.Id);
    }
}
