using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Dashboard;
using BalaiKota.Core.Features.Reports;
using BalaiKota.Web.Features.Dashboard;
using Bunit;
using BalaiKota.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace BalaiKota.Web.Tests.Components;

/// <summary>The dashboard's widgets on fixed figures: what they show, the words of a change, and where each number leads.</summary>
public class DashboardWidgetTests : ShellContext
{
    private static readonly Guid OpdId = Guid.Parse("0199a000-0000-7000-8000-000000000001");
    private static readonly Guid BuildingId = Guid.Parse("0199a000-0000-7000-8000-000000000002");
    private static readonly DashboardFilter Q4 = new(WibPeriod.Quarter(2026, 4), BuildingId: BuildingId);

    [Fact]
    public void AFigureCardLinksItsValueAndColoursItsChangeByWhetherItIsGoodNews()
    {
        var worse = FigureChange.Of(12, 9, BetterWhen.Lower, v => v.ToString("0", System.Globalization.CultureInfo.InvariantCulture), "Kuartal 3 2026", Texts());
        var card = Render<FigureCard>(p => p.Add(c => c.Label, "Temuan").Add(c => c.Value, "12").Add(c => c.Href, "/follow-ups?found=2026-Q4").Add(c => c.Change, worse));

        var value = card.Find("[data-testid=figure-value]");
        Assert.Equal(("12", "/follow-ups?found=2026-Q4"), (value.TextContent.Trim(), value.GetAttribute("href")));
        Assert.Equal("Naik 3 dibanding Kuartal 3 2026", card.Find("[data-testid=figure-change]").TextContent.Trim());
        Assert.Equal(Color.Error, worse.Color);
    }

    [Theory]
    [InlineData(80, 70, BetterWhen.Higher, "Naik 10 dibanding Q", Color.Success)]
    [InlineData(5, 9, BetterWhen.Lower, "Turun 4 dibanding Q", Color.Success)]
    [InlineData(9, 5, BetterWhen.Neither, "Naik 4 dibanding Q", Color.Default)]
    [InlineData(5, 5.2, BetterWhen.Lower, "Sama dengan Q", Color.Default)]
    public void AChangeSaysWhichWayAndHowFar(double now, double before, BetterWhen better, string text, Color color)
    {
        var change = FigureChange.Of(now, before, better, v => v.ToString("0", System.Globalization.CultureInfo.InvariantCulture), "Q", Texts());

        Assert.Equal((text, color), (change.Text, change.Color));
    }

    [Fact]
    public void AChangeWithoutAnEarlierFigureSaysSoInsteadOfCountingFromZero()
    {
        Assert.Equal("Belum ada pembanding", FigureChange.Of(4, null, BetterWhen.Lower, v => v.ToString(System.Globalization.CultureInfo.InvariantCulture), "Q", Texts()).Text);
    }

