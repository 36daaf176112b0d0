using BalaiKota.Core.Domain;

namespace BalaiKota.Core.Features.Templates;

/// <summary>What publishing a draft would change for new visits, against the version published now.</summary>
public sealed record TemplateDiff(
    int PublishedVersion,
    int DraftVersion,
    IReadOnlyList<DiffItem> AddedItems,
    IReadOnlyList<DiffItem> RemovedItems,
    IReadOnlyList<ItemChange> ChangedItems,
    IReadOnlyList<CategoryName> AddedCategories,
    IReadOnlyList<CategoryName> RemovedCategories,
    IReadOnlyList<CategoryRename> RenamedCategories,
    IReadOnlyList<OrderChange> OrderChanges)
{
    public bool IsEmpty =>
        AddedItems.Count + RemovedItems.Count + ChangedItems.Count + AddedCategories.Count + RemovedCategories.Count
        + RenamedCategories.Count + OrderChanges.Count == 0;
}

public sealed record CategoryName(string NameId, string NameEn);

public sealed record DiffItem(string Code, string LabelId, string LabelEn, CategoryName Category);

/// <summary>An item in both versions (matched by its code) whose definition differs in <see cref="Fields"/>.</summary>
public sealed record ItemChange(string Code, ChecklistItemDefinition Before, ChecklistItemDefinition After, IReadOnlyList<ItemField> Fields);

public sealed record CategoryRename(CategoryName Before, CategoryName After);

public enum OrderChangeKind
{
    CategoryMoved,
    ItemMoved,
    ItemMovedToOtherCategory,
}

/// <summary>
/// A category or item that changed place. Positions are 1-based in each version; <see cref="FromCategory"/> is the item's
/// category in the published version when it moved to another one.
/// </summary>
public sealed record OrderChange(OrderChangeKind Kind, CategoryName Category, string? ItemCode, string? ItemLabelId, string? ItemLabelEn, CategoryName? FromCategory, int FromPosition, int ToPosition);

public static class TemplateDiffer
{
    /// <summary>
    /// Items are matched by code (a draft copies its items with new ids). Categories are matched by Indonesian name, then
    /// the rest by the items they share, so a renamed category is a rename, not a removal and an addition. A move is
    /// reported only for what was moved: the longest run of categories (or items) still in their old relative order stays put.
    /// </summary>
    public static TemplateDiff Between(ChecklistTemplate published, ChecklistTemplate draft)
    {
        var before = published.Categories.OrderBy(c => c.SortOrder).ToList();
        var after = draft.Categories.OrderBy(c => c.SortOrder).ToList();
        var pairs = PairCategories(before, after);
        var draftOf = pairs.ToDictionary(p => p.Before.Id, p => p.After.Id);

        var oldItems = before.SelectMany(c => c.Items).ToDictionary(i => i.Code);
        var newItems = after.SelectMany(c => c.Items).ToDictionary(i => i.Code);
        var oldCategory = before.ToDictionary(c => c.Id);
        var newCategory = after.ToDictionary(c => c.Id);

        var added = after.SelectMany(c => c.Items.OrderBy(i => i.SortOrder)).Where(i => !oldItems.ContainsKey(i.Code))
            .Select(i => Entry(i, newCategory[i.CategoryId])).ToList();
        var removed = before.SelectMany(c => c.Items.OrderBy(i => i.SortOrder)).Where(i => !newItems.ContainsKey(i.Code))
            .Select(i => Entry(i, oldCategory[i.CategoryId])).ToList();
        var changed = new List<ItemChange>();
        foreach (var item in after.SelectMany(c => c.Items.OrderBy(i => i.SortOrder)).Where(i => oldItems.ContainsKey(i.Code)))
        {
            var was = oldItems[item.Code].ToDefinition();
            var now = item.ToDefinition();
            if (now.FieldsChangedFrom(was) is { Count: > 0 } fields)
            {
                changed.Add(new ItemChange(item.Code, was, now, fields));
            }
        }

        var order = new List<OrderChange>();
        order.AddRange(Moved(pairs.OrderBy(p => p.Before.SortOrder).ToList(), p => p.After.SortOrder)
            .Select(p => new OrderChange(OrderChangeKind.CategoryMoved, Name(p.After), null, null, null, null, p.Before.SortOrder, p.After.SortOrder)));
        foreach (var category in after)
        {
            var common = category.Items.Where(i => oldItems.ContainsKey(i.Code)).Select(i => (After: i, Before: oldItems[i.Code])).ToList();
            order.AddRange(common.Where(x => draftOf.GetValueOrDefault(x.Before.CategoryId) != category.Id).OrderBy(x => x.After.SortOrder)
                .Select(x => new OrderChange(OrderChangeKind.ItemMovedToOtherCategory, Name(category), x.After.Code, x.After.LabelId, x.After.LabelEn, Name(oldCategory[x.Before.CategoryId]), x.Before.SortOrder, x.After.SortOrder)));
            var stayed = common.Where(x => draftOf.GetValueOrDefault(x.Before.CategoryId) == category.Id).OrderBy(x => x.Before.SortOrder).ToList();
            order.AddRange(Moved(stayed, x => x.After.SortOrder)
                .Select(x => new OrderChange(OrderChangeKind.ItemMoved, Name(category), x.After.Code, x.After.LabelId, x.After.LabelEn, null, x.Before.SortOrder, x.After.SortOrder)));
        }

        var matchedBefore = pairs.Select(p => p.Before.Id).ToHashSet();
        var matchedAfter = pairs.Select(p => p.After.Id).ToHashSet();
        return new TemplateDiff(
            published.Version,
            draft.Version,
            added,
            removed,
            changed,
            [.. after.Where(c => !matchedAfter.Contains(c.Id)).Select(Name)],
            [.. before.Where(c => !matchedBefore.Contains(c.Id)).Select(Name)],
            [.. pairs.Where(p => p.Before.NameId != p.After.NameId || p.Before.NameEn != p.After.NameEn).OrderBy(p => p.After.SortOrder).Select(p => new CategoryRename(Name(p.Before), Name(p.After)))],
            order);
    }

