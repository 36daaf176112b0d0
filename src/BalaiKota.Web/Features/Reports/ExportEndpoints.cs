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
/// then the service's own check), 400 for a malformed month or OPD id, 404 for an OPD that does not exist, asked only
/// after access is settled.
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
            return Refused(VisitAccess.Denied("mengekspor data bulanan").Message);
        }

        if (!WibMonth.TryParse(month, out var wibMonth))
        {
            return Results.Text("Bulan tidak dikenali: tulis tahun dan bulan sebagai yyyy-MM, misalnya 2026-11.", statusCode: StatusCodes.Status400BadRequest);
        }

        Guid? opdId = null;
        if (!string.IsNullOrWhiteSpace(opd))
        {
            if (!Guid.TryParse(opd, out var id))
            {
                return Results.Text("Kode OPD tidak dikenali. Pilih OPD dari daftar, lalu ekspor lagi.", statusCode: StatusCodes.Status400BadRequest);
            }

            opdId = id;
        }

        return await FileAsync(() => export(http.User.ToActor(), wibMonth, opdId, chosen, Language(lang), http.RequestAborted));
    }

    /// <summary>The follow-ups list's own address parameters, read as the page reads them; the page number is left out, the export has every row.</summary>
    private static async Task<IResult> ListAsync(string format, string? lang, HttpContext http, FollowUpService followUps, ExportService exports)
    {
        if (Format(format) is not { } chosen)
        {
            return Results.NotFound();
        }

        var actor = http.User.ToActor();
        return await FileAsync(async () =>
        {
            var options = await followUps.GetOptionsAsync(actor, http.RequestAborted);
            var query = http.Request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString(), StringComparer.Ordinal);
            var filter = FollowUpFilterQuery.Read(query, options, mayTriage: false).Filter;
            return await exports.TasksOfListAsync(actor, filter, chosen, Language(lang), http.RequestAborted);
        });
    }

    private static async Task<IResult> FileAsync(Func<Task<ExportFile>> export)
    {
        try
        {
            var file = await export();
            return Results.File(file.Content, file.ContentType, file.FileName);
        }
        catch (DomainException refused) when (refused.Code == VisitAccess.DeniedCode)
        {
            return Refused(refused.Message);
        }
        catch (DomainException missing) when (missing.Code == ExportService.OpdNotFoundCode)
        {
            return Results.Text(missing.Message, statusCode: StatusCodes.Status404NotFound);
        }
    }

    private static IResult Refused(string message) => Results.Text(message, statusCode: StatusCodes.Status403Forbidden);

    private static ExportFormat? Format(string format) => format switch
    {
        "csv" => ExportFormat.Csv,
        "xlsx" => ExportFormat.Xlsx,
        _ => null,
    };

    private static ReportLanguage Language(string? lang) =>
        string.Equals(lang, "en", StringComparison.OrdinalIgnoreCase) ? ReportLanguage.English : ReportLanguage.Indonesian;
}
