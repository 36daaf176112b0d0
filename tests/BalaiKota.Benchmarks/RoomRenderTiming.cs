using System.Diagnostics;
using System.Globalization;
using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.FollowUps;
using BalaiKota.Core.Features.Visits;
using BalaiKota.Testing;
using BalaiKota.Web.Features.Visits;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BalaiKota.Benchmarks;

/// <summary>
/// The server's cost of a room page: the room with the most checklist items (its type decides which items apply) in a
/// visit in progress, every item answered, on a year of generated history (so most items show the previous visit's
/// answer). Timed three ways: <see cref="InspectionService.GetRoomAsync"/> alone; the room page (RoomPage.razor)
/// rendered to HTML with <see cref="HtmlRenderer"/>, its data load included, as a prerender does it but without the
/// layout around it; and the answer controls alone rendered from a sheet loaded once, also with all 40 items of the
/// template in one sheet, as no room type has them all.
/// </summary>
internal static class RoomRenderTiming
{
    // At least this many calls and this long: the JIT recompiles a method after 30 calls, in the background, and waits
    // while new methods are still being compiled; a shorter warm-up left the first figures of a process inflated.
    private const int WarmUpCalls = 50;
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(string[] args)
    {
        var calls = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        var months = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 12;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("id-ID");
        Console.WriteLine($"Machine: {Timing.Machine}");
        var providers = TestEnvironment.PostgresConnectionString is null ? new[] { DatabaseProvider.Sqlite } : [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];
        foreach (var provider in providers)
        {
            await using var scenario = await InspectionScenario.CreateAsync(provider, inspectors: 1, months);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{provider}: set-up {scenario.SetUpTime.TotalSeconds:0.0} s (history of {months} months: {scenario.History})"));
            var inspector = scenario.Inspectors[0];
            var (visitId, room) = await PrepareRoomAsync(scenario, inspector);
            await using var services = RenderServices(scenario, inspector, visitId, room.RoomId);
            var actor = InspectionScenario.Actor(inspector);

            RoomSheet? sheet = null;
            var load = await TimeAsync(calls, async () =>
            {
                await using var scope = services.CreateAsyncScope();
                sheet = await scope.ServiceProvider.GetRequiredService<InspectionService>().GetRoomAsync(actor, visitId, room.RoomId);
            });
            var items = sheet!.Categories.SelectMany(c => c.Items).ToList();
            Console.WriteLine(
                $"{provider}: room \"{sheet.RoomName}\" ({sheet.RoomType}): {sheet.Applicable} items in {sheet.Categories.Count} categories, {sheet.Answered} answered "
                + $"({items.Count(i => i.Answer?.Outcome == AnswerOutcome.NotOk)} not OK), {items.Count(i => i.Previous is not null)} with the previous visit's answer");
            Report(provider, "GetRoomAsync", load, calls);

            var pageHtml = 0;
            var page = await TimeAsync(calls, async () =>
            {
                var html = await StaticPageRender.RenderAsync<RoomPage>(services, new Dictionary<string, object?> { [nameof(RoomPage.VisitId)] = visitId, [nameof(RoomPage.RoomId)] = room.RoomId });
                pageHtml = html.Length;
            });
            Report(provider, $"RoomPage to HTML, GetRoomAsync included ({pageHtml / 1024.0:0} KiB of HTML, {items.Count} AnswerControls)", page, calls);

            var controlsHtml = 0;
            var controls = await TimeAsync(calls, async () =>
            {
                var html = await StaticPageRender.RenderAsync<AnswerControlList>(services, new Dictionary<string, object?> { [nameof(AnswerControlList.Sheet)] = sheet });
                controlsHtml = html.Length;
            });
            Report(provider, $"{items.Count} AnswerControls to HTML, no data access ({controlsHtml / 1024.0:0} KiB of HTML)", controls, calls);

            // No room type has all 40 items of the default checklist; this sheet adds the other items, answered OK.
            var full = WithEveryItem(sheet, await scenario.Host.Services.GetRequiredService<TemplateCache>().GetAsync(await TemplateIdAsync(scenario)));
            var fullCount = full.Categories.Sum(c => c.Items.Count);
            var fullControls = await TimeAsync(calls, async () =>
            {
                var html = await StaticPageRender.RenderAsync<AnswerControlList>(services, new Dictionary<string, object?> { [nameof(AnswerControlList.Sheet)] = full });
                controlsHtml = html.Length;
            });
            Report(provider, $"{fullCount} AnswerControls (every item of the template) to HTML, no data access ({controlsHtml / 1024.0:0} KiB of HTML)", fullControls, calls);
            Console.WriteLine($"{provider}: JavaScript calls attempted while rendering: {services.GetRequiredService<StaticJsRuntime>().Calls} (a static render makes none)");
        }

        return 0;
    }

