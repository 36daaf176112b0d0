using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Admin;
using Microsoft.EntityFrameworkCore;

namespace BalaiKota.Core.Features.Templates;

/// <summary>
/// Checklist templates for administrators: the versions of each checklist, one draft per checklist edited change by
/// change, its differences from the published version, and publishing it in place of that version.
/// <para>
/// Concurrency without a concurrency token: every change reloads the draft and applies itself to what is stored now,
/// inside a transaction that first updates the draft's row (its last change), so changes and a publish of one draft take
/// turns on that row lock and a change never lands on a version that was published meanwhile. A changed item is sent
/// with the definition the editor started from; when someone else changed that item in the meantime the save is refused
/// with the current state to reload, instead of overwriting their edit. Moves are applied to the current order.
/// </para>
/// </summary>
public sealed class TemplateAdminService(IDbContextFactory<BalaiKotaDbContext> contexts, TimeProvider clock)
{
    private const string What = "mengubah templat daftar periksa";

    public async Task<IReadOnlyList<TemplateFamily>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        AdminAccess.Require(actor, What);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.ChecklistTemplates.AsNoTracking()
            .Select(t => new { t.Code, t.Name, t.Id, t.Version, t.Status, t.PublishedAt, t.RetiredAt, Visits = db.Visits.Count(v => v.TemplateId == t.Id) })
            .ToListAsync(ct);
        return [.. rows.GroupBy(r => r.Code).OrderBy(g => g.Key)
            .Select(g => g.OrderByDescending(r => r.Version).ToList())
            .Select(versions => new TemplateFamily(
                versions[0].Code,
                versions[0].Name,
                [.. versions.Select(r => new TemplateVersionRow(r.Id, r.Version, r.Status, r.PublishedAt, r.RetiredAt, r.Visits))]))];
    }

    public async Task<TemplateView> GetAsync(Actor actor, Guid templateId, CancellationToken ct = default)
    {
        AdminAccess.Require(actor, What);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return View(await LoadAsync(db.ChecklistTemplates.AsNoTracking(), templateId, ct));
    }

    /// <summary>A new draft that copies the published version of the checklist; refused while the checklist has a draft.</summary>
    public async Task<Guid> CreateDraftAsync(Actor actor, string code, CancellationToken ct = default)
    {
        AdminAccess.Require(actor, What);
        await using var db = await contexts.CreateDbContextAsync(ct);
        Guard.That(!await db.ChecklistTemplates.AnyAsync(t => t.Code == code && t.Status == TemplateStatus.Draft, ct), "template.draftExists", "Templat ini sudah memiliki versi draf; buka draf tersebut atau buang dulu.");
        var publishedId = await db.ChecklistTemplates.Where(t => t.Code == code && t.Status == TemplateStatus.Published)
            .OrderByDescending(t => t.Version).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct)
            ?? throw new DomainException("template.noPublished", "Templat ini belum memiliki versi terbit untuk dijadikan dasar draf.");
        var draft = (await LoadAsync(db.ChecklistTemplates.AsNoTracking(), publishedId, ct)).CreateNextDraft();
        db.ActingUserId = actor.UserId;
        db.ChecklistTemplates.Add(draft);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two administrators created the draft at once: both copied the same published version, so both drafts have
            // the same version number and the unique (code, version) index lets only the first in.
            Guard.That(!await HasDraftAsync(code, ct), "template.draftExists", "Templat ini sudah memiliki versi draf; buka draf tersebut atau buang dulu.");
            throw;
        }

        return draft.Id;
    }

    /// <summary>Deletes a draft; no visit ever pins a draft, so nothing else refers to it.</summary>
    public Task DiscardDraftAsync(Actor actor, Guid draftId, CancellationToken ct = default) =>
        EditAsync(actor, draftId, (db, draft) => { db.ChecklistTemplates.Remove(draft); }, ct);

    public Task<Guid> AddCategoryAsync(Actor actor, Guid draftId, InspectionArea area, string nameId, string nameEn, CancellationToken ct = default) =>
        EditAsync(actor, draftId, (_, draft) => draft.AddCategory(area, nameId, nameEn).Id, ct);

    public Task RenameCategoryAsync(Actor actor, Guid draftId, Guid categoryId, string nameId, string nameEn, CancellationToken ct = default) =>
        EditAsync(actor, draftId, (_, draft) => draft.RenameCategory(categoryId, nameId, nameEn), ct);

    public Task RemoveCategoryAsync(Actor actor, Guid draftId, Guid categoryId, CancellationToken ct = default) =>
        EditAsync(actor, draftId, (_, draft) => draft.RemoveCategory(categoryId), ct);

    public Task MoveCategoryAsync(Actor actor, Guid draftId, Guid categoryId, int position, CancellationToken ct = default) =>
        EditAsync(actor, draftId, (_, draft) => draft.MoveCategory(categoryId, position), ct);

    public Task<Guid> AddItemAsync(Actor actor, Guid draftId, Guid categoryId, ChecklistItemDefinition definition, CancellationToken ct = default) =>
        EditAsync(actor, draftId, (_, draft) => draft.AddItem(categoryId, definition).Id, ct);

    /// <summary>
    /// Saves <paramref name="after"/> over the item, provided it is still as <paramref name="before"/> (what the editor
    /// opened); with <paramref name="categoryId"/> of another category, the item moves to the end of that one in the same change.
    /// </summary>
    public Task UpdateItemAsync(Actor actor, Guid draftId, Guid itemId, ChecklistItemDefinition before, ChecklistItemDefinition after, Guid? categoryId = null, CancellationToken ct = default) =>
        EditAsync(
            actor,
            draftId,
            (_, draft) =>
            {
                var current = draft.Items.SingleOrDefault(i => i.Id == itemId)
                    ?? throw new DomainException("template.itemMissing", "Butir tidak ditemukan di templat ini.");
                Guard.That(current.ToDefinition().FieldsChangedFrom(before).Count == 0, "template.itemChanged", "Butir ini baru saja diubah oleh orang lain; muat ulang untuk melihat isinya sekarang, lalu ubah lagi.");
                draft.UpdateItem(itemId, after);
                if (categoryId is { } target && target != current.CategoryId)
                {
                    draft.MoveItem(itemId, target, (draft.Categories.SingleOrDefault(c => c.Id == target)?.Items.Count ?? 0) + 1);
                }
            },
            ct);

    public Task RemoveItemAsync(Actor actor, Guid draftId, Guid itemId, CancellationToken ct = default) =>
        EditAsync(actor, draftId, (_, draft) => draft.RemoveItem(itemId), ct);

    public Task MoveItemAsync(Actor actor, Guid draftId, Guid itemId, Guid categoryId, int position, CancellationToken ct = default) =>
        EditAsync(actor, draftId, (_, draft) => draft.MoveItem(itemId, categoryId, position), ct);

    /// <summary>The draft against the published version of its checklist (or an empty version when there is none).</summary>
    public async Task<TemplateDiff> DiffAsync(Actor actor, Guid draftId, CancellationToken ct = default)
    {
        AdminAccess.Require(actor, What);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var draft = await LoadAsync(db.ChecklistTemplates.AsNoTracking(), draftId, ct);
        var published = await PublishedOfAsync(db.ChecklistTemplates.AsNoTracking(), draft.Code, ct);
        return TemplateDiffer.Between(published ?? ChecklistTemplate.CreateDraft(draft.Code, draft.Name), draft);
    }

    /// <summary>
    /// Publishes the draft and retires the version published so far, in one transaction; or, when the draft has problems,
    /// returns all of them and changes nothing.
    /// </summary>
    public async Task<PublishResult> PublishAsync(Actor actor, Guid draftId, CancellationToken ct = default)
    {
        IReadOnlyList<TemplateProblem> problems = [];
        await ApplyAsync(
            actor,
            draftId,
            async (db, draft) =>
            {
                problems = draft.ProblemsBeforePublish();
                if (problems.Count == 0)
                {
                    var current = await PublishedOfAsync(db.ChecklistTemplates, draft.Code, ct);
                    draft.PublishReplacing(current, clock.GetUtcNow().UtcDateTime);
                }
            },
            ct);
        return new PublishResult(problems.Count == 0, problems);
    }

    private Task EditAsync(Actor actor, Guid draftId, Action<BalaiKotaDbContext, ChecklistTemplate> change, CancellationToken ct) =>
        ApplyAsync(
            actor,
            draftId,
            (db, draft) =>
            {
                change(db, draft);
                return Task.CompletedTask;
            },
            ct);

    private async Task<T> EditAsync<T>(Actor actor, Guid draftId, Func<BalaiKotaDbContext, ChecklistTemplate, T> change, CancellationToken ct)
    {
        var result = default(T)!;
        await ApplyAsync(
            actor,
            draftId,
            (db, draft) =>
            {
                result = change(db, draft);
                return Task.CompletedTask;
            },
            ct);
        return result;
    }

    /// <summary>One change of a draft: takes the draft's row lock, reloads the draft, applies the change, saves, commits.</summary>
    private async Task ApplyAsync(Actor actor, Guid draftId, Func<BalaiKotaDbContext, ChecklistTemplate, Task> change, CancellationToken ct)
    {
        AdminAccess.Require(actor, What);
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var locked = await db.ChecklistTemplates.Where(t => t.Id == draftId && t.Status == TemplateStatus.Draft)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UpdatedAt, now).SetProperty(t => t.UpdatedBy, actor.UserId), ct);
        var draft = await LoadAsync(db.ChecklistTemplates, draftId, ct);
        Guard.That(locked == 1, "template.immutable", $"Templat versi {draft.Version} sudah terbit dan tidak dapat diubah; buat versi draf baru.");
        db.ActingUserId = actor.UserId;
        await change(db, draft);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private async Task<bool> HasDraftAsync(string code, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ChecklistTemplates.AnyAsync(t => t.Code == code && t.Status == TemplateStatus.Draft, ct);
    }

    private static async Task<ChecklistTemplate> LoadAsync(IQueryable<ChecklistTemplate> templates, Guid templateId, CancellationToken ct) =>
        await WithItems(templates).SingleOrDefaultAsync(t => t.Id == templateId, ct)
        ?? throw new DomainException("template.notFound", "Templat tidak ditemukan.");

    private static Task<ChecklistTemplate?> PublishedOfAsync(IQueryable<ChecklistTemplate> templates, string code, CancellationToken ct) =>
        WithItems(templates).Where(t => t.Code == code && t.Status == TemplateStatus.Published).OrderByDescending(t => t.Version).FirstOrDefaultAsync(ct);

    private static IQueryable<ChecklistTemplate> WithItems(IQueryable<ChecklistTemplate> templates) =>
        templates.Include(t => t.Categories.OrderBy(c => c.SortOrder)).ThenInclude(c => c.Items.OrderBy(i => i.SortOrder)).AsSplitQuery();

    private static TemplateView View(ChecklistTemplate t) => new(
        t.Id,
        t.Code,
        t.Name,
        t.Version,
        t.Status,
        t.PublishedAt,
        t.RetiredAt,
        [.. t.Categories.OrderBy(c => c.SortOrder).Select(c => new CategoryView(
            c.Id,
            c.Area,
            c.NameId,
            c.NameEn,
            c.SortOrder,
            [.. c.Items.OrderBy(i => i.SortOrder).Select(i => new ItemView(i.Id, i.CategoryId, i.SortOrder, i.ToDefinition()))]))]);
}
