using BalaiKota.Web.Localization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace BalaiKota.Web.Tests.Components;

public class MudBlazorTextTests : ShellContext
{
    public MudBlazorTextTests()
    {
        Services.AddTransient<MudLocalizer, IndonesianMudLocalizer>();
    }

    [Fact]
    public void MudBlazorsOwnControlsSpeakIndonesian()
    {
        var alert = Render<MudAlert>(p => p.Add(a => a.ShowCloseIcon, true).Add(a => a.ChildContent, "Tersimpan"));

        Assert.Equal("Tutup", alert.Find("button").GetAttribute("aria-label"));
    }

    [Fact]
    public void TheTablePagerSaysInIndonesianWhichRowsItShowsOfHowMany()
    {
        Render<MudPopoverProvider>();

        var table = Render<MudTable<int>>(p => p
            .Add(t => t.Items, Enumerable.Range(1, 40).ToList())
            .Add(t => t.RowTemplate, (int row) => builder => builder.AddContent(0, row))
            .Add(t => t.PagerContent, builder =>
            {
                builder.OpenComponent<MudTablePager>(0);
                builder.CloseComponent();
            }));

        var captions = table.FindAll(".mud-table-pagination-caption").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["Baris per halaman:", "1–10 dari 40"], captions);
        Assert.Equal("Halaman berikutnya", table.FindAll(".mud-table-pagination-actions button")[2].GetAttribute("aria-label"));
    }

    [Fact]
    public void MudBlazorsOwnControlsSpeakEnglishWhenChosen()
    {
        UseCulture("en-US");

        var alert = Render<MudAlert>(p => p.Add(a => a.ShowCloseIcon, true).Add(a => a.ChildContent, "Saved"));

        Assert.Equal("Close", alert.Find("button").GetAttribute("aria-label"));
    }
}
