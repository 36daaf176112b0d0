using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Reports;
using BalaiKota.Core.Features.Visits;
using BalaiKota.Reporting.Documents;
using BalaiKota.Web.Authorization;

namespace BalaiKota.Web.Features.Reports;

/// <summary>
/// The PDF reports. Signing in is required here; who may read which report is the services' decision, and a refusal
/// is a plain 403 with the reason rather than the sign-in page's redirect, so that a link opened in a new tab says why.
/// </summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/reports").RequireAuthorization();
        reports.MapGet("/visits/{id:guid}.pdf", async (Guid id, string? lang, bool? download, HttpContext http, VisitReportService service) =>
        {
            if (!TryLanguage(lang, out var language))
            {
                return BadLanguage();
            }

            return await PdfAsync(http, download, async () =>
            {
                var model = await service.BuildAsync(http.User.ToActor(), id, language, http.RequestAborted);
                return (VisitReportDocument.Render(model), $"laporan-peninjauan-{model.VisitDate:yyyy-MM-dd}.pdf");
            });
        });
        reports.MapGet("/monthly/{month}.pdf", async (string month, string? opd, string? lang, bool? download, HttpContext http, MonthlyReportService service) =>
        {
            if (!WibMonth.TryParse(month, out var period))
            {
                return Results.Text("Bulan laporan harus berbentuk tttt-bb, misalnya 2026-11.", statusCode: StatusCodes.Status400BadRequest);
            }

            Guid? opdId = null;
            if (!string.IsNullOrEmpty(opd))
            {
                if (!Guid.TryParse(opd, out var parsed))
                {
                    return Results.Text("OPD yang dipilih tidak dikenal.", statusCode: StatusCodes.Status400BadRequest);
                }

                opdId = parsed;
            }

            if (!TryLanguage(lang, out var language))
            {
                return BadLanguage();
            }

            return await PdfAsync(http, download, async () =>
            {
                var model = await service.BuildAsync(http.User.ToActor(), period, opdId, language, http.RequestAborted);
                var name = language == ReportLanguage.English ? "monthly-report" : "laporan-bulanan";
                return (MonthlyReportDocument.Render(model), $"{name}-{period}.pdf");
            });
        });
        return app;
    }

    private static IResult BadLanguage() =>
        Results.Text("Bahasa laporan harus id (Indonesia) atau en (English).", statusCode: StatusCodes.Status400BadRequest);

    private static bool TryLanguage(string? lang, out ReportLanguage language)
    {
        language = lang is "en" ? ReportLanguage.English : ReportLanguage.Indonesian;
        return lang is null or "" or "id" or "en";
    }

    /// <summary>Shown in the browser's own viewer unless a download was asked for; refusals keep their reason.</summary>
    private static async Task<IResult> PdfAsync(HttpContext http, bool? download, Func<Task<(byte[] Pdf, string FileName)>> render)
    {
        try
        {
            var (pdf, fileName) = await render();
            http.Response.Headers.CacheControl = "private, no-store";
            if (download == true)
            {
                return Results.File(pdf, "application/pdf", fileName);
            }

            http.Response.Headers.ContentDisposition = $"inline; filename=\"{fileName}\"";
            return Results.File(pdf, "application/pdf");
        }
        catch (DomainException ex) when (ex.Code == VisitAccess.DeniedCode)
        {
            return Results.Text(ex.Message, statusCode: StatusCodes.Status403Forbidden);
        }
        catch (DomainException ex) when (ex.Code is VisitReportService.NotFoundCode or MonthlyReportService.OpdNotFoundCode)
        {
            return Results.Text(ex.Message, statusCode: StatusCodes.Status404NotFound);
        }
        catch (DomainException ex) when (ex.Code == VisitReportService.NotSubmittedCode)
        {
            return Results.Text(ex.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }
}
