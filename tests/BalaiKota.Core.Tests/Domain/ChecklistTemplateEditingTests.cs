using BalaiKota.Core.Domain;

namespace BalaiKota.Core.Tests.Domain;

public class ChecklistTemplateEditingTests
{
    private readonly ChecklistTemplate _draft = Samples.PublishedDefault().CreateNextDraft();

    private ChecklistCategory Category(string nameId) => _draft.Categories.Single(c => c.NameId == nameId);

    private ChecklistItem Item(string code) => _draft.Items.Single(i => i.Code == code);

    private static string[] Codes(ChecklistCategory category) => [.. category.Items.OrderBy(i => i.SortOrder).Select(i => i.Code)];

    [Fact]
    public void RenamesACategoryAndRefusesAnEmptyName()
    {
        var heat = Category("Suhu");

        _draft.RenameCategory(heat.Id, "Suhu dan kelembaban", "Heat and humidity");

        Assert.Equal(("Suhu dan kelembaban", "Heat and humidity"), (heat.NameId, heat.NameEn));
        Assert.Equal("category.name", Assert.Throws<DomainException>(() => _draft.RenameCategory(heat.Id, " ", "Heat")).Code);
    }

    [Fact]
    public void RemovesOnlyAnEmptyCategoryAndClosesUpTheOrder()
    {
        var safety = Category("Keselamatan");
        Assert.Equal("category.notEmpty", Assert.Throws<DomainException>(() => _draft.RemoveCategory(safety.Id)).Code);

        var extra = _draft.AddCategory(InspectionArea.Comfort, "Tambahan", "Extra");
        _draft.MoveCategory(extra.Id, 1);
        _draft.RemoveCategory(extra.Id);

        Assert.Equal([1, 2, 3, 4, 5, 6], _draft.Categories.OrderBy(c => c.SortOrder).Select(c => c.SortOrder));
        Assert.Equal("Ventilasi", _draft.Categories.Single(c => c.SortOrder == 1).NameId);
    }

    [Fact]
    public void MovesACategoryToAPositionAndRefusesAPositionOutsideTheList()
    {
        var safety = Category("Keselamatan");

        _draft.MoveCategory(safety.Id, 2);

        Assert.Equal(["Ventilasi", "Keselamatan", "Suhu", "Toilet", "Kenyamanan", "Aksesibilitas"], _draft.Categories.OrderBy(c => c.SortOrder).Select(c => c.NameId));
        Assert.Equal("template.position", Assert.Throws<DomainException>(() => _draft.MoveCategory(safety.Id, 7)).Code);
        Assert.Equal("template.position", Assert.Throws<DomainException>(() => _draft.MoveCategory(safety.Id, 0)).Code);
    }

    [Fact]
    public void MovesAnItemUpWithinItsCategory()
    {
        var heat = Category("Suhu");

        _draft.MoveItem(Item("HEAT-RH").Id, heat.Id, 1);

        Assert.Equal(["HEAT-RH", "HEAT-WORK", "HEAT-LOBBY", "HEAT-FAN", "HEAT-SHADE"], Codes(heat));
        Assert.Equal([1, 2, 3, 4, 5], heat.Items.OrderBy(i => i.SortOrder).Select(i => i.SortOrder));
    }

    [Fact]
    public void MovesAnItemToAnotherCategoryAndRenumbersBoth()
    {
        var heat = Category("Suhu");
        var ventilation = Category("Ventilasi");

        _draft.MoveItem(Item("VEN-AC").Id, heat.Id, 2);

        Assert.Equal(["HEAT-WORK", "VEN-AC", "HEAT-LOBBY", "HEAT-RH", "HEAT-FAN", "HEAT-SHADE"], Codes(heat));
        Assert.Equal([1, 2, 3, 4, 5], ventilation.Items.OrderBy(i => i.SortOrder).Select(i => i.SortOrder));
        Assert.Equal(heat.Id, Item("VEN-AC").CategoryId);
        Assert.Equal("template.position", Assert.Throws<DomainException>(() => _draft.MoveItem(Item("HEAT-FAN").Id, ventilation.Id, 7)).Code);
    }

    [Fact]
    public void RemovingAnItemClosesUpTheOrderOfItsCategory()
    {
        var heat = Category("Suhu");

        _draft.RemoveItem(Item("HEAT-LOBBY").Id);

        Assert.Equal(["HEAT-WORK", "HEAT-RH", "HEAT-FAN", "HEAT-SHADE"], Codes(heat));
        Assert.Equal([1, 2, 3, 4], heat.Items.OrderBy(i => i.SortOrder).Select(i => i.SortOrder));
        Assert.Equal("template.itemMissing", Assert.Throws<DomainException>(() => _draft.RemoveItem(Guid.NewGuid())).Code);
    }

