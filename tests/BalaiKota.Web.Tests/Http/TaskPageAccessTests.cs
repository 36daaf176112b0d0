using System.Net;
using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BalaiKota.Web.Tests.Http;

/// <summary>
/// The task page and the triage queue as the server renders them for each role, on an assigned task of the demo unit:
/// what each role is shown to do, and that a repair unit of another unit sees neither the task nor its finding.
/// </summary>
public sealed class TaskPageAccessTests(BalaiKotaWebFactory factory) : IClassFixture<BalaiKotaWebFactory>
{
    private const string OtherUnitEmail = "pelaksana.unit.lain@balaikota.test";

    private static readonly Dictionary<string, string> Emails = new()
    {
        [Roles.Administrator] = "admin@balaikota.test",
        [Roles.Inspector] = "peninjau@balaikota.test",
        [Roles.Secretariat] = "sekretariat@balaikota.test",
        [Roles.Leadership] = "pimpinan@balaikota.test",
        [Roles.RepairUnit] = "pelaksana@balaikota.test",
        ["OtherUnit"] = OtherUnitEmail,
    };

    /// <summary>Who sees the task, and which of the work, comment and triage controls the server renders for them.</summary>
    [Theory]
    [InlineData(Roles.RepairUnit, true, true, true)]
    [InlineData(Roles.Secretariat, true, false, true)]
    [InlineData(Roles.Administrator, true, false, true)]
    [InlineData(Roles.Inspector, true, false, true)]
    [InlineData(Roles.Leadership, true, false, false)]
    [InlineData("OtherUnit", false, false, false)]
    public async Task ShowsEachRoleTheTaskWithExactlyTheControlsItMayUse(string who, bool reads, bool works, bool comments)
    {
        var (taskId, description) = await AnAssignedTaskOfTheDemoUnitAsync();
        using var client = await Browserless.SignedInAsync(factory, Emails[who]);

        using var response = await client.GetAsync($"/follow-ups/{taskId}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Blazor and WebUtility encode characters such as "°" differently, so the description is looked for in the
        // decoded text rather than as one particular encoding of it.
        Assert.Equal(reads, WebUtility.HtmlDecode(html).Contains(description, StringComparison.Ordinal));
        Assert.Equal(!reads, html.Contains("data-testid=\"no-access\"", StringComparison.Ordinal));
        Assert.Equal(works, html.Contains("data-testid=\"task-start\"", StringComparison.Ordinal));
        Assert.Equal(comments, html.Contains("data-testid=\"task-comment-form\"", StringComparison.Ordinal));
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Secretariat, true)]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.Leadership, false)]
    [InlineData(Roles.Inspector, false)]
    [InlineData(Roles.RepairUnit, false)]
    public async Task RendersTheTriageQueueOnlyForTheSecretariatAndAdministrators(string who, bool triages)
    {
        using var client = await Browserless.SignedInAsync(factory, Emails[who]);

        var html = await client.GetStringAsync("/follow-ups?view=queue");

        Assert.Equal(triages, html.Contains("data-testid=\"triage-item\"", StringComparison.Ordinal));
        Assert.Equal(triages, html.Contains("data-testid=\"view-queue\"", StringComparison.Ordinal));
        Assert.Equal(!triages, html.Contains("data-testid=\"task-list\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SaysPlainlyThatATaskDoesNotExist()
    {
        using var client = await Browserless.SignedInAsync(factory, Emails[Roles.Secretariat]);

        var html = await client.GetStringAsync($"/follow-ups/{Guid.NewGuid()}");

        Assert.Contains("data-testid=\"error\"", html, StringComparison.Ordinal);
        Assert.Contains("Tugas tindak lanjut tidak ditemukan.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendsAnAnonymousVisitorToSignIn()
    {
        using var client = Browserless.Client(factory);

        using var response = await client.GetAsync($"/follow-ups/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private async Task<(Guid TaskId, string Description)> AnAssignedTaskOfTheDemoUnitAsync()
    {
        await OtherUnitMember.EnsureAsync(factory, OtherUnitEmail, Emails[Roles.RepairUnit]);
        await using var db = await Contexts().CreateDbContextAsync();
        var unitId = await db.Users.Where(u => u.Email == Emails[Roles.RepairUnit]).Select(u => u.ResponsibleUnitId!.Value).SingleAsync();
        return await (from t in db.FollowUpTasks
                      join f in db.Findings on t.FindingId equals f.Id
                      where t.ResponsibleUnitId == unitId && t.Status == FollowUpStatus.Assigned
                      orderby t.Id
                      select new ValueTuple<Guid, string>(t.Id, f.Description))
            .FirstAsync();
    }

    private IDbContextFactory<BalaiKotaDbContext> Contexts() => factory.Services.GetRequiredService<IDbContextFactory<BalaiKotaDbContext>>();
}
