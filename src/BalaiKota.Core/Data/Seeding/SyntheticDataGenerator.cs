using BalaiKota.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BalaiKota.Core.Data.Seeding;

/// <param name="Months">Calendar months ending with the current WIB month.</param>
/// <param name="VisitsPerMonth">Visits spread over each month; those after today are left planned.</param>
public sealed record GeneratorOptions(int Months, int VisitsPerMonth, int Seed = 20_261_127, double NotOkRate = 0.2);

/// <summary>
/// The accounts in whose name generated work is done; the repair user belongs to the technical unit
/// <paramref name="RepairUnitId"/>, which gets most tasks. The work on a task given to an OPD's own unit is recorded
/// under the same repair user acting for that unit: generated history says nothing about what a person did.
/// </summary>
public sealed record GeneratorActors(string InspectorId, string SecretariatId, string RepairUserId, Guid RepairUnitId);

public sealed record GenerationSummary(int Visits, int Answers, int Findings, int Tasks);

/// <summary>
/// Fills a database with realistic visits, answers, findings and follow-up tasks in every state,
/// going through the domain model so that generated data obeys the same rules as real data. The same seed on the
/// same day gives the same data. The drafts of the visit submitted last wait for the secretariat's triage, the first
/// of them with a photo; older ones are triaged: assigned to the technical unit (often to its member) or to the OPD's
/// own unit, worked on, commented, handed back with a reason, done, verified or rejected, dismissed, or merged into an
/// open task of the same room and item when the finding repeats.
/// </summary>
public sealed class SyntheticDataGenerator(IDbContextFactory<BalaiKotaDbContext> factory, TimeProvider clock, IOptions<DueDays> dueDays)
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
        var months = Enumerable.Range(0, options.Months).Select(m => PlanMonth(firstMonth.AddMonths(m), m, options.VisitsPerMonth, today)).ToList();
        var lastSubmitted = months.SelectMany(m => m).Where(v => v.Fate == VisitStatus.Submitted).Select(v => v.Index).DefaultIfEmpty(-1).Max();
        var carried = new CarriedOver();
        var totals = new GenerationSummary(0, 0, 0, 0);

        foreach (var month in months)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            // Change detection runs once, in the bulk insert, not on every Add of a month's thousands of rows.
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var monthRun = new MonthRun(db, baseline, actors, options, dueDays.Value, carried, random, now);
            foreach (var visit in month)
            {
                monthRun.AddVisit(baseline.Opds[visit.Index % baseline.Opds.Count], visit.Day, visit.Fate, awaitsTriage: visit.Index == lastSubmitted);
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

    /// <summary>The visits of a month, spread over it: those after today planned, this month's latest one under way, one in 25 cancelled.</summary>
    private static List<PlannedVisit> PlanMonth(DateOnly month, int monthIndex, int visitsPerMonth, DateOnly today)
    {
        var days = Enumerable.Range(0, visitsPerMonth)
            .Select(v => month.AddDays(v * DateTime.DaysInMonth(month.Year, month.Month) / visitsPerMonth))
            .ToList();

        // This month's tour under way: today's, or else the latest one before today.
        var underWay = month.Year == today.Year && month.Month == today.Month ? days.LastOrDefault(d => d <= today) : (DateOnly?)null;
        return days.Select((day, v) =>
        {
            var index = (monthIndex * visitsPerMonth) + v;
            var fate = day > today ? VisitStatus.Planned
                : day == underWay ? VisitStatus.InProgress
                : index % 25 == 24 ? VisitStatus.Cancelled
                : VisitStatus.Submitted;
            return new PlannedVisit(index, day, fate);
        }).ToList();
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

        var ownUnits = await db.ResponsibleUnits.AsNoTracking()
            .Where(u => u.IsActive && u.Kind == ResponsibleUnitKind.Opd && u.OpdId != null)
            .OrderBy(u => u.Name)
            .Select(u => new { u.Id, OpdId = u.OpdId!.Value })
            .ToListAsync(ct);
        return new Baseline(
            template,
            opds,
            rooms.GroupBy(r => r.OpdId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Name, StringComparer.Ordinal).ToList()),
            ownUnits.GroupBy(u => u.OpdId).ToDictionary(g => g.Key, g => g.First().Id));
    }

    private sealed record PlannedVisit(int Index, DateOnly Day, VisitStatus Fate);

    /// <summary>What one month's run leaves to the next: the open tasks a repeat finding can be merged into, and the after photos made so far.</summary>
    private sealed class CarriedOver
    {
        /// <summary>The latest triaged task of a room and item that is still open now.</summary>
        public Dictionary<(Guid RoomId, Guid ItemId), FollowUpTask> OpenTasks { get; } = [];

        public int AfterPhotos { get; set; }
    }

    private sealed record Baseline(ChecklistTemplate Template, List<Opd> Opds, Dictionary<Guid, List<Room>> RoomsByOpd, Dictionary<Guid, Guid> OwnUnitByOpd)
    {
        /// <summary>In template order, so that the same seed draws the same data whatever order the database returned.</summary>
        public IReadOnlyList<ChecklistItem> Items { get; } = Template.Categories.OrderBy(c => c.SortOrder)
            .SelectMany(c => c.Items.OrderBy(i => i.SortOrder)).ToList();

        public InspectionArea AreaOf(ChecklistItem item) => Template.Categories.First(c => c.Id == item.CategoryId).Area;
    }

    private sealed class MonthRun(
        BalaiKotaDbContext db,
        Baseline baseline,
        GeneratorActors actors,
        GeneratorOptions options,
        DueDays dueDays,
        CarriedOver carried,
        Random random,
        DateTime now)
    {
        // Few enough that photo bytes do not swell a database of years: the photos are for the demo's recent work.
        private const int MaxAfterPhotos = 10;
        private const int PhotographedDrafts = 3;
        private const int MergeWindowDays = 30;

        private static readonly (HandBackReason Reason, string Explanation)[] HandBacks =
        [
            (HandBackReason.NotOurs, "Bukan kewenangan unit kami; perlu ditangani pengelola gedung."),
            (HandBackReason.NeedsBudget, "Perlu anggaran perubahan; tidak tersedia di anggaran pemeliharaan tahun ini."),
            (HandBackReason.NeedsClarification, "Lokasi kerusakan tidak jelas; mohon keterangan tambahan dari peninjau."),
        ];

        private readonly Actor _secretariat = new(actors.SecretariatId, new HashSet<string> { Roles.Secretariat });
        private readonly Actor _inspector = new(actors.InspectorId, new HashSet<string> { Roles.Inspector });
        private int _photographedDrafts;

        public int Visits { get; private set; }

        public int Answers { get; private set; }

        public int Findings { get; private set; }

        public int Tasks { get; private set; }

        public void AddVisit(Opd opd, DateOnly date, VisitStatus fate, bool awaitsTriage)
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
                var context = EvaluationContext.For(visit, room);
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
            var contextByRoom = rooms.ToDictionary(r => r.Id, r => EvaluationContext.For(visit, r));
            foreach (var finding in visit.FindingsFromNotOkAnswers(baseline.Template, new HashSet<Guid>(), contextByRoom, submittedUtc))
            {
                AddWithTask(opd, finding, submittedUtc, awaitsTriage);
            }
        }

        private void AddWithTask(Opd opd, Finding finding, DateTime submittedUtc, bool awaitsTriage)
        {
            if (finding.Severity == Severity.High && random.NextDouble() < 0.1)
            {
                finding.ChangeSeverity(Severity.Critical);
            }

            db.Findings.Add(finding);
            Findings++;

            var submittedOn = DateOnly.FromDateTime(Wib.ToWib(submittedUtc));
            var task = FollowUpTask.DraftFrom(finding, actors.InspectorId, submittedUtc, dueDays.DueDate(finding.Severity, submittedOn));
            db.FollowUpTasks.Add(task);
            Tasks++;
            if (awaitsTriage)
            {
                if (_photographedDrafts++ < PhotographedDrafts)
                {
                    AddPhoto(PhotoKind.Finding, actors.InspectorId, submittedUtc.AddHours(-1), photo => photo.AttachToAnswer(finding.AnswerId!.Value));
                }

                return;
            }

            Advance(opd, task, finding, submittedUtc);
            if (finding.ItemId is { } itemId && task.IsOpen && task.Status != FollowUpStatus.New)
            {
                carried.OpenTasks[(finding.RoomId, itemId)] = task;
            }
        }

        /// <summary>Walks the task along the state machine as far as its age allows, towards a target drawn at random.</summary>
        private void Advance(Opd opd, FollowUpTask task, Finding finding, DateTime submittedUtc)
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
            // A repeat of a finding made at one of the last few visits joins its task; an older task that is somehow
            // still open does not gather every repeat of the years since.
            if (target != FollowUpStatus.Dismissed && finding.ItemId is { } itemId
                && carried.OpenTasks.TryGetValue((finding.RoomId, itemId), out var open) && open.OpenedAt > submittedUtc.AddDays(-MergeWindowDays)
                && random.NextDouble() < 0.5)
            {
                task.MergeInto(_secretariat, open, at);
                return;
            }

            if (target == FollowUpStatus.Dismissed)
            {
                task.Dismiss(_secretariat, "Bukan kewenangan pemeliharaan gedung.", at);
                finding.Dismiss("Tidak ditindaklanjuti.", at);
                return;
            }

            var ownUnit = baseline.OwnUnitByOpd.GetValueOrDefault(opd.Id);
            var unit = ownUnit != Guid.Empty && random.NextDouble() < 0.2 ? ownUnit : actors.RepairUnitId;
            var assignee = unit == actors.RepairUnitId && random.NextDouble() < 0.5 ? actors.RepairUserId : null;
            Assign(task, finding, unit, assignee, at);
            if (random.NextDouble() < 0.05)
            {
                task.Comment(_secretariat, "Mohon didahulukan: ruangan ini dipakai setiap hari.", at);
            }

            if (target == FollowUpStatus.Assigned || !Step(ref at, 2))
            {
                return;
            }

            if (target == FollowUpStatus.HandedBack)
            {
                var (reason, explanation) = HandBacks[random.Next(HandBacks.Length)];
                task.HandBack(RepairerOf(unit), reason, explanation, at);
                return;
            }

            // Now and then the technical unit finds a small repair the OPD does itself: back once, then to the OPD's unit.
            if (unit == actors.RepairUnitId && ownUnit != Guid.Empty && random.NextDouble() < 0.05)
            {
                task.HandBack(RepairerOf(unit), HandBackReason.NotOurs, "Perbaikan ringan; dapat ditangani OPD sendiri.", at);
                if (!Step(ref at, 1))
                {
                    return;
                }

                unit = ownUnit;
                Assign(task, finding, unit, null, at);
                if (!Step(ref at, 2))
                {
                    return;
                }
            }

            var repair = RepairerOf(unit);
            task.StartWork(repair, at);
            if (random.NextDouble() < 0.15)
            {
                task.Comment(repair, "Menunggu suku cadang dari penyedia.", at);
            }

            if (target == FollowUpStatus.InProgress || !Step(ref at, 4 + random.Next(6)))
            {
                return;
            }

            if (target == FollowUpStatus.Done && now - at < TimeSpan.FromDays(14) && carried.AfterPhotos < MaxAfterPhotos)
            {
                carried.AfterPhotos++;
                AddPhoto(PhotoKind.After, actors.RepairUserId, at.AddMinutes(-30), photo => photo.AttachToTask(task.Id));
            }

            task.MarkDone(repair, "Sudah diperbaiki.", at);
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

                task.MarkDone(repair, "Diperbaiki ulang.", at);
                if (!Step(ref at, 2))
                {
                    return;
                }
            }

            task.Verify(_inspector, "Sudah sesuai saat kunjungan ulang.", at);
            finding.Resolve(at);
        }

        private void Assign(FollowUpTask task, Finding finding, Guid unit, string? assignee, DateTime at)
        {
            var assignedOn = DateOnly.FromDateTime(Wib.ToWib(at));
            task.Assign(_secretariat, unit, assignee, task.Priority, dueDays.DueDate(finding.Severity, assignedOn), assignedOn, at);
        }

        private Actor RepairerOf(Guid unitId) => new(actors.RepairUserId, new HashSet<string> { Roles.RepairUnit }, unitId);

        private void AddPhoto(PhotoKind kind, string byUserId, DateTime atUtc, Action<Photo> attach)
        {
            var sample = SamplePhoto.Value;
            var photo = new Photo(kind, sample.Jpeg, sample.Thumbnail, sample.Width, sample.Height, byUserId, atUtc);
            attach(photo);
            db.Photos.Add(photo);
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
