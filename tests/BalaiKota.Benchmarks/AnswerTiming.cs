using System.Diagnostics;
using System.Globalization;
using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Visits;
using BalaiKota.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace BalaiKota.Benchmarks;

/// <summary>
/// Saving one answer through <see cref="InspectionService.SaveAnswerAsync"/> while 20 inspectors save at once, each in
/// their own visit in progress: back to back (a stress test of capacity), and with a pause of about a second after each
/// save (still faster than a real inspector walks through a room),
/// then one inspector alone for comparison. On a database with a year of generated history (SQLite, and PostgreSQL
/// when configured). Each save is timed as the caller sees it.
/// </summary>
internal static class AnswerTiming
{
    private const int WarmUpSaves = 10;

    // An inspector who answers an item every second on average: faster than anyone walks through a room.
    private static readonly TimeSpan PauseMin = TimeSpan.FromSeconds(0.5);
    private static readonly TimeSpan PauseMax = TimeSpan.FromSeconds(1.5);

    public static async Task<int> RunAsync(string[] args)
    {
        var saves = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
        var months = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 12;
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;

        // Which runs, e.g. "1,20,20p": that many inspectors, saving back to back, or paced with a "p".
        var variants = (args.Length > 3 ? args[3] : "1,20,20p").Split(',')
            .Select(v => (Workers: int.Parse(v.TrimEnd('p'), CultureInfo.InvariantCulture), Paced: v.EndsWith('p'))).ToList();
        Console.WriteLine($"Machine: {Timing.Machine}");
        var providers = TestEnvironment.PostgresConnectionString is null ? new[] { DatabaseProvider.Sqlite } : [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];
        foreach (var provider in providers)
        {
            await using var scenario = await InspectionScenario.CreateAsync(provider, inspectors: variants.Max(v => v.Workers), months);
            Console.WriteLine(
                $"{provider}: set-up {scenario.SetUpTime.TotalSeconds:0.0} s (history of {months} months in {scenario.HistoryTime.TotalSeconds:0.0} s: {scenario.History}); "
                + $"{await scenario.CountAnswersAsync():N0} answers stored before the first save");
            if (provider == DatabaseProvider.Sqlite)
            {
                Console.WriteLine($"SQLite: a writer waiting for a write lock held 10 ms got it after {await LockHandOverAsync():0} ms (the busy handler's sleeps)");
            }
            for (var round = 0; round < rounds; round++)
            {
                foreach (var (workers, paced) in variants)
                {
                    var result = await MeasureAsync(scenario, workers, saves, paced, seed: (round * 100) + workers + (paced ? 50 : 0));
                    Console.WriteLine($"{provider}, {result}");
                }
            }
        }

        return 0;
    }

