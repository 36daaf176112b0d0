using BalaiKota.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace BalaiKota.Core.Data.Seeding;

/// <param name="Months">Calendar months ending with the current WIB month.</param>
/// <param name="VisitsPerMonth">Visits spread over each month; those after today are left planned.</param>
public sealed record GeneratorOptions(int Months, int VisitsPerMonth, int Seed = 20_261_127, double NotOkRate = 0.2);

/// <summary>The accounts in whose name generated work is done; the repair user belongs to the unit.</summary>
public sealed record GeneratorActors(string InspectorId, string SecretariatId, string RepairUserId, Guid RepairUnitId);

public sealed record GenerationSummary(int Visits, int Answers, int Findings, int Tasks);

/// <summary>
/// Fills a database with realistic visits, answers, findings and follow-up tasks in every state,
/// going through the domain model so that generated data obeys the same rules as real data.
/// </summary>
public sealed class SyntheticDataGenerator(IDbContextFactory<BalaiKotaDbContext> factory, TimeProvider clock)
{

    public async Task<GenerationSummary> GenerateAsync(GeneratorOptions options, GeneratorActors actors, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Months, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.VisitsPerMonth, 1);

        var baseline = await LoadBaselineAsync(ct);
        var random = new Random(options.Seed);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = Wib.Today(clock);
        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-(options.Months - 1));
        var totals = new GenerationSummary(0, 0, 0, 0);

        for (var m = 0; m < options.Months; m++)
        {
            var month = firstMonth.AddMonths(m);
            await using var db = await factory.CreateDbContextAsync(ct);
            // Change detection runs once, in the bulk insert, not on every Add of a month's thousands of rows.
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var monthRun = new MonthRun(db, baseline, actors, options, random, now);
            var days = Enumerable.Range(0, options.VisitsPerMonth)
                .Select(v => month.AddDays(v * DateTime.DaysInMonth(month.Year, month.Month) / options.VisitsPerMonth))
                .ToList();

            // This month's tour under way: today's, or else the latest one before today.
            var underWay = month.Year == today.Year && month.Month == today.Month ? days.LastOrDefault(d => d <= today) : (DateOnly?)null;
            for (var v = 0; v < options.VisitsPerMonth; v++)
            {
                var index = (m * options.VisitsPerMonth) + v;
                var fate = days[v] > today ? VisitStatus.Planned
                    : days[v] == underWay ? VisitStatus.InProgress
                    : index % 25 == 24 ? VisitStatus.Cancelled
                    : VisitStatus.Submitted;
                monthRun.AddVisit(baseline.Opds[index % baseline.Opds.Count], days[v], fate);
            }

            await BulkInsert.InsertAddedAsync(db, now, ct);
            totals = new GenerationSummary(
                totals.Visits + monthRun.Visits,
                totals.Answers + monthRun.Answers,
                totals.Findings + monthRun.Findings,
                totals.Tasks + monthRun.Tasks);
        }

        return totals;
    }

    private async Task<Baseline> LoadBaselineAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var template = await db.ChecklistTemplates.AsNoTracking()
            .Include(t => t.Categories).ThenInclude(c => c.Items)
            .Where(t => t.Code == DefaultChecklist.Code && t.Status == TemplateStatus.Published)
            .OrderByDescending(t => t.Version)
            .FirstOrDefaultAsync(ct)
            ?? throw new InvalidOperationException("No published default checklist; seed reference data first.");
        var opds = await db.Opds.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.ShortName).ToListAsync(ct);
        var rooms = await db.Rooms.AsNoTracking().Where(r => r.IsActive).ToListAsync(ct);
        if (opds.Count == 0)
        {
            throw new InvalidOperationException("No OPDs; add the sample registry first.");
        }

        return new Baseline(template, opds, rooms.GroupBy(r => r.OpdId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Name, StringComparer.Ordinal).ToList()));
    }

    private sealed record Baseline(ChecklistTemplate Template, List<Opd> Opds, Dictionary<Guid, List<Room>> RoomsByOpd)
    {
        /// <summary>In template order, so that the same seed draws the same data whatever order the database returned.</summary>
        public IReadOnlyList<ChecklistItem> Items { get; } = Template.Categories.OrderBy(c => c.SortOrder)
            .SelectMany(c => c.Items.OrderBy(i => i.SortOrder)).ToList();

        public InspectionArea AreaOf(ChecklistItem item) => Template.Categories.First(c => c.Id == item.CategoryId).Area;
    }

    private sealed class MonthRun(BalaiKotaDbContext db, Baseline baseline, GeneratorActors actors, GeneratorOptions options, Random random, DateTime now)
    {
        private readonly Actor _secretariat = new(actors.SecretariatId, new HashSet<string> { Roles.Secretariat });
        private readonly Actor _repair = new(actors.RepairUserId, new HashSet<string> { Roles.RepairUnit }, actors.RepairUnitId);
        private readonly Actor _inspector = new(actors.InspectorId, new HashSet<string> { Roles.Inspector });

        public int Visits { get; private set; }

        public int Answers { get; private set; }

        public int Findings { get; private set; }

        public int Tasks { get; private set; }

        public void AddVisit(Opd opd, DateOnly date, VisitStatus fate)
        {
            var rooms = baseline.RoomsByOpd.GetValueOrDefault(opd.Id) ?? [];
            if (rooms.Count == 0)
            {
                return;
            }

            var visit = Visit.Plan(opd, date, actors.InspectorId, baseline.Template);
            visit.AddAccompanyingOfficial($"Sekretaris {opd.ShortName}", "Sekretaris Dinas");
            foreach (var room in rooms)
            {
                visit.AddRoom(room);
            }

            db.Visits.Add(visit);
            Visits++;
            // A tour starts at 09.00 WIB; one under way today started before now, but not before its day.
            var dayStart = Wib.StartOfDayUtc(date);
            var startedUtc = new[] { dayStart, new[] { dayStart.AddHours(9), now.AddMinutes(-30) }.Min() }.Max();
            if (fate == VisitStatus.Planned)
            {
                return;
            }

            if (fate == VisitStatus.Cancelled)
            {
                visit.Cancel("Pimpinan OPD berhalangan; dijadwalkan ulang.", startedUtc.AddHours(-12));
                return;
            }

            visit.Start(startedUtc);
            var answered = fate == VisitStatus.InProgress ? rooms.Take(rooms.Count / 2) : rooms;
            foreach (var room in answered)
            {
                var context = EvaluationContext.For(opd, room);
                foreach (var item in baseline.Items.Where(i => i.AppliesTo(room.Type)))
                {
                    var answeredUtc = new[] { startedUtc.AddMinutes(Answers % 120), now }.Min();
                    visit.RecordAnswer(baseline.Template, room, item, SyntheticInput(item, room, context), actors.InspectorId, answeredUtc, context);
                    Answers++;
                }
            }

            if (fate == VisitStatus.InProgress)
            {
                return;
            }

            var submittedUtc = startedUtc.AddHours(2.5);
            db.VisitSignatures.Add(visit.Sign(VisitSigner.LeadInspector, "Ketua tim peninjau (contoh)", "Peninjau", SampleSignature.Png, submittedUtc));
            db.VisitSignatures.Add(visit.Sign(VisitSigner.OpdRepresentative, $"Sekretaris {opd.ShortName}", "Sekretaris Dinas", SampleSignature.Png, submittedUtc));
            visit.Submit(baseline.Template, rooms, [VisitSigner.LeadInspector, VisitSigner.OpdRepresentative], actors.InspectorId, submittedUtc);
            var contextByRoom = rooms.ToDictionary(r => r.Id, r => EvaluationContext.For(opd, r));
            foreach (var finding in visit.FindingsFromNotOkAnswers(baseline.Template, new HashSet<Guid>(), contextByRoom, submittedUtc))
            {
                AddWithTask(finding, submittedUtc);
            }
        }

        private void AddWithTask(Finding finding, DateTime submittedUtc)
        {
            if (finding.Severity == Severity.High && random.NextDouble() < 0.1)
            {
                finding.ChangeSeverity(Severity.Critical);
            }

            db.Findings.Add(finding);
            Findings++;

            var task = FollowUpTask.DraftFrom(finding, actors.SecretariatId, submittedUtc);
            db.FollowUpTasks.Add(task);
            Tasks++;
            Advance(task, finding, submittedUtc);
        }

        /// <summary>Walks the task along the state machine as far as its age allows, towards a target drawn at random.</summary>
        private void Advance(FollowUpTask task, Finding finding, DateTime submittedUtc)
        {
            var ageDays = (now - submittedUtc).TotalDays;
            var roll = random.NextDouble();
            var target = ageDays switch
            {
                < 3 => FollowUpStatus.New,
                _ when roll < 0.04 => FollowUpStatus.Dismissed,
                _ when roll < 0.09 => FollowUpStatus.HandedBack,
                > 45 => roll < 0.90 ? FollowUpStatus.Verified : roll < 0.95 ? FollowUpStatus.Done : FollowUpStatus.InProgress,
                > 14 => roll < 0.45 ? FollowUpStatus.Verified : roll < 0.65 ? FollowUpStatus.Done : roll < 0.85 ? FollowUpStatus.InProgress : FollowUpStatus.Assigned,
                _ => roll < 0.25 ? FollowUpStatus.New : roll < 0.5 ? FollowUpStatus.Assigned : roll < 0.75 ? FollowUpStatus.InProgress : FollowUpStatus.Done,
            };

            if (target == FollowUpStatus.New)
            {
                return;
            }

            var at = submittedUtc.AddDays(1);
            if (target == FollowUpStatus.Dismissed)
            {
                task.Dismiss(_secretariat, "Bukan kewenangan pemeliharaan gedung.", at);
                finding.Dismiss("Tidak ditindaklanjuti.", at);
                return;
            }

            var assignedOn = DateOnly.FromDateTime(Wib.ToWib(at));
            task.Assign(_secretariat, actors.RepairUnitId, null, task.Priority, FollowUpTask.DefaultDueDate(finding.Severity, assignedOn), assignedOn, at);
            if (target == FollowUpStatus.Assigned || !Step(ref at, 2))
            {
                return;
            }

            if (target == FollowUpStatus.HandedBack)
            {
                task.HandBack(_repair, HandBackReason.NeedsBudget, "Perlu anggaran perubahan.", at);
                return;
            }

            task.StartWork(_repair, at);
            if (target == FollowUpStatus.InProgress || !Step(ref at, 4 + random.Next(6)))
            {
                return;
            }

            task.MarkDone(_repair, "Sudah diperbaiki.", at);
            if (target == FollowUpStatus.Done || !Step(ref at, 2))
            {
                return;
            }

            if (random.NextDouble() < 0.1)
            {
                task.RejectVerification(_inspector, "Masih belum sesuai standar.", at);
                if (!Step(ref at, 3))
                {
                    return;
                }

                task.MarkDone(_repair, "Diperbaiki ulang.", at);
                if (!Step(ref at, 2))
                {
                    return;
                }
            }

            task.Verify(_inspector, "Sudah sesuai saat kunjungan ulang.", at);
            finding.Resolve(at);
        }

        private bool Step(ref DateTime at, double days)
        {
            at = at.AddDays(days);
            return at <= now;
        }

        private AnswerInput SyntheticInput(ChecklistItem item, Room room, EvaluationContext context)
        {
            if (item.AllowNotApplicable && random.NextDouble() < 0.05)
            {
                return AnswerInput.NotApplicable();
            }

            // Rooms without air conditioning are hotter and stuffier, as the tours found.
            var area = baseline.AreaOf(item);
            var bias = !room.IsAirConditioned && area is InspectionArea.Heat or InspectionArea.Ventilation ? 1.8 : 0.85;
            var ok = random.NextDouble() >= options.NotOkRate * bias;
            return item.AnswerType switch
            {
                AnswerType.PassFail => ok ? AnswerInput.Pass() : AnswerInput.Fail(),
                AnswerType.Rating => AnswerInput.Rating(ok
                    ? random.Next(item.RatingPassMin!.Value, item.RatingMax!.Value + 1)
                    : random.Next(item.RatingMin!.Value, item.RatingPassMin!.Value)),
                _ => AnswerInput.Reading(SyntheticReading(item, context, ok)),
            };
        }

        private decimal SyntheticReading(ChecklistItem item, EvaluationContext context, bool ok)
        {
            var lo = item.MinimumFromHeadcount ? ToiletRatio.RequiredClosets(context.Headcount) : item.BandMin;
            var hi = item.BandMax;
            var r = (decimal)random.NextDouble();
            var value = (lo, hi) switch
            {
                ({ } a, { } b) when ok => a + (r * (b - a)),
                ({ } a, { } b) => random.NextDouble() < 0.8 ? b + ((b - a) * (0.1m + r)) : a - ((b - a) * (0.1m + r)),
                ({ } a, null) when ok => a * (1 + r),
                ({ } a, null) => a * r * 0.9m,
                (null, { } b) when ok => b * (0.45m + (0.5m * r)),
                (null, { } b) => b * (1.05m + (0.5m * r)),
                _ => item.PlausibleMin!.Value,
            };
            var decimals = item.Unit is MeasurementUnit.DegreesCelsius or MeasurementUnit.MetersPerSecond ? 2 : 0;
            return Math.Clamp(Math.Round(value, decimals), item.PlausibleMin!.Value, item.PlausibleMax!.Value);
        }
    }
}