    private static List<(ChecklistCategory Before, ChecklistCategory After)> PairCategories(List<ChecklistCategory> before, List<ChecklistCategory> after)
    {
        var pairs = new List<(ChecklistCategory Before, ChecklistCategory After)>();
        var left = before.ToList();
        var right = after.ToList();
        foreach (var category in after)
        {
            if (left.FirstOrDefault(c => c.NameId == category.NameId) is { } same)
            {
                pairs.Add((same, category));
                left.Remove(same);
                right.Remove(category);
            }
        }

        foreach (var category in right.ToList())
        {
            var codes = category.Items.Select(i => i.Code).ToHashSet();
            var best = left.Select(c => (Category: c, Shared: c.Items.Count(i => codes.Contains(i.Code))))
                .Where(x => x.Shared > 0).OrderByDescending(x => x.Shared).Select(x => x.Category).FirstOrDefault();
            if (best is not null)
            {
                pairs.Add((best, category));
                left.Remove(best);
            }
        }

        return pairs;
    }

    /// <summary>
    /// Of elements listed in their old order, the ones not in the longest run that is still in increasing new order:
    /// the fewest moves that explain the new order.
    /// </summary>
    private static IEnumerable<T> Moved<T>(List<T> inOldOrder, Func<T, int> newPosition)
    {
        var n = inOldOrder.Count;
        var length = new int[n];
        var previous = new int[n];
        var bestEnd = -1;
        for (var i = 0; i < n; i++)
        {
            length[i] = 1;
            previous[i] = -1;
            for (var j = 0; j < i; j++)
            {
                if (newPosition(inOldOrder[j]) < newPosition(inOldOrder[i]) && length[j] + 1 > length[i])
                {
                    length[i] = length[j] + 1;
                    previous[i] = j;
                }
            }

            if (bestEnd < 0 || length[i] > length[bestEnd])
            {
                bestEnd = i;
            }
        }

        var kept = new HashSet<int>();
        for (var i = bestEnd; i >= 0; i = previous[i])
        {
            kept.Add(i);
        }

        return inOldOrder.Where((_, i) => !kept.Contains(i));
    }

    private static DiffItem Entry(ChecklistItem item, ChecklistCategory category) => new(item.Code, item.LabelId, item.LabelEn, Name(category));

    private static CategoryName Name(ChecklistCategory category) => new(category.NameId, category.NameEn);
}
