using System.Security.Claims;
using BalaiKota.Core.Data;
using BalaiKota.Core.Data.Seeding;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Visits;
using BalaiKota.Testing;
using BalaiKota.Web.Features.Visits;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Severity = BalaiKota.Core.Domain.Severity;

namespace BalaiKota.Web.Tests.Components;

/// <summary>
/// The summary before submitting, on a throw-away SQLite database with the default checklist and the sample OPDs:
/// one office of one OPD is visited by "peninjau" (09.00 WIB on 20 November 2026).
/// </summary>
public sealed class SummaryPageTests : ShellContext, IAsyncLifetime
{
    private const string SignatureModule = "./js/signature-pad.js";
    private static readonly TimeSpan Loading = TimeSpan.FromSeconds(10);
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    private static readonly Actor Inspector = new("peninjau", new HashSet<string> { Roles.Inspector });

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = default!;
    private VisitService _visits = default!;
    private InspectionService _inspections = default!;
    private Guid _visitId;
    private Guid _officeId;
    private string _officeName = string.Empty;
    private int _officeItems;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite, _clock);
        await using var db = _database.CreateDbContext();
        var template = DefaultChecklist.Build();
        template.Publish(_clock.GetUtcNow().UtcDateTime);
        db.ChecklistTemplates.Add(template);
        await SampleRegistry.EnsureAsync(db);
        TestUsers.Add(db, Roles.Inspector, "peninjau", "peninjau2");
        TestUsers.Add(db, Roles.Leadership, "pimpinan");

        await db.SaveChangesAsync();
        var office = await db.Rooms.Where(r => r.Type == RoomType.Office && r.IsActive).OrderBy(r => r.Name).FirstAsync();
        _officeId = office.Id;
        _officeName = office.Name;
        _officeItems = template.Items.Count(i => i.AppliesTo(RoomType.Office));

        var templates = new TemplateCache(_database);
        _visits = new VisitService(_database, templates, Options.Create(new DueDays()), _clock);
        _inspections = new InspectionService(_database, templates, _clock);
        Services.AddSingleton(_visits);
        Services.AddSingleton(_inspections);

        _visitId = await _visits.PlanAsync(Inspector, new PlanVisitRequest(
            office.OpdId, new DateOnly(2026, 11, 20), "peninjau", [], [new AccompanyingOfficial("Ibu Sekretaris", "Sekretaris Dinas")], [office.Id], StartNow: true));
    }

    [Fact]
    public async Task ListsTheNotOkAnswersWithTheirSeverityAndCountsTheUnansweredItems()
    {
        await AnswerAsync("HEAT-WORK", AnswerInput.Reading(31), note: "AC mati");
        await AnswerAsync("SAF-APAR", AnswerInput.Fail(), severity: Severity.Critical);
        await AnswerAsync("VEN-MOULD", AnswerInput.Pass());
        SignIn("peninjau", Roles.Inspector);

        var page = RenderSummary();

        page.WaitForElement("[data-testid=summary-notok]", Loading);
        var rows = page.FindAll("[data-testid=summary-notok] tbody tr")
            .Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(c => c.TextContent.Trim())))
            .ToList();
        Assert.Equal(
            [
                $"{_officeName} | Suhu | Suhu ruang kerja: 31 °C — AC mati | Tinggi",
                $"{_officeName} | Keselamatan | APAR terjangkau dan belum kedaluwarsa | Kritis",
            ],
            rows);
        Assert.Equal("Tidak OK dan temuan (2)", page.Find("h2").TextContent.Trim());
        Assert.Equal($"Belum dijawab ({_officeItems - 3})", page.Find("[data-testid=summary-unanswered-count]").TextContent.Trim());
    }

    [Fact]
    public async Task SubmittingWithUnansweredItemsAsksForConfirmationAndSubmitsNothingYet()
    {
        await AnswerAsync("SAF-APAR", AnswerInput.Pass());
        SignIn("peninjau", Roles.Inspector);
        var page = RenderSummary();
        page.WaitForElement("[data-testid=submit]", Loading);
        Assert.Empty(page.FindAll("[data-testid=confirm-unanswered]"));

        await page.Find("button[data-testid=submit]").ClickAsync(new());

        Assert.Contains($"Masih ada {_officeItems - 1} butir yang belum dijawab.", page.Find("[data-testid=confirm-unanswered]").TextContent, StringComparison.Ordinal);
        Assert.Equal(VisitStatus.InProgress, await StatusAsync());
    }

    [Fact]
    public async Task ARefusedSubmitIsExplainedAndTheVisitStaysInProgress()
    {
        SignIn("peninjau", Roles.Inspector);
        var navigation = Services.GetRequiredService<NavigationManager>();
        var page = RenderSummary();
        page.WaitForElement("[data-testid=submit]", Loading);
        await page.Find("button[data-testid=submit]").ClickAsync(new());

        await page.Find("button[data-testid=submit-confirm]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("Tanda tangan ketua tim peninjau belum ada.", page.Find("[data-testid=error]").TextContent.Trim()), Loading);
        Assert.Equal(VisitStatus.InProgress, await StatusAsync());
        Assert.Equal("http://localhost/", navigation.Uri);
    }

    [Fact]
    public async Task SignsWithTheDrawnPadsThenSubmitsAndLeadsBackToTheVisit()
    {
        await AnswerAsync("HEAT-WORK", AnswerInput.Reading(31));
        JSInterop.SetupModule(SignatureModule).Setup<string>("toPngBase64", _ => true).SetResult(Convert.ToBase64String(Png));
        SignIn("peninjau", Roles.Inspector);
        var navigation = Services.GetRequiredService<NavigationManager>();
        var page = RenderSummary();
        page.WaitForElement("[data-testid=sign-save]", Loading);
        Assert.DoesNotContain("✓", page.Markup, StringComparison.Ordinal);

        await page.Find("button[data-testid=sign-save]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".mud-typography-subtitle1").Count(t => t.TextContent.Contains("✓ ditandatangani 09.00", StringComparison.Ordinal))), Loading);
        await using (var db = _database.CreateDbContext())
        {
            Assert.Equal(
                ["LeadInspector: Nama peninjau (Ketua Tim Peninjau)", "OpdRepresentative: Ibu Sekretaris (Sekretaris Dinas)"],
                (await db.VisitSignatures.Where(s => s.VisitId == _visitId).ToListAsync()).OrderBy(s => s.Signer).Select(s => $"{s.Signer}: {s.Name} ({s.Position})"));
        }

        await page.Find("button[data-testid=submit]").ClickAsync(new());
        await page.Find("button[data-testid=submit-confirm]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal($"http://localhost/visits/{_visitId}", navigation.Uri), Loading);
        Assert.Equal(VisitStatus.Submitted, await StatusAsync());
    }

    [Fact]
    public async Task SigningWithEmptyPadsAsksForASignatureAndStoresNone()
    {
        JSInterop.SetupModule(SignatureModule).Setup<string>("toPngBase64", _ => true).SetResult(string.Empty);
        SignIn("peninjau", Roles.Inspector);
        var page = RenderSummary();
        page.WaitForElement("[data-testid=sign-save]", Loading);

        await page.Find("button[data-testid=sign-save]").ClickAsync(new());

        Assert.Equal("Bubuhkan tanda tangan dengan jari pada kotak tanda tangan.", page.Find("[data-testid=error]").TextContent.Trim());
        await using var db = _database.CreateDbContext();
        Assert.Equal(0, await db.VisitSignatures.CountAsync());
    }

    [Fact]
    public async Task LeadershipReadsTheSummaryButNeitherSignsNorSubmits()
    {
        await AnswerAsync("HEAT-WORK", AnswerInput.Reading(31));
        SignIn("pimpinan", Roles.Leadership);

        var page = RenderSummary();

        page.WaitForElement("[data-testid=summary-notok]", Loading);
        Assert.Empty(page.FindAll("[data-testid=sign-save]"));
        Assert.Empty(page.FindAll("[data-testid=submit]"));
    }

    [Fact]
    public void AnInspectorOutsideTheTeamIsToldTheyMayNotOpenTheVisit()
    {
        SignIn("peninjau2", Roles.Inspector);

        var page = RenderSummary();

        page.WaitForAssertion(() => Assert.Equal("Anda tidak berhak membuka kunjungan ini.", page.Find("[data-testid=error]").TextContent.Trim()), Loading);
        Assert.Empty(page.FindAll("h1"));
    }

    [Fact]
    public void AVisitThatDoesNotExistIsReportedAsNotFound()
    {
        SignIn("peninjau", Roles.Inspector);

        var page = Render<SummaryPage>(p => p.Add(s => s.VisitId, Guid.NewGuid()));

        page.WaitForAssertion(() => Assert.Equal("Kunjungan tidak ditemukan.", page.Find("[data-testid=error]").TextContent.Trim()), Loading);
        Assert.Empty(page.FindAll("h1"));
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _database.DisposeAsync();
    }

    private void SignIn(string userId, string role)
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized($"{userId}@balaikota.test");
        authorization.SetRoles(role);
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
    }

    private IRenderedComponent<SummaryPage> RenderSummary() => Render<SummaryPage>(p => p.Add(s => s.VisitId, _visitId));

    private async Task AnswerAsync(string code, AnswerInput input, string? note = null, Severity? severity = null)
    {
        await using var db = _database.CreateDbContext();
        var itemId = await db.ChecklistItems.Where(i => i.Code == code).Select(i => i.Id).SingleAsync();
        var saved = await _inspections.SaveAnswerAsync(Inspector, new SaveAnswerRequest(_visitId, _officeId, itemId, input, note, severity, 0));
        Assert.False(saved.IsConflict);
    }

    private async Task<VisitStatus> StatusAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.Visits.Where(v => v.Id == _visitId).Select(v => v.Status).SingleAsync();
    }
}