    [Fact]
    public void TheFindingsChartDrillsDownFromABarOrItsLinkToTheFindingsOfThatArea()
    {
        var chart = Render<FindingsByAreaChart>(p => p.Add(c => c.Filter, Q4).Add(c => c.Areas, [new AreaCount(InspectionArea.Heat, 4), new AreaCount(InspectionArea.Toilets, 2)]));

        Assert.Equal($"/follow-ups?building={BuildingId}&area=Toilets&found=2026-Q4", chart.Find("[data-testid=area-Toilets]").GetAttribute("href"));
        Assert.Equal("Toilet: 2", chart.Find("[data-testid=area-Toilets]").TextContent.Trim());

        var navigation = Services.GetRequiredService<NavigationManager>();
        chart.FindAll("path.mud-chart-bar")[1].Click();
        Assert.EndsWith($"/follow-ups?building={BuildingId}&area=Toilets&found=2026-Q4", navigation.Uri, StringComparison.Ordinal);

        // The first bar too: a chart that starts with its first series selected would see no change in that tap.
        chart.FindAll("path.mud-chart-bar")[0].Click();
        Assert.EndsWith($"/follow-ups?building={BuildingId}&area=Heat&found=2026-Q4", navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void TheFindingsChartSaysSoWhenThereAreNone()
    {
        var chart = Render<FindingsByAreaChart>(p => p.Add(c => c.Filter, Q4).Add(c => c.Areas, []));

        Assert.Equal("Tidak ada temuan pada periode ini.", chart.Find("[data-testid=chart-empty]").TextContent.Trim());
        Assert.Empty(chart.FindAll("path.mud-chart-bar"));
    }

    [Fact]
    public void TheRankingShowsTheTrendArrowAndLinksEachCountToItsList()
    {
        var rows = new[]
        {
            new DashboardOpdRow(1, OpdId, "Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", 2, 5, 0.64, 0.8, 4, 1),
            new DashboardOpdRow(2, Guid.NewGuid(), "Badan Perencanaan", "Bappelitbang", 1, 0, 1.0, null, 0, 0),
        };
        var ranking = Render<OpdRanking>(p => p.Add(c => c.Filter, Q4).Add(c => c.Rows, rows));

        var first = ranking.FindAll("[data-testid=ranking-row]")[0];
        var cells = first.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["1", "Disdukcapil", "64%", "Memburuk", "5", "4", "1"], cells);
        Assert.Equal("Worse", first.QuerySelector("[data-testid=ranking-trend]")!.GetAttribute("data-trend"));
        var links = first.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(
            [
                $"/dashboard?period=2026-Q4&opd={OpdId}&building={BuildingId}",
                $"/follow-ups?opd={OpdId}&building={BuildingId}&found=2026-Q4",
                $"/follow-ups?opd={OpdId}&building={BuildingId}&unclosed=true",
                $"/follow-ups?opd={OpdId}&building={BuildingId}&overdue=true",
            ],
            links);
        Assert.Equal("Belum ada pembanding", ranking.FindAll("[data-testid=ranking-trend]")[1].TextContent.Trim());
    }

    [Fact]
    public void TheHotSpotsListTheWorstRoomsPerKindAndSayWhenAKindHasNoReadings()
    {
        var spots = new[]
        {
            new HotSpot(HotSpotKind.Temperature, Guid.NewGuid(), new ReadingRow("Ruang Pelayanan Disdukcapil", "Disdukcapil", new DateOnly(2026, 10, 5), 31, "31 °C", "23–26 °C", AnswerOutcome.NotOk)),
            new HotSpot(HotSpotKind.Temperature, Guid.NewGuid(), new ReadingRow("Ruang Kepala Bappelitbang", "Bappelitbang", new DateOnly(2026, 11, 16), 25, "25 °C", "23–26 °C", AnswerOutcome.Ok)),
        };
        var repeat = new DashboardRepeat(Guid.NewGuid(), new RepeatFindingRow("Ruang Pelayanan Disdukcapil", "Disdukcapil", "Kebisingan ruang pelayanan", new DateOnly(2026, 10, 5), new DateOnly(2026, 11, 16), 2));
        var hot = Render<HotSpots>(p => p.Add(c => c.Filter, Q4).Add(c => c.Spots, spots).Add(c => c.Repeats, [repeat]));

        var temperatures = hot.Find("[data-testid=hot-Temperature]").QuerySelectorAll("li");
        Assert.Equal(2, temperatures.Length);
        Assert.Contains("31 °C", temperatures[0].TextContent, StringComparison.Ordinal);
        Assert.NotNull(temperatures[0].QuerySelector(".mud-error-text"));
        Assert.Null(temperatures[1].QuerySelector(".mud-error-text"));
        Assert.Equal($"/follow-ups?building={BuildingId}&q=Ruang%20Pelayanan%20Disdukcapil&found=2026-Q4", temperatures[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Tidak ada bacaan pada periode ini.", hot.Find("[data-testid=hot-Co2-empty]").TextContent.Trim());
        Assert.Contains("tidak sesuai 2 kunjungan berturut-turut, terakhir 16 Nov 2026", hot.Find("[data-testid=repeats]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void TheTrendTableLinksEachMonthsCountsToTheTasksOfThatMonth()
    {
        var trend = Enumerable.Range(1, 12).Select(m => new MonthTrendPoint(2026, m, m == 11 ? 3 : 0, m == 11 ? 0.78 : null, m == 11 ? 3 : 0, m == 10 ? 1 : 0)).ToList();
        var charts = Render<Features.Dashboard.TrendCharts>(p => p.Add(c => c.Filter, Q4).Add(c => c.Trend, trend));

        var rows = charts.FindAll("[data-testid=trend-row]");
        Assert.Equal(12, rows.Count);
        var november = rows[10].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["Nov 2026", "3", "78%", "3", "0"], november);
        Assert.Equal(
            [$"/follow-ups?building={BuildingId}&found=2026-11", $"/follow-ups?building={BuildingId}&opened=2026-11", $"/follow-ups?building={BuildingId}&closed=2026-11"],
            rows[10].QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal("–", rows[0].QuerySelectorAll("td")[2].TextContent.Trim());

        var navigation = Services.GetRequiredService<NavigationManager>();
        charts.Find("[data-testid=chart-tasks]").QuerySelectorAll("path.mud-chart-bar")[0].Click();
        Assert.EndsWith($"/follow-ups?building={BuildingId}&opened=2026-Q4", navigation.Uri, StringComparison.Ordinal);
        var bars = charts.Find("[data-testid=chart-tasks]").QuerySelectorAll("path.mud-chart-bar");
        bars[^1].Click();
        Assert.EndsWith($"/follow-ups?building={BuildingId}&closed=2026-Q4", navigation.Uri, StringComparison.Ordinal);
    }

    private IStringLocalizer<SharedResource> Texts() =>
        Services.GetRequiredService<IStringLocalizer<SharedResource>>();
}
