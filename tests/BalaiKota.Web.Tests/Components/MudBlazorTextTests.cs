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
    public void MudBlazorsOwnControlsSpeakEnglishWhenChosen()
    {
        UseCulture("en-US");

        var alert = Render<MudAlert>(p => p.Add(a => a.ShowCloseIcon, true).Add(a => a.ChildContent, "Saved"));

        Assert.Equal("Close", alert.Find("button").GetAttribute("aria-label"));
    }
}