    [Fact]
    public void RefusesToReorderOrRenameInAPublishedVersion()
    {
        var published = Samples.PublishedDefault();
        var category = published.Categories.First();

        Assert.Equal("template.immutable", Assert.Throws<DomainException>(() => published.MoveCategory(category.Id, 2)).Code);
        Assert.Equal("template.immutable", Assert.Throws<DomainException>(() => published.RenameCategory(category.Id, "X", "X")).Code);
        Assert.Equal("template.immutable", Assert.Throws<DomainException>(() => published.MoveItem(category.Items.First().Id, category.Id, 2)).Code);
    }

    [Fact]
    public void PublishingListsEveryEmptyCategoryAndChangesNothing()
    {
        var first = _draft.AddCategory(InspectionArea.Safety, "Listrik", "Electrical");
        var second = _draft.AddCategory(InspectionArea.Safety, "Gas", "Gas");

        var problems = _draft.ProblemsBeforePublish();
        var error = Assert.Throws<DomainException>(() => _draft.Publish(Samples.Now));

        Assert.Equal([("category.empty", first.Id), ("category.empty", second.Id)], problems.Select(p => (p.Code, p.CategoryId!.Value)));
        Assert.Equal("template.invalid", error.Code);
        Assert.Equal(TemplateStatus.Draft, _draft.Status);
        Assert.Null(_draft.PublishedAt);
    }

    [Fact]
    public void ADraftWithoutProblemsPublishesInPlaceOfThePublishedVersion()
    {
        var published = Samples.PublishedDefault();
        var draft = published.CreateNextDraft();

        Assert.Empty(draft.ProblemsBeforePublish());
        draft.PublishReplacing(published, Samples.Now.AddDays(1));

        Assert.Equal((TemplateStatus.Published, Samples.Now.AddDays(1)), (draft.Status, draft.PublishedAt));
        Assert.Equal((TemplateStatus.Retired, Samples.Now.AddDays(1)), (published.Status, published.RetiredAt));
    }

    [Fact]
    public void RefusesToReplaceAVersionOfAnotherChecklistAndRetiresNothing()
    {
        var other = ChecklistTemplate.CreateDraft("lain", "Lain");
        var category = other.AddCategory(InspectionArea.Safety, "Keselamatan", "Safety");
        other.AddItem(category.Id, Samples.PassFail());
        other.Publish(Samples.Now);

        Assert.Equal("template.replace", Assert.Throws<DomainException>(() => _draft.PublishReplacing(other, Samples.Now)).Code);
        Assert.Equal(TemplateStatus.Draft, _draft.Status);
        Assert.Equal(TemplateStatus.Published, other.Status);
    }
}

public class ChecklistItemRulesCheck
{
    [Fact]
    public void ListsEveryProblemOfAMeasurementItemEachUnderItsField()
    {
        var problems = ChecklistItemRules.Check(Samples.Temperature(null, null) with { Unit = null, PlausibleMin = null, LabelEn = "", Weight = 0 });

        Assert.Equal(
            [(ItemField.LabelEn, "item.label"), (ItemField.Weight, "item.weight"), (ItemField.Unit, "item.unit"), (ItemField.Plausibility, "item.plausible"), (ItemField.Band, "item.band")],
            problems.Select(p => (p.Field, p.Code)));
    }

    [Theory]
    [InlineData(20, 70, "item.bandPlausible")]
    [InlineData(-5, 26, "item.bandPlausible")]
    [InlineData(27, 23, "item.bandOrder")]
    public void RefusesABandOutsideThePlausibleLimitsOrReversed(int min, int max, string code)
    {
        Assert.Equal([code], ChecklistItemRules.Check(Samples.Temperature(min, max)).Select(p => p.Code));
    }

    [Fact]
    public void AcceptsTheSampleItemsAndRefusesARatingWhosePassMarkIsOffTheScale()
    {
        Assert.Empty(ChecklistItemRules.Check(Samples.Temperature()));
        Assert.Empty(ChecklistItemRules.Check(Samples.PassFail()));

        var rating = Samples.PassFail() with { AnswerType = AnswerType.Rating, RatingMin = 1, RatingMax = 5, RatingPassMin = 6 };
        Assert.Equal(["item.scalePass"], ChecklistItemRules.Check(rating).Select(p => p.Code));
    }

    [Fact]
    public void SeesWhichFieldsChangedAndTreatsRoomTypesAsASet()
    {
        var before = Samples.Temperature() with { RoomTypes = [RoomType.Office, RoomType.MeetingRoom], Guidance = null };
        var same = before with { RoomTypes = [RoomType.MeetingRoom, RoomType.Office], Guidance = " " };
        var after = before with { BandMax = 27, LabelEn = "Office temperature", SourceNote = "baru", DefaultSeverity = Severity.High };

        Assert.Empty(same.FieldsChangedFrom(before));
        Assert.Equal([ItemField.LabelEn, ItemField.Band, ItemField.Severity, ItemField.Source], after.FieldsChangedFrom(before));
    }
}
