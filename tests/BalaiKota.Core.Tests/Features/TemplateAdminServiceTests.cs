using BalaiKota.Core.Data;
using BalaiKota.Core.Data.Seeding;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Reports;
using BalaiKota.Core.Features.Templates;
using BalaiKota.Core.Features.Visits;
using BalaiKota.Core.Tests.Domain;
using BalaiKota.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace BalaiKota.Core.Tests.Features;

/// <summary>
/// Template versions as administrators make them, on each provider (subclasses below). The default checklist (version 1)
/// is published on 2 November; HEAT-WORK, the work-room temperature, has the band 23–26 °C there.
/// </summary>
public abstract class TemplateAdminServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string StaffRoom = "Ruang Kerja Staf Disdukcapil";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 2, 0, 0, TimeSpan.Zero));
    private readonly Actor _admin = Samples.Administrator;
    private readonly Actor _inspector = Samples.Inspector;
    private WalkThrough _walk = default!;
    private TemplateAdminService _service = default!;

    public async ValueTask InitializeAsync()
    {
        _walk = await WalkThrough.CreateAsync(provider, _clock);
        await _walk.AddPeopleAsync();
        _service = new TemplateAdminService(_walk.Database, _clock);
    }

    public async ValueTask DisposeAsync()
    {
        await _walk.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task AVisitInProgressKeepsItsVersionWhileNewVisitsAndReportsFollowTheirOwn()
    {
        var opd = await _walk.OpdAsync("Disdukcapil");
        var room = await _walk.RoomIdAsync(StaffRoom);
        var v1 = (await _service.ListAsync(_admin))[0].Published!.Id;
        var past = await _walk.SubmitVisitAsync(_inspector, opd, Wib.Today(_clock), v => _walk.ReadingAsync(_inspector, v, room, "HEAT-WORK", 25), roomIds: [room]);
        var inProgress = await _walk.Visits.PlanAsync(_inspector, new PlanVisitRequest(opd.Id, Wib.Today(_clock), _inspector.UserId, [], [], [room], StartNow: true));

        _clock.Advance(TimeSpan.FromDays(1));
        var draft = await _service.CreateDraftAsync(_admin, DefaultChecklist.Code);
        await ChangeBandAsync(draft, "HEAT-WORK", 20, 22);
        var result = await _service.PublishAsync(_admin, draft);
        var planned = await _walk.Visits.PlanAsync(_inspector, new PlanVisitRequest(opd.Id, Wib.Today(_clock), _inspector.UserId, [], [], [room], StartNow: true));

        Assert.True(result.Published);
        Assert.Equal(AnswerOutcome.Ok, await OutcomeAsync(await _walk.ReadingAsync(_inspector, inProgress, room, "HEAT-WORK", 25)));
        Assert.Equal(AnswerOutcome.NotOk, await OutcomeAsync(await _walk.ReadingAsync(_inspector, planned, room, "HEAT-WORK", 25)));
        await using (var db = _walk.Database.CreateDbContext())
        {
            var pinned = await db.Visits.ToDictionaryAsync(v => v.Id, v => v.TemplateId);
            Assert.Equal((v1, v1, draft), (pinned[past], pinned[inProgress], pinned[planned]));
        }

        var reports = new VisitReportService(_walk.Database, new TemplateCache(_walk.Database), _clock);
        var answer = (await reports.BuildAsync(_admin, past, ReportLanguage.Indonesian)).Rooms.Single().Answers.Single(a => a.Item == "Suhu ruang kerja");
        Assert.Equal(("23–26 °C", AnswerOutcome.Ok), (answer.Standard, answer.Outcome));

        var versions = (await _service.ListAsync(_admin))[0].Versions;
        Assert.Equal(
            [(2, TemplateStatus.Published, 1), (1, TemplateStatus.Retired, 2)],
            versions.Select(v => (v.Version, v.Status, v.Visits)));
        Assert.Equal(_clock.GetUtcNow().UtcDateTime, versions[1].RetiredAt);
    }

    [Fact]
    public async Task PublishingADraftWithABadItemListsEveryProblemAndChangesNothing()
    {
        var draft = await _service.CreateDraftAsync(_admin, DefaultChecklist.Code);
        var empty = await _service.AddCategoryAsync(_admin, draft, InspectionArea.Safety, "Listrik", "Electrical");
        await using (var db = _walk.Database.CreateDbContext())
        {
            // A row the editor would not save, as an older release or a hand-made fix could have left it.
            await db.ChecklistItems.Where(i => i.Code == "HEAT-WORK" && db.ChecklistCategories.Any(c => c.Id == i.CategoryId && c.TemplateId == draft))
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.BandMax, 70m).SetProperty(i => i.Unit, (MeasurementUnit?)null));
        }

        var result = await _service.PublishAsync(_admin, draft);

        var work = (await _service.GetAsync(_admin, draft)).Items.Single(i => i.Definition.Code == "HEAT-WORK");
        Assert.False(result.Published);
        Assert.Equal(
            [("category.empty", empty, (Guid?)null), ("item.unit", work.CategoryId, work.Id), ("item.bandPlausible", work.CategoryId, work.Id)],
            result.Problems.Select(p => (p.Code, p.CategoryId!.Value, p.ItemId)).OrderBy(p => p.ItemId.HasValue).ThenBy(p => p.Code == "item.bandPlausible"));
        var versions = (await _service.ListAsync(_admin))[0].Versions;
        Assert.Equal([(2, TemplateStatus.Draft), (1, TemplateStatus.Published)], versions.Select(v => (v.Version, v.Status)));
        Assert.All(versions, v => Assert.Null(v.RetiredAt));
        Assert.Null(versions[0].PublishedAt);
    }

    [Fact]
    public async Task AChecklistHasOneDraftAtATimeAndADiscardedDraftIsGone()
    {
        var draft = await _service.CreateDraftAsync(_admin, DefaultChecklist.Code);

        var twice = await Assert.ThrowsAsync<DomainException>(() => _service.CreateDraftAsync(_admin, DefaultChecklist.Code));
        await _service.DiscardDraftAsync(_admin, draft);
        var again = await _service.CreateDraftAsync(_admin, DefaultChecklist.Code);
        await _service.PublishAsync(_admin, again);
        var third = await _service.CreateDraftAsync(_admin, DefaultChecklist.Code);

        Assert.Equal("template.draftExists", twice.Code);
        Assert.Equal([(3, TemplateStatus.Draft), (2, TemplateStatus.Published), (1, TemplateStatus.Retired)], (await _service.ListAsync(_admin))[0].Versions.Select(v => (v.Version, v.Status)));
        Assert.Equal(3, (await _service.GetAsync(_admin, third)).Version);
        await using var db = _walk.Database.CreateDbContext();
        Assert.False(await db.ChecklistTemplates.AnyAsync(t => t.Id == draft));
        Assert.False(await db.ChecklistCategories.AnyAsync(c => c.TemplateId == draft));
        Assert.False(await db.ChecklistItems.AnyAsync(i => !db.ChecklistCategories.Any(c => c.Id == i.CategoryId)));
    }

    [Fact]
    public async Task AnItemChangedByAnotherAdministratorMeanwhileIsNotOverwritten()
    {
        var draft = await _service.CreateDraftAsync(_admin, DefaultChecklist.Code);
        var opened = await _service.GetAsync(_admin, draft);
        var work = opened.Items.Single(i => i.Definition.Code == "HEAT-WORK");
        var lobby = opened.Items.Single(i => i.Definition.Code == "HEAT-LOBBY");

        await _service.UpdateItemAsync(_admin, draft, work.Id, work.Definition, work.Definition with { BandMax = 27 });
        var stale = await Assert.ThrowsAsync<DomainException>(() => _service.UpdateItemAsync(_admin, draft, work.Id, work.Definition, work.Definition with { Weight = 2 }));
        await _service.UpdateItemAsync(_admin, draft, lobby.Id, lobby.Definition, lobby.Definition with { BandMax = 29 });

        var now = (await _service.GetAsync(_admin, draft)).Items.ToDictionary(i => i.Definition.Code);
        Assert.Equal("template.itemChanged", stale.Code);
        Assert.Equal((27m, 3), (now["HEAT-WORK"].Definition.BandMax!.Value, now["HEAT-WORK"].Definition.Weight));
        Assert.Equal(29m, now["HEAT-LOBBY"].Definition.BandMax);
    }

    [Fact]
    public async Task APublishedVersionRefusesEveryChangeAndStaysAsItWas()
    {
        var draft = await _service.CreateDraftAsync(_admin, DefaultChecklist.Code);
        var item = (await _service.GetAsync(_admin, draft)).Items.First();
        await _service.PublishAsync(_admin, draft);

        var late = await Assert.ThrowsAsync<DomainException>(() => _service.UpdateItemAsync(_admin, draft, item.Id, item.Definition, item.Definition with { Weight = 5 }));
        var discard = await Assert.ThrowsAsync<DomainException>(() => _service.DiscardDraftAsync(_admin, draft));

        Assert.Equal(("template.immutable", "template.immutable"), (late.Code, discard.Code));
        Assert.Equal(item.Definition.Weight, (await _service.GetAsync(_admin, draft)).Items.First().Definition.Weight);
    }

    [Fact]
    public async Task KeepsTheOrderAndCategoryOfAMovedItemAndTheDiffShowsIt()
    {
        var draft = await _service.CreateDraftAsync(_admin, DefaultChecklist.Code);
        var view = await _service.GetAsync(_admin, draft);
        var heat = view.Categories.Single(c => c.NameId == "Suhu");
        var safety = view.Categories.Single(c => c.NameId == "Keselamatan");

        await _service.MoveItemAsync(_admin, draft, heat.Items.Single(i => i.Definition.Code == "HEAT-FAN").Id, safety.Id, 1);
        await _service.MoveCategoryAsync(_admin, draft, safety.Id, 1);
        await _service.RenameCategoryAsync(_admin, draft, heat.Id, "Suhu ruang", "Room temperature");

        var after = await _service.GetAsync(_admin, draft);
        Assert.Equal(["Keselamatan", "Ventilasi", "Suhu ruang", "Toilet", "Kenyamanan", "Aksesibilitas"], after.Categories.Select(c => c.NameId));
        Assert.Equal(["HEAT-FAN", "SAF-APAR", "SAF-EVACUATION", "SAF-FLOOR"], after.Categories[0].Items.Select(i => i.Definition.Code));
        Assert.Equal([1, 2, 3, 4], after.Categories[2].Items.Select(i => i.SortOrder));
        var diff = await _service.DiffAsync(_admin, draft);
        Assert.Equal([(OrderChangeKind.CategoryMoved, null), (OrderChangeKind.ItemMovedToOtherCategory, "HEAT-FAN")], diff.OrderChanges.Select(o => (o.Kind, o.ItemCode)));
        Assert.Equal("Suhu ruang", Assert.Single(diff.RenamedCategories).After.NameId);
        Assert.Empty(diff.ChangedItems);
    }

    [Fact]
    public async Task AnItemSavedInAnotherCategoryMovesToItsEndInTheSameChange()
    {
        var draft = await _service.CreateDraftAsync(_admin, DefaultChecklist.Code);
        var view = await _service.GetAsync(_admin, draft);
        var fan = view.Items.Single(i => i.Definition.Code == "HEAT-FAN");
        var safety = view.Categories.Single(c => c.NameId == "Keselamatan");

        await _service.UpdateItemAsync(_admin, draft, fan.Id, fan.Definition, fan.Definition with { Weight = 2 }, safety.Id);
        var refused = await Assert.ThrowsAsync<DomainException>(() => _service.UpdateItemAsync(_admin, draft, fan.Id, fan.Definition with { Weight = 2 }, fan.Definition with { Weight = 2, BandMax = 5 }, Guid.NewGuid()));

        var after = await _service.GetAsync(_admin, draft);
        Assert.Equal(["SAF-APAR", "SAF-EVACUATION", "SAF-FLOOR", "HEAT-FAN"], after.Categories.Single(c => c.Id == safety.Id).Items.Select(i => i.Definition.Code));
        Assert.Equal(2, after.Items.Single(i => i.Definition.Code == "HEAT-FAN").Definition.Weight);
        Assert.Equal("item.passFail", refused.Code);
    }

    [Fact]
    public async Task OnlyAnAdministratorReadsOrChangesTemplates()
    {
        var draft = await _service.CreateDraftAsync(_admin, DefaultChecklist.Code);
        var category = (await _service.GetAsync(_admin, draft)).Categories[0];
        Actor[] others = [Samples.Inspector, Samples.Secretariat, Samples.Leadership, Samples.RepairUnit(Guid.NewGuid())];
        Func<Actor, Task>[] calls =
        [
            a => _service.ListAsync(a),
            a => _service.GetAsync(a, draft),
            a => _service.CreateDraftAsync(a, DefaultChecklist.Code),
            a => _service.DiscardDraftAsync(a, draft),
            a => _service.AddCategoryAsync(a, draft, InspectionArea.Safety, "X", "X"),
            a => _service.RenameCategoryAsync(a, draft, category.Id, "X", "X"),
            a => _service.MoveCategoryAsync(a, draft, category.Id, 2),
            a => _service.AddItemAsync(a, draft, category.Id, Samples.PassFail("NEW")),
            a => _service.UpdateItemAsync(a, draft, category.Items[0].Id, category.Items[0].Definition, category.Items[0].Definition with { Weight = 9 }),
            a => _service.RemoveItemAsync(a, draft, category.Items[0].Id),
            a => _service.MoveItemAsync(a, draft, category.Items[0].Id, category.Id, 2),
            a => _service.DiffAsync(a, draft),
            a => _service.PublishAsync(a, draft),
        ];

        foreach (var actor in others)
        {
            foreach (var call in calls)
            {
                Assert.Equal("access.denied", (await Assert.ThrowsAsync<DomainException>(() => call(actor))).Code);
            }
        }

        Assert.Equal(
            (await _service.GetAsync(_admin, (await _service.ListAsync(_admin))[0].Published!.Id)).Items.Select(i => i.Definition.Code),
            (await _service.GetAsync(_admin, draft)).Items.Select(i => i.Definition.Code));
    }

    private async Task ChangeBandAsync(Guid draft, string code, decimal min, decimal max)
    {
        var item = (await _service.GetAsync(_admin, draft)).Items.Single(i => i.Definition.Code == code);
        await _service.UpdateItemAsync(_admin, draft, item.Id, item.Definition, item.Definition with { BandMin = min, BandMax = max });
    }

    private async Task<AnswerOutcome> OutcomeAsync(Guid answerId)
    {
        await using var db = _walk.Database.CreateDbContext();
        return await db.Answers.Where(a => a.Id == answerId).Select(a => a.Outcome).SingleAsync();
    }
}

public sealed class SqliteTemplateAdminServiceTests() : TemplateAdminServiceTests(DatabaseProvider.Sqlite);

public sealed class PostgresTemplateAdminServiceTests() : TemplateAdminServiceTests(DatabaseProvider.Postgres);
