using System.Diagnostics;
using BalaiKota.Core;
using BalaiKota.Core.Data;
using BalaiKota.Core.Data.Seeding;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Visits;
using BalaiKota.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace BalaiKota.Benchmarks;

/// <summary>A room of a visit and the checklist items that apply to it, in the order the room page shows them.</summary>
internal sealed record RoomPlan(Guid RoomId, string Name, RoomType Type, IReadOnlyList<ChecklistItem> Items);

/// <summary>
/// A fresh database as the app prepares it (migrations, WAL on SQLite, default checklist, roles), the sample registry,
/// generated history on the real clock, and inspectors who can start visits "today" (WIB). The Core services come from
/// <see cref="CoreRegistration.AddBalaiKotaCore"/> on a pooled connection string, as the app runs (the test databases
/// themselves do not pool, which would add a connection set-up to every call).
/// </summary>
internal sealed class InspectionScenario : IAsyncDisposable
{
    private readonly TestDatabase _database;

    private InspectionScenario(TestDatabase database, IHost host, IReadOnlyList<string> inspectors)
    {
        _database = database;
        Host = host;
        Inspectors = inspectors;
    }

    public IHost Host { get; }

    public DatabaseProvider Provider => _database.Provider;

    public IReadOnlyList<string> Inspectors { get; }

    public GenerationSummary? History { get; private set; }

    public TimeSpan SetUpTime { get; private set; }

    public TimeSpan HistoryTime { get; private set; }

    public static async Task<InspectionScenario> CreateAsync(DatabaseProvider provider, int inspectors, int historyMonths, int visitsPerMonth = 50)
    {
        var watch = Stopwatch.StartNew();
        var database = await TestDatabase.CreateEmptyAsync(provider, TimeProvider.System);
        var host = database.BuildHost(new Dictionary<string, string?> { ["ConnectionStrings:BalaiKota"] = Pooled(database) });
        await host.Services.InitializeBalaiKotaDatabaseAsync();
        var contexts = host.Services.GetRequiredService<IDbContextFactory<BalaiKotaDbContext>>();
        var ids = Enumerable.Range(1, inspectors).Select(i => $"bench-inspector-{i:00}").ToList();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            await SampleRegistry.EnsureAsync(db);
            var unit = await db.ResponsibleUnits.SingleAsync(u => u.Name == SampleRegistry.TechnicalUnitName);
            db.Users.AddRange(
                User("generator-inspector", "Peninjau Riwayat"),
                User("generator-secretariat", "Sekretariat Riwayat"),
                new ApplicationUser { Id = "generator-repair", UserName = "repair@generator.test", FullName = "Pelaksana Riwayat", ResponsibleUnitId = unit.Id });
            // In the Inspector role: only inspectors may lead a visit (VisitService checks the role in the database).
            TestUsers.Add(db, Roles.Inspector, [.. ids]);
            await db.SaveChangesAsync();
        }

        var scenario = new InspectionScenario(database, host, ids);
        if (historyMonths > 0)
        {
            var history = Stopwatch.StartNew();
            await using var db = await contexts.CreateDbContextAsync();
            var unitId = await db.ResponsibleUnits.Where(u => u.Name == SampleRegistry.TechnicalUnitName).Select(u => u.Id).SingleAsync();
            await using var scope = host.Services.CreateAsyncScope();
            scenario.History = await scope.ServiceProvider.GetRequiredService<SyntheticDataGenerator>().GenerateAsync(
                new GeneratorOptions(historyMonths, visitsPerMonth),
                new GeneratorActors("generator-inspector", "generator-secretariat", "generator-repair", unitId));
            scenario.HistoryTime = history.Elapsed;
        }

