using BalaiKota.Core.Features.Photos;
using BalaiKota.Core.Features.Visits;
using BalaiKota.Web.Features.Visits;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;

namespace BalaiKota.Web.Tests.Components;

/// <summary>The photos of an answer or finding: thumbnails, the large view, and what may be changed.</summary>
public class PhotoStripTests : ShellContext
{
    private static readonly PhotoRef First = new(Guid.NewGuid(), 1600, 1200);
    private static readonly PhotoRef Second = new(Guid.NewGuid(), 1200, 1600);

    public PhotoStripTests()
    {
        Services.AddInspectionsWithoutDatabase();
    }

    [Fact]
    public void ShowsEveryPhotoAsAThumbnailWithAWayToRemoveItAndToAddMore()
    {
        var strip = RenderStrip(canEdit: true, First, Second);

        Assert.Equal(
            [$"/photos/{First.Id}/thumb", $"/photos/{Second.Id}/thumb"],
            strip.FindAll("img[data-testid=photo-thumb]").Select(i => i.GetAttribute("src")));
        Assert.All(strip.FindAll("img[data-testid=photo-thumb]"), i => Assert.Equal("Foto temuan", i.GetAttribute("alt")));
        Assert.Equal(2, strip.FindAll("button[data-testid=photo-remove]").Count);
        Assert.Equal("Hapus foto", strip.Find("button[data-testid=photo-remove]").GetAttribute("aria-label"));
        var input = strip.Find("input[data-testid=photo-input]");
        Assert.Equal("image/*", input.GetAttribute("accept"));
        Assert.Equal("environment", input.GetAttribute("capture"));
        Assert.Equal(input.Id, strip.Find("label[for]").GetAttribute("for"));
    }

    [Fact]
    public void WithoutTheRightToEditShowsThePhotosOnly()
    {
        var strip = RenderStrip(canEdit: false, First, Second);

        Assert.Equal(2, strip.FindAll("img[data-testid=photo-thumb]").Count);
        Assert.Empty(strip.FindAll("[data-testid=photo-remove]"));
        Assert.Empty(strip.FindAll("[data-testid=photo-input]"));
    }

    [Fact]
    public void OpensAThumbnailAsTheLargePhoto()
    {
        var strip = RenderStrip(canEdit: false, First, Second);
        Assert.Empty(strip.FindAll("[data-testid=photo-large]"));

        strip.FindAll("button.photo-open")[1].Click();

        Assert.Equal($"/photos/{Second.Id}", strip.Find("img[data-testid=photo-large]").GetAttribute("src"));
    }

    [Fact]
    public void RefusesAFileOverTwentyMegabytesWithAMessageAndStoresNothing()
    {
        var strip = RenderStrip(canEdit: true, First);

        strip.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(new byte[PhotoProcessor.MaxUploadBytes + 1], "besar.jpg", contentType: "image/jpeg"));

        Assert.Equal("Foto lebih dari 20 MB; kirim foto yang lebih kecil.", strip.Find("[data-testid=photo-error]").TextContent.Trim());
        Assert.Single(strip.FindAll("img[data-testid=photo-thumb]"));
        Assert.Empty(strip.FindAll("[data-testid=photo-progress]"));
    }

    private IRenderedComponent<PhotoStrip> RenderStrip(bool canEdit, params PhotoRef[] photos) =>
        Render<PhotoStrip>(p => p
            .Add(s => s.VisitId, Guid.NewGuid())
            .Add(s => s.Target, new PhotoTarget(Guid.NewGuid(), null))
            .Add(s => s.Photos, photos)
            .Add(s => s.CanEdit, canEdit));
}