    /// <summary>
    /// A writer that finds the database locked sleeps and tries again until busy_timeout runs out: 1, 2, 5, 10, 15, 20,
    /// 25 … 100 ms, or whole seconds when the native build has no usleep/nanosleep. Measures the wait for a lock held 10 ms.
    /// </summary>
    private static async Task<double> LockHandOverAsync()
    {
        var file = SqliteFiles.NewPath("lock");
        try
        {
            var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
            using var holder = new SqliteConnection(connectionString);
            using var waiter = new SqliteConnection(connectionString);
            holder.Open();
            waiter.Open();
            Execute(holder, "PRAGMA journal_mode = WAL; CREATE TABLE t (x INTEGER);");
            Execute(waiter, "PRAGMA busy_timeout = 5000;");
            Execute(holder, "BEGIN IMMEDIATE; INSERT INTO t VALUES (1);");
            var watch = Stopwatch.StartNew();
            var waiting = Task.Run(() =>
            {
                Execute(waiter, "BEGIN IMMEDIATE;");
                return watch.Elapsed.TotalMilliseconds;
            });
            await Task.Delay(10);
            Execute(holder, "COMMIT;");
            var milliseconds = await waiting;
            Execute(waiter, "COMMIT;");
            return milliseconds;
        }
        finally
        {
            SqliteFiles.Delete(file);
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static async Task<Result> MeasureAsync(InspectionScenario scenario, int workers, int saves, bool paced, int seed)
    {
        var inspectors = scenario.Inspectors.Take(workers).ToList();
        var plan = Stopwatch.StartNew();
        var visits = await scenario.StartVisitsAsync(inspectors, firstOpd: seed);
        var planMs = plan.Elapsed.TotalMilliseconds / workers;
        var team = new List<Worker>();
        for (var i = 0; i < workers; i++)
        {
            team.Add(new Worker(scenario.Host.Services, inspectors[i], visits[i], await scenario.RoomsOfAsync(visits[i]), new Random(seed * 1000 + i)));
        }

        await Task.WhenAll(team.Select(w => Task.Run(() => w.SaveAsync(WarmUpSaves, timed: false, paced: false))));
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(team.Select(w => Task.Run(() => w.SaveAsync(saves, timed: true, paced))));
        wall.Stop();
        foreach (var worker in team)
        {
            await worker.DisposeAsync();
        }

        return new Result(
            workers,
            saves,
            paced,
            team.SelectMany(w => w.Milliseconds).ToList(),
            wall.Elapsed,
            team.Sum(w => w.Conflicts),
            team.SelectMany(w => w.Errors).ToList(),
            team.Sum(w => w.Repeats),
            planMs,
            ThreadPool.ThreadCount);
    }

    private sealed record Result(int Workers, int Saves, bool Paced, IReadOnlyList<double> Milliseconds, TimeSpan Wall, int Conflicts, IReadOnlyList<string> Errors, int Repeats, double PlanMs, int Threads)
    {
        public override string ToString()
        {
            var ms = Milliseconds;
            var errors = Errors.Count == 0 ? "0" : $"{Errors.Count} ({string.Join("; ", Errors.GroupBy(e => e).Select(g => $"{g.Count()}× {g.Key}"))})";
            return string.Create(
                CultureInfo.InvariantCulture,
                $"{Workers} worker(s) × {Saves} saves{(Paced ? $", a pause of {PauseMin.TotalSeconds:0.0}–{PauseMax.TotalSeconds:0.0} s before each" : " back to back")} (after {WarmUpSaves} warm-up saves each): {ms.Count} timed saves, {Repeats} of them a second save of an item; "
                + $"median {Timing.Median(ms):0.0} ms, mean {ms.Average():0.0} ms, p95 {Timing.Percentile(ms, 95):0.0} ms, p99 {Timing.Percentile(ms, 99):0.0} ms, max {ms.Max():0.0} ms; "
                + $"{ms.Count / Wall.TotalSeconds:0} saves/s over {Wall.TotalSeconds:0.0} s; conflicts {Conflicts}, errors {errors}; "
                + $"PlanAsync {PlanMs:0} ms a visit; thread pool {Threads} threads");
        }
    }

    /// <summary>One inspector going through their visit room by room, item by item, now and then correcting an earlier answer.</summary>
    private sealed class Worker(IServiceProvider services, string inspector, Guid visitId, IReadOnlyList<RoomPlan> rooms, Random random) : IAsyncDisposable
    {
        private readonly AsyncServiceScope _scope = services.CreateAsyncScope();
        private readonly Actor _actor = InspectionScenario.Actor(inspector);
        private readonly List<(Guid RoomId, ChecklistItem Item)> _sequence = [.. rooms.SelectMany(r => r.Items.Select(i => (r.RoomId, i)))];
        private readonly Dictionary<(Guid RoomId, Guid ItemId), int> _revisions = [];
        private readonly List<(Guid RoomId, ChecklistItem Item)> _answered = [];
        private int _next;

        public List<double> Milliseconds { get; } = [];

        public List<string> Errors { get; } = [];

        public int Conflicts { get; private set; }

        public int Repeats { get; private set; }

        public async Task SaveAsync(int count, bool timed, bool paced)
        {
            var inspections = _scope.ServiceProvider.GetRequiredService<InspectionService>();
            for (var i = 0; i < count; i++)
            {
                if (paced)
                {
                    await Task.Delay(PauseMin + ((PauseMax - PauseMin) * random.NextDouble()));
                }

                var again = _answered.Count > 0 && (_next >= _sequence.Count || random.NextDouble() < 0.15);
                var (roomId, item) = again ? _answered[random.Next(_answered.Count)] : _sequence[_next++];
                var input = InspectionScenario.RandomInput(item, random);
                var note = input.Kind == AnswerInputKind.Fail && random.NextDouble() < 0.5 ? "Perlu diperbaiki; dicatat saat uji beban." : null;
                var request = new SaveAnswerRequest(visitId, roomId, item.Id, input, note, null, _revisions.GetValueOrDefault((roomId, item.Id)));
                var watch = Stopwatch.StartNew();
                try
                {
                    var result = await inspections.SaveAnswerAsync(_actor, request);
                    watch.Stop();
                    if (result.IsConflict)
                    {
                        Conflicts += timed ? 1 : 0;
                    }
                    else if (timed)
                    {
                        Milliseconds.Add(watch.Elapsed.TotalMilliseconds);
                        Repeats += again ? 1 : 0;
                    }

                    if (!_revisions.ContainsKey((roomId, item.Id)))
                    {
                        _answered.Add((roomId, item));
                    }

                    _revisions[(roomId, item.Id)] = result.Answer.Revision;
                }
                catch (Exception e) when (e is DomainException or InvalidOperationException or Microsoft.EntityFrameworkCore.DbUpdateException or System.Data.Common.DbException)
                {
                    Errors.Add($"{e.GetType().Name}: {e.Message.Split('\n')[0]}");
                }
            }
        }

        public ValueTask DisposeAsync() => _scope.DisposeAsync();
    }
}