        scenario.SetUpTime = watch.Elapsed;
        return scenario;
    }

    public static Actor Actor(string userId) => new(userId, new HashSet<string> { Roles.Inspector });

    /// <summary>Mostly OK answers, about one in five not OK; readings around the band, within plausibility; N/A now and then where allowed.</summary>
    public static AnswerInput RandomInput(ChecklistItem item, Random random)
    {
        if (item.AllowNotApplicable && random.NextDouble() < 0.05)
        {
            return AnswerInput.NotApplicable();
        }

        switch (item.AnswerType)
        {
            case AnswerType.PassFail:
                return random.NextDouble() < 0.8 ? AnswerInput.Pass() : AnswerInput.Fail();
            case AnswerType.Rating:
                return AnswerInput.Rating(random.Next(item.RatingMin ?? 0, (item.RatingMax ?? 0) + 1));
            default:
                if (item.MinimumFromHeadcount)
                {
                    return AnswerInput.Reading(random.Next(1, 9));
                }

                var low = item.BandMin ?? item.PlausibleMin ?? 0;
                var high = item.BandMax ?? Math.Min(item.PlausibleMax ?? (low + 100), (low * 2) + 10);
                var span = high - low;
                var value = low - (span * 0.2m) + (span * 1.4m * (decimal)random.NextDouble());
                return AnswerInput.Reading(Math.Clamp(Math.Round(value, 1), item.PlausibleMin ?? value, item.PlausibleMax ?? value));
        }
    }

    /// <summary>Starts one visit per inspector today, through the service as the planning page does; the OPDs in turn from <paramref name="firstOpd"/>.</summary>
    public async Task<IReadOnlyList<Guid>> StartVisitsAsync(IReadOnlyList<string> inspectors, int firstOpd = 0)
    {
        var opds = await OpdIdsAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < inspectors.Count; i++)
        {
            ids.Add(await StartVisitAsync(inspectors[i], opds[(firstOpd + i) % opds.Count]));
        }

        return ids;
    }

    /// <summary>Plans a visit of every active room of the OPD for today, led by the inspector, and starts it.</summary>
    public async Task<Guid> StartVisitAsync(string inspector, Guid opdId)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var request = new PlanVisitRequest(opdId, Wib.Today(TimeProvider.System), inspector, [], [new AccompanyingOfficial("Ibu Sekretaris", "Sekretaris Dinas")], null, StartNow: true);
        return await scope.ServiceProvider.GetRequiredService<VisitService>().PlanAsync(Actor(inspector), request);
    }

    public async Task<IReadOnlyList<Guid>> OpdIdsAsync()
    {
        await using var db = await CreateDbContextAsync();
        return await db.Opds.OrderBy(o => o.Name).Select(o => o.Id).ToListAsync();
    }

    /// <summary>The rooms of a visit in the visit's order, each with the template items that apply to its type.</summary>
    public async Task<IReadOnlyList<RoomPlan>> RoomsOfAsync(Guid visitId)
    {
        await using var db = await CreateDbContextAsync();
        var templateId = await db.Visits.Where(v => v.Id == visitId).Select(v => v.TemplateId).SingleAsync();
        var template = await Host.Services.GetRequiredService<TemplateCache>().GetAsync(templateId);
        var rooms = await (from inspection in db.RoomInspections
                           join room in db.Rooms on inspection.RoomId equals room.Id
                           where inspection.VisitId == visitId
                           orderby inspection.SortOrder
                           select new { room.Id, room.Name, room.Type }).ToListAsync();
        var items = template.Categories.OrderBy(c => c.SortOrder).SelectMany(c => c.Items.OrderBy(i => i.SortOrder)).ToList();
        return rooms.Select(r => new RoomPlan(r.Id, r.Name, r.Type, items.Where(i => i.AppliesTo(r.Type)).ToList())).ToList();
    }

    public async Task<BalaiKotaDbContext> CreateDbContextAsync() =>
        await Host.Services.GetRequiredService<IDbContextFactory<BalaiKotaDbContext>>().CreateDbContextAsync();

    public async Task<int> CountAnswersAsync()
    {
        await using var db = await CreateDbContextAsync();
        return await db.Answers.CountAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Host.Dispose();
        if (Provider == DatabaseProvider.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
        }

        await _database.DisposeAsync();
    }

    private static ApplicationUser User(string id, string fullName) =>
        new() { Id = id, UserName = $"{id}@bench.test", Email = $"{id}@bench.test", FullName = fullName };

    private static string Pooled(TestDatabase database) => database.Provider == DatabaseProvider.Sqlite
        ? new SqliteConnectionStringBuilder(database.ConnectionString) { Pooling = true }.ToString()
        : new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = true }.ToString();
}
