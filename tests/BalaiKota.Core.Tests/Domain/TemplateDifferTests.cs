using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Templates;

namespace BalaiKota.Core.Tests.Domain;

public class TemplateDifferBetween
{
    private readonly ChecklistTemplate _published = Samples.PublishedDefault();
    private readonly ChecklistTemplate _draft;

    public TemplateDifferBetween()
    {
        _draft = _published.CreateNextDraft();
    }

    private ChecklistCategory Category(string nameId) => _draft.Categories.Single(c => c.NameId == nameId);

    private ChecklistItem Item(string code) => _draft.Items.Single(i => i.Code == code);

    private TemplateDiff Diff() => TemplateDiffer.Between(_published, _draft);

    [Fact]
    public void AnUntouchedDraftHasNoDifferences()
    {
        var diff = Diff();

        Assert.True(diff.IsEmpty);
        Assert.Equal((1, 2), (diff.PublishedVersion, diff.DraftVersion));
    }

    [Fact]
    public void AChangedBandIsAChangeOfTheBandFieldWithBothValues()
    {
        var work = Item("HEAT-WORK");
        _draft.UpdateItem(work.Id, work.ToDefinition() with { BandMin = 22, BandMax = 25, Guidance = "Ukur di tengah ruangan." });

        var change = Assert.Single(Diff().ChangedItems);

        Assert.Equal("HEAT-WORK", change.Code);
        Assert.Equal([ItemField.Band, ItemField.Guidance], change.Fields);
        Assert.Equal((23m, 26m), (change.Before.BandMin!.Value, change.Before.BandMax!.Value));
        Assert.Equal((22m, 25m), (change.After.BandMin!.Value, change.After.BandMax!.Value));
        Assert.Empty(Diff().OrderChanges);
    }

    [Fact]
    public void ListsAddedAndRemovedItemsAndCategories()
    {
        _draft.RemoveItem(Item("HEAT-SHADE").Id);
        var electrical = _draft.AddCategory(InspectionArea.Safety, "Listrik", "Electrical");
        _draft.AddItem(electrical.Id, Samples.PassFail("SAF-SOCKET"));
        var toilets = Category("Toilet");
        foreach (var item in toilets.Items.ToList())
        {
            _draft.RemoveItem(item.Id);
        }

        _draft.RemoveCategory(toilets.Id);

        var diff = Diff();

        Assert.Equal(["SAF-SOCKET"], diff.AddedItems.Select(i => i.Code));
        Assert.Equal("Listrik", diff.AddedItems[0].Category.NameId);
        Assert.Equal(["HEAT-SHADE", "TOI-CLOSETS"], diff.RemovedItems.Select(i => i.Code).Take(2));
        Assert.Equal(10, diff.RemovedItems.Count);
        Assert.Equal(["Listrik"], diff.AddedCategories.Select(c => c.NameId));
        Assert.Equal(["Toilet"], diff.RemovedCategories.Select(c => c.NameId));
        Assert.Empty(diff.RenamedCategories);
        Assert.Empty(diff.OrderChanges);
    }

    [Fact]
    public void ARenamedCategoryIsARenameNotARemovalAndAnAddition()
    {
        _draft.RenameCategory(Category("Suhu").Id, "Suhu dan kelembaban", "Heat and humidity");

        var diff = Diff();

        var rename = Assert.Single(diff.RenamedCategories);
        Assert.Equal(("Suhu", "Suhu dan kelembaban", "Heat and humidity"), (rename.Before.NameId, rename.After.NameId, rename.After.NameEn));
        Assert.Empty(diff.AddedCategories);
        Assert.Empty(diff.RemovedCategories);
    }

    [Fact]
    public void ReportsOnlyWhatWasMovedNotWhatShiftedAroundIt()
    {
        _draft.MoveCategory(Category("Keselamatan").Id, 1);
        _draft.MoveItem(Item("HEAT-FAN").Id, Category("Suhu").Id, 1);
        _draft.MoveItem(Item("VEN-AC").Id, Category("Suhu").Id, 3);

        var order = Diff().OrderChanges;

        Assert.Equal(
            [
                (OrderChangeKind.CategoryMoved, "Keselamatan", (string?)null, 6, 1),
                (OrderChangeKind.ItemMoved, "Suhu", "HEAT-FAN", 4, 1),
                (OrderChangeKind.ItemMovedToOtherCategory, "Suhu", "VEN-AC", 5, 3),
            ],
            order.Select(o => (o.Kind, o.Category.NameId, o.ItemCode, o.FromPosition, o.ToPosition)).OrderBy(o => o.Kind));
        Assert.Equal("Ventilasi", order.Single(o => o.Kind == OrderChangeKind.ItemMovedToOtherCategory).FromCategory!.NameId);
    }
}