    /// <summary>
    /// Picks the room type to which the most checklist items apply and an OPD that has such a room, starts a visit of it
    /// and answers every applicable item of that room through the service, about one in five not OK with a note.
    /// </summary>
    private static async Task<(Guid VisitId, RoomPlan Room)> PrepareRoomAsync(InspectionScenario scenario, string inspector)
    {
        await using var db = await scenario.CreateDbContextAsync();
        var template = await scenario.Host.Services.GetRequiredService<TemplateCache>().GetAsync(await TemplateIdAsync(scenario));
        var perType = Enum.GetValues<RoomType>().Select(t => (Type: t, Items: template.Items.Count(i => i.AppliesTo(t)))).OrderByDescending(t => t.Items).ToList();
        Console.WriteLine($"Items per room type ({template.Items.Count()} in the template): {string.Join(", ", perType.Select(t => $"{t.Type} {t.Items}"))}");
        var type = perType[0].Type;
        var opdId = await db.Opds.OrderBy(o => o.Name).Where(o => db.Rooms.Any(r => r.OpdId == o.Id && r.IsActive && r.Type == type)).Select(o => o.Id).FirstAsync();

        var visitId = await scenario.StartVisitAsync(inspector, opdId);
        var room = (await scenario.RoomsOfAsync(visitId)).First(r => r.Type == type);
        await using var scope = scenario.Host.Services.CreateAsyncScope();
        var inspections = scope.ServiceProvider.GetRequiredService<InspectionService>();
        var random = new Random(20_261_127);
        foreach (var item in room.Items)
        {
            var input = InspectionScenario.RandomInput(item, random);
            var note = input.Kind == AnswerInputKind.Fail || random.NextDouble() < 0.2 ? "Perlu diperbaiki: catatan peninjau sepanjang satu kalimat." : null;
            await inspections.SaveAnswerAsync(InspectionScenario.Actor(inspector), new SaveAnswerRequest(visitId, room.RoomId, item.Id, input, note, null, 0));
        }

        return (visitId, room);
    }

    private static async Task<Guid> TemplateIdAsync(InspectionScenario scenario)
    {
        await using var db = await scenario.CreateDbContextAsync();
        return await db.ChecklistTemplates.Where(t => t.Status == TemplateStatus.Published).Select(t => t.Id).SingleAsync();
    }

    /// <summary>The sheet with every item of the template: the room's own entries, and the others answered OK without a previous answer.</summary>
    private static RoomSheet WithEveryItem(RoomSheet sheet, ChecklistTemplate template)
    {
        var own = sheet.Categories.SelectMany(c => c.Items).ToDictionary(i => i.Item.Id);
        var answer = own.Values.First(i => i.Answer is not null).Answer!;
        var categories = template.Categories.OrderBy(c => c.SortOrder).Select(c => new CategorySheet(
            c.Area,
            c.NameId,
            c.NameEn,
            c.Items.OrderBy(i => i.SortOrder).Select(i => own.GetValueOrDefault(i.Id) ?? new ItemSheet(i, answer with { Id = Guid.NewGuid(), Outcome = AnswerOutcome.Ok, Passed = i.AnswerType == AnswerType.PassFail ? true : null, Value = OkValue(i), IsNotApplicable = false, Note = null, Severity = null }, null, [])).ToList())).ToList();
        return sheet with { Categories = categories };
    }

    private static decimal? OkValue(ChecklistItem item) => item.AnswerType switch
    {
        AnswerType.Rating => item.RatingMax,
        AnswerType.Measurement => item.BandMin ?? item.BandMax ?? item.PlausibleMax,
        _ => null,
    };

    /// <summary>
    /// What the room page needs: the Core services of the scenario, MudBlazor, the app's texts, a signed-in inspector,
    /// a navigation manager at the room's address, and a JavaScript runtime that a static render never calls.
    /// </summary>
    private static ServiceProvider RenderServices(InspectionScenario scenario, string inspector, Guid visitId, Guid roomId)
    {
        var services = StaticPageRender.Services(scenario, $"/visits/{visitId}/rooms/{roomId}", inspector, Roles.Inspector);
        services.AddSingleton(scenario.Host.Services.GetRequiredService<TemplateCache>());
        services.AddScoped<InspectionService>();

        // The room's open tasks, shown under its checklist.
        services.AddOptions<DueDays>();
        services.AddScoped<FollowUpService>();
        return services.BuildServiceProvider(validateScopes: true);
    }

    private static async Task<List<double>> TimeAsync(int calls, Func<Task> call)
    {
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; i < WarmUpCalls || warmUp.Elapsed < WarmUpTime; i++)
        {
            await call();
        }

        var milliseconds = new List<double>();
        for (var i = 0; i < calls; i++)
        {
            var watch = Stopwatch.StartNew();
            await call();
            milliseconds.Add(watch.Elapsed.TotalMilliseconds);
        }

        return milliseconds;
    }

    private static void Report(DatabaseProvider provider, string what, List<double> ms, int calls) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{provider}, {what}: median {Timing.Median(ms):0.0} ms, p95 {Timing.Percentile(ms, 95):0.0} ms, p99 {Timing.Percentile(ms, 99):0.0} ms, max {ms.Max():0.0} ms over {calls} calls after at least {WarmUpCalls} warm-up calls and {WarmUpTime.TotalSeconds:0} s"));
}

/// <summary>The answer controls of a room sheet, as the room page lays them out but without the page around them.</summary>
public sealed class AnswerControlList : ComponentBase
{
    [Parameter, EditorRequired]
    public RoomSheet Sheet { get; set; } = default!;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var entry in Sheet.Categories.SelectMany(c => c.Items))
        {
            builder.OpenComponent<AnswerControl>(0);
            builder.SetKey(entry.Item.Id);
            builder.AddComponentParameter(1, nameof(AnswerControl.Entry), entry);
            builder.AddComponentParameter(2, nameof(AnswerControl.Context), Sheet.Context);
            builder.AddComponentParameter(3, nameof(AnswerControl.CanEdit), Sheet.CanEdit);
            builder.AddComponentParameter(4, nameof(AnswerControl.VisitId), Sheet.VisitId);
            builder.AddComponentParameter(5, nameof(AnswerControl.Save), (Func<AnswerDraft, Task<SaveAnswerResult>>)(_ => throw new InvalidOperationException("Nothing is saved in a render timing.")));
            builder.CloseComponent();
        }
    }
}
