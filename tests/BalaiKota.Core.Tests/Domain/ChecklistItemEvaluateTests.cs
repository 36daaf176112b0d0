using System.Globalization;
using BalaiKota.Core.Domain;

namespace BalaiKota.Core.Tests.Domain;

public class ChecklistItemEvaluateTests
{
    private static ChecklistItem ItemOf(ChecklistItemDefinition definition)
    {
        var template = ChecklistTemplate.CreateDraft("t", "Templat uji");
        var category = template.AddCategory(InspectionArea.Heat, "Suhu", "Heat");
        return template.AddItem(category.Id, definition);
    }

    [Theory]
    [InlineData(23, AnswerOutcome.Ok)]
    [InlineData(24.5, AnswerOutcome.Ok)]
    [InlineData(26, AnswerOutcome.Ok)]
    [InlineData(22.9, AnswerOutcome.NotOk)]
    [InlineData(31, AnswerOutcome.NotOk)]
    public void JudgesAReadingAgainstTheBandInclusiveOfItsEnds(double reading, AnswerOutcome expected)
    {
        var item = ItemOf(Samples.Temperature());

        Assert.Equal(expected, item.Evaluate(AnswerInput.Reading((decimal)reading)));
    }

    [Theory]
    [InlineData(60.1)]
    [InlineData(-1)]
    [InlineData(310)]
    public void RefusesAReadingOutsideThePlausibilityLimitsAsATypingError(double reading)
    {
        var item = ItemOf(Samples.Temperature());

        var error = Assert.Throws<DomainException>(() => item.Evaluate(AnswerInput.Reading((decimal)reading)));

        Assert.Equal("answer.implausible", error.Code);
        Assert.Contains("0–60 °C", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JudgesAMaximumOnlyBand()
    {
        var item = ItemOf(Samples.Temperature(min: null, max: 26));

        Assert.Equal(AnswerOutcome.Ok, item.Evaluate(AnswerInput.Reading(5)));
        Assert.Equal(AnswerOutcome.NotOk, item.Evaluate(AnswerInput.Reading(26.01m)));
    }

    [Fact]
    public void AcceptsNotApplicableOnlyWhereTheItemAllowsIt()
    {
        var strict = ItemOf(Samples.PassFail("A"));
        var lenient = ItemOf(Samples.PassFail("B", allowNa: true));

        Assert.Equal("answer.naNotAllowed", Assert.Throws<DomainException>(() => strict.Evaluate(AnswerInput.NotApplicable())).Code);
        Assert.Equal(AnswerOutcome.NotApplicable, lenient.Evaluate(AnswerInput.NotApplicable()));
    }

    [Fact]
    public void JudgesPassFailAndRefusesAReadingForIt()
    {
        var item = ItemOf(Samples.PassFail());

        Assert.Equal(AnswerOutcome.Ok, item.Evaluate(AnswerInput.Pass()));
        Assert.Equal(AnswerOutcome.NotOk, item.Evaluate(AnswerInput.Fail()));
        Assert.Throws<DomainException>(() => item.Evaluate(AnswerInput.Reading(3)));
    }

    [Theory]
    [InlineData(0, AnswerOutcome.NotOk)]
    [InlineData(2, AnswerOutcome.NotOk)]
    [InlineData(3, AnswerOutcome.Ok)]
    [InlineData(5, AnswerOutcome.Ok)]
    public void JudgesARatingAgainstItsPassMark(int rating, AnswerOutcome expected)
    {
        var item = ItemOf(new ChecklistItemDefinition
        {
            Code = "COM-QUEUE", LabelId = "Sistem antrean", LabelEn = "Queue", AnswerType = AnswerType.Rating,
            RatingMin = 0, RatingMax = 5, RatingPassMin = 3, SourceCode = "Permenpan RB 17/2017",
        });

        Assert.Equal(expected, item.Evaluate(AnswerInput.Rating(rating)));
    }

    [Fact]
    public void RefusesARatingOffTheScale()
    {
        var item = ItemOf(new ChecklistItemDefinition
        {
            Code = "VEN-STUFFY", LabelId = "Tidak pengap", LabelEn = "Not stuffy", AnswerType = AnswerType.Rating,
            RatingMin = 1, RatingMax = 5, RatingPassMin = 3, SourceCode = "P",
        });

        Assert.Equal("answer.scale", Assert.Throws<DomainException>(() => item.Evaluate(AnswerInput.Rating(6))).Code);
        Assert.Equal("answer.scale", Assert.Throws<DomainException>(() => item.Evaluate(AnswerInput.Rating(0))).Code);
    }

    [Theory]
    [InlineData(40, 2, AnswerOutcome.NotOk)]
    [InlineData(40, 3, AnswerOutcome.Ok)]
    [InlineData(12, 1, AnswerOutcome.Ok)]
    public void JudgesClosetsAgainstTheMinimumForTheOpdHeadcount(int headcount, int closets, AnswerOutcome expected)
    {
        var item = ItemOf(new ChecklistItemDefinition
        {
            Code = "TOI-CLOSETS", LabelId = "Jumlah kloset", LabelEn = "Closets", AnswerType = AnswerType.Measurement,
            Unit = MeasurementUnit.Count, PlausibleMin = 0, PlausibleMax = 200, MinimumFromHeadcount = true, SourceCode = "Permenaker 5/2018",
        });

        Assert.Equal(expected, item.Evaluate(AnswerInput.Reading(closets), new EvaluationContext(headcount)));
    }

    [Fact]
    public void ShowsTheBandInIndonesianNumberFormat()
    {
        var item = ItemOf(Samples.Temperature(min: 0.15m, max: 0.25m) with { Unit = MeasurementUnit.MetersPerSecond, PlausibleMax = 10 });

        Assert.Equal("0,15–0,25 m/s", item.BandText(CultureInfo.GetCultureInfo("id-ID")));
        Assert.Equal("0.15–0.25 m/s", item.BandText(CultureInfo.GetCultureInfo("en-US")));
    }

    [Theory]
    [InlineData(null, null, "item.band")]
    [InlineData(30, 20, "item.bandOrder")]
    [InlineData(20, 70, "item.bandPlausible")]
    public void RefusesAnItemWhoseBandIsEmptyReversedOrImplausible(int? min, int? max, string code)
    {
        var error = Assert.Throws<DomainException>(() => ItemOf(Samples.Temperature(min, max)));

        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void RefusesAMeasurementWithoutAUnit()
    {
        Assert.Equal("item.unit", Assert.Throws<DomainException>(() => ItemOf(Samples.Temperature() with { Unit = null })).Code);
    }

    [Fact]
    public void AppliesOnlyToItsRoomTypes()
    {
        var item = ItemOf(Samples.Temperature());

        Assert.True(item.AppliesTo(RoomType.Office));
        Assert.False(item.AppliesTo(RoomType.Toilet));
        Assert.True(ItemOf(Samples.PassFail()).AppliesTo(RoomType.Toilet));
    }
}
