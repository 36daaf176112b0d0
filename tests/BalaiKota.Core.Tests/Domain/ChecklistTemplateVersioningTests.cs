using BalaiKota.Core.Domain;

namespace BalaiKota.Core.Tests.Domain;

public class ChecklistTemplateVersioningTests
{
    [Fact]
    public void RefusesEveryEditOfAPublishedVersion()
    {
        var template = Samples.PublishedDefault();
        var category = template.Categories.First();
        var item = template.Items.First();

        Assert.Equal("template.immutable", Assert.Throws<DomainException>(() => template.AddCategory(InspectionArea.Safety, "X", "X")).Code);
        Assert.Equal("template.immutable", Assert.Throws<DomainException>(() => template.AddItem(category.Id, Samples.PassFail("NEW"))).Code);
        Assert.Equal("template.immutable", Assert.Throws<DomainException>(() => template.UpdateItem(item.Id, item.ToDefinition() with { BandMax = 99 })).Code);
        Assert.Equal("template.immutable", Assert.Throws<DomainException>(() => template.RemoveItem(item.Id)).Code);
        Assert.Equal("template.immutable", Assert.Throws<DomainException>(() => template.Publish(Samples.Now)).Code);
    }

    [Fact]
    public void ANewDraftCopiesEveryItemAndChangingItLeavesThePublishedVersionAsItWas()
    {
        var published = Samples.PublishedDefault();
        var work = published.Items.Single(i => i.Code == "HEAT-WORK");

        var draft = published.CreateNextDraft();
        var copy = draft.Items.Single(i => i.Code == "HEAT-WORK");
        draft.UpdateItem(copy.Id, copy.ToDefinition() with { BandMax = 27 });

        Assert.Equal(2, draft.Version);
        Assert.Equal(TemplateStatus.Draft, draft.Status);
        Assert.Equal(published.Items.Select(i => i.Code), draft.Items.Select(i => i.Code));
        Assert.NotEqual(work.Id, copy.Id);
        Assert.Equal(27, copy.BandMax);
        Assert.Equal(26, work.BandMax);
    }

    [Fact]
    public void RefusesADuplicateItemCodeAndAnEmptyPublication()
    {
        var template = ChecklistTemplate.CreateDraft("t", "Uji");
        Assert.Equal("template.empty", Assert.Throws<DomainException>(() => template.Publish(Samples.Now)).Code);

        var category = template.AddCategory(InspectionArea.Safety, "Keselamatan", "Safety");
        template.AddItem(category.Id, Samples.PassFail("SAME"));
        Assert.Equal("template.itemCode", Assert.Throws<DomainException>(() => template.AddItem(category.Id, Samples.PassFail("SAME"))).Code);
    }

    [Fact]
    public void RetiresOnlyAPublishedVersionAndMakesNoDraftFromADraft()
    {
        var draft = ChecklistTemplate.CreateDraft("t", "Uji");
        Assert.Equal("template.retire", Assert.Throws<DomainException>(() => draft.Retire(Samples.Now)).Code);
        Assert.Equal("template.draftFromDraft", Assert.Throws<DomainException>(() => draft.CreateNextDraft()).Code);

        var published = Samples.PublishedDefault();
        published.Retire(Samples.Now);
        Assert.Equal(TemplateStatus.Retired, published.Status);
    }
}
