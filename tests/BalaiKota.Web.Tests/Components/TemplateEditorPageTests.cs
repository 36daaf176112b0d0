using System.Security.Claims;
using BalaiKota.Core.Data;
using BalaiKota.Core.Data.Seeding;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Templates;
using BalaiKota.Testing;
using BalaiKota.Web.Features.Admin.Templates;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;

namespace BalaiKota.Web.Tests.Components;

/// <summary>
/// The draft editor on /admin/templates/{id}, on the real template service and a throw-away SQLite database holding the
/// default checklist (version 1, HEAT-WORK 23–26 °C within plausible 0–60 °C) and its draft version 2.
/// </summary>
public sealed class TemplateEditorPageTests : ShellContext, IAsyncLifetime
{
    private static readonly TimeSpan Loading = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));
    private readonly Actor _admin = new("admin", new HashSet<string> { Roles.Administrator });
    private TestDatabase _database = default!;
    private TemplateAdminService _service = default!;
    private IRenderedComponent<MudDialogProvider> _dialogs = default!;
    private Guid _draft;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite, _clock);
        await using (var db = _database.CreateDbContext())
        {
            var template = DefaultChecklist.Build();
            template.Publish(_clock.GetUtcNow().UtcDateTime);
            db.ChecklistTemplates.Add(template);
            TestUsers.Add(db, Roles.Administrator, "admin");
            await db.SaveChangesAsync();
        }

        _service = new TemplateAdminService(_database, _clock);
        Services.AddSingleton(_service);
        Services.AddSingleton<TimeProvider>(_clock);
        _draft = await _service.CreateDraftAsync(_admin, DefaultChecklist.Code);
    }

    [Fact]
    public async Task ABandOutsideThePlausibleLimitsIsNamedUnderTheBandAndCannotBeSaved()
    {
        var page = Open();
        page.WaitForElement("[data-testid=item-edit-HEAT-WORK]", Loading).Click();

        _dialogs.WaitForElement("input[data-testid=item-band-max]", Loading).Input("70");

        _dialogs.WaitForAssertion(() => Assert.Equal("Rentang standar berada di luar batas wajar pengukuran.", _dialogs.Find("[data-testid=item-problem-Band]").TextContent.Trim()), Loading);
        Assert.True(_dialogs.Find("button[data-testid=item-save]").HasAttribute("disabled"));
        Assert.Equal(26m, (await WorkAsync()).BandMax);
    }

    [Fact]
    public async Task SavingAChangedBandStoresItAndTheDiffShowsTheOldAndNewBand()
    {
        var page = Open();
        page.WaitForElement("[data-testid=item-edit-HEAT-WORK]", Loading).Click();
        _dialogs.WaitForElement("input[data-testid=item-band-min]", Loading).Input("20");
        _dialogs.Find("input[data-testid=item-band-max]").Input("22");

        await _dialogs.Find("button[data-testid=item-save]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("20–22 °C", page.Find("[data-testid=item-band-HEAT-WORK]").TextContent.Trim()), Loading);
        var work = await WorkAsync();
        Assert.Equal((20m, 22m), (work.BandMin!.Value, work.BandMax!.Value));
        var row = page.Find("[data-testid=diff-panel] [data-testid=diff-field-HEAT-WORK-Band]");
        Assert.Equal(("Rentang standar", "23–26 °C", "20–22 °C"), (row.Children[0].TextContent, row.Children[1].TextContent, row.Children[2].TextContent));
        Assert.Empty(_dialogs.FindAll("[data-testid=item-editor]"));
    }

    [Fact]
    public async Task ARefusedPublishListsEveryProblemAndTheDraftStaysADraft()
    {
        await _service.AddCategoryAsync(_admin, _draft, InspectionArea.Safety, "Listrik", "Electrical");
        await _service.AddCategoryAsync(_admin, _draft, InspectionArea.Safety, "Gas", "Gas");
        var page = Open();

        page.WaitForElement("button[data-testid=publish]", Loading).Click();

        page.WaitForAssertion(() => Assert.Equal(
            ["Listrik: Kategori \"Listrik\" belum berisi butir.", "Gas: Kategori \"Gas\" belum berisi butir."],
            page.FindAll("[data-testid=publish-problem]").Select(p => p.TextContent.Trim())), Loading);
        Assert.Equal("Draf", page.Find("[data-testid=version-status]").TextContent.Trim());
        Assert.Equal(TemplateStatus.Draft, (await _service.GetAsync(_admin, _draft)).Status);
    }

    [Fact]
    public async Task PublishingAGoodDraftShowsItPublishedAndReadOnly()
    {
        var page = Open();
        page.WaitForElement("[data-testid=diff-empty]", Loading);

        page.Find("button[data-testid=publish]").Click();

        page.WaitForElement("[data-testid=publish-done]", Loading);
        Assert.Equal("Terbit", page.Find("[data-testid=version-status]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid^=item-edit-]"));
        Assert.Empty(page.FindAll("[data-testid=diff-panel]"));
        Assert.Equal([TemplateStatus.Published, TemplateStatus.Retired], (await _service.ListAsync(_admin))[0].Versions.Select(v => v.Status));
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _database.DisposeAsync();
    }

    private async Task<ChecklistItemDefinition> WorkAsync() =>
        (await _service.GetAsync(_admin, _draft)).Items.Single(i => i.Definition.Code == "HEAT-WORK").Definition;

    private IRenderedComponent<TemplateEditorPage> Open()
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized("admin@balaikota.test");
        authorization.SetRoles(Roles.Administrator);
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, "admin"));
        Render<MudPopoverProvider>();
        _dialogs = Render<MudDialogProvider>();
        return Render<TemplateEditorPage>(p => p.Add(x => x.Id, _draft));
    }
}
