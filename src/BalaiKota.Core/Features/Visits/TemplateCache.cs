using System.Collections.Concurrent;
using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace BalaiKota.Core.Features.Visits;

/// <summary>
/// A visit pins a published template version, and published versions never change, so each is read once and shared. Every answer save needs
/// its visit's version; reading 40 items for each keystroke would be most of the cost of a save.
/// </summary>
public sealed class TemplateCache(IDbContextFactory<BalaiKotaDbContext> contexts)
{
    private readonly ConcurrentDictionary<Guid, Lazy<Task<ChecklistTemplate>>> _templates = new();

    public async Task<ChecklistTemplate> GetAsync(Guid templateId, CancellationToken ct = default)
    {
        var lazy = _templates.GetOrAdd(templateId, id => new Lazy<Task<ChecklistTemplate>>(() => LoadAsync(id)));
        try
        {
            return await lazy.Value.WaitAsync(ct);
        }
        catch (Exception) when (lazy.Value.IsFaulted)
        {
            // A failed read (database briefly away) must not be remembered.
            _templates.TryRemove(templateId, out _);
            throw;
        }
    }

    private async Task<ChecklistTemplate> LoadAsync(Guid templateId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var template = await db.ChecklistTemplates.AsNoTracking()
            .Include(t => t.Categories.OrderBy(c => c.SortOrder)).ThenInclude(c => c.Items.OrderBy(i => i.SortOrder))
            .AsSplitQuery()
            .SingleAsync(t => t.Id == templateId);
        return template;
    }
}
