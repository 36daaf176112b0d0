using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Exports;
using BalaiKota.Core.Features.FollowUps;
using BalaiKota.Core.Features.Reports;
using BalaiKota.Core.Features.Visits;
using BalaiKota.Web.Authorization;
using BalaiKota.Web.Features.FollowUps;
using Microsoft.AspNetCore.Authorization;

namespace BalaiKota.Web.Features.Reports;

/// <summary>
/// CSV and XLSX exports leave the app only here. A file link answers in plain words and status codes, not with an
/// HTML page: 403 when the caller may not (the page's policy, checked here so it is a 403 rather than a redirect, and
/// then the service's own check), and otherwise as <see cref="ReportAddress"/> reads and answers a report address.
/// </summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app)
    {
        var exports = app.MapGroup("/exports").RequireAuthorization();
        exports.MapGet("/findings/{month}.{format}", (string month, string format, string? opd, string? lang, HttpContext http, ExportService service) =>
            MonthAsync(month, format, opd, lang, http, (actor, m, opdId, f, l, ct) => service.FindingsOfMonthAsync(actor, m, opdId, f, l, ct)));
        exports.MapGet("/tasks/{month}.{format}", (string month, string format, string? opd, string? lang, HttpContext http, ExportService service) =>
            MonthAsync(month, format, opd, lang, http, (actor, m, opdId, f, l, ct) => service.TasksOfMonthAsync(actor, m, opdId, f, l, ct)));
        exports.MapGet("/follow-ups.{format}", ListAsync);
        return app;
    }

    private delegate Task<ExportFile> MonthExport(Actor actor, WibMonth month, Guid? opdId, ExportFormat format, ReportLanguage language, CancellationToken ct);

    private static async Task<IResult> MonthAsync(string month, string format, string? opd, string? lang, HttpContext http, MonthExport export)
    {
        if (Format(format) is not { } chosen)
        {
            return Results.NotFound();
        }

        var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
        if (!(await authorization.AuthorizeAsync(http.User, PageAccess.Reports)).Succeeded)
        {
            return ReportAddress.Refusal(VisitAccess.Denied("mengekspor data bulanan"))!;
        }

        return ReportAddress.Read(month, opd, lang, out var problem) is not { } query
            ? problem!
            : await FileAsync(() => export(http.User.ToActor(), query.Month, query.OpdId, chosen, query.Language, http.RequestAborted));
    }

    /// <summary>The follow-ups list's own address parameters, read as the page reads them; the page number is left out, the export has every row.</summary>
    private static async Task<IResult> ListAsync(string format, string? lang, HttpContext http, FollowUpService followUps, ExportService exports)
    {
        if (Format(format) is not { } chosen)
        {
            return Results.NotFound();
        }

        if (!ReportAddress.TryLanguage(lang, out var language, out var problem))
        {
            return problem!;
        }

        var actor = http.User.ToActor();
        return await FileAsync(async () =>
        {
            var options = await followUps.GetOptionsAsync(actor, http.RequestAborted);
            var query = http.Request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString(), StringComparer.Ordinal);
            var filter = FollowUpFilterQuery.Read(query, options, mayTriage: false).Filter;
            return await exports.TasksOfListAsync(actor, filter, chosen, language, http.RequestAborted);
        });
    }

    private static async Task<IResult> FileAsync(Func<Task<ExportFile>> export)
    {
        try
        {
            var file = await export();
            return Results.File(file.Content, file.ContentType, file.FileName);
        }
        catch (DomainException refused) when (ReportAddress.Refusal(refused) is { } answer)
        {
            return answer;
        }
    }

    private static ExportFormat? Format(string format) => format switch
    {
        "csv" => ExportFormat.Csv,
        "xlsx" => ExportFormat.Xlsx,
        _ => null,
    };
}
