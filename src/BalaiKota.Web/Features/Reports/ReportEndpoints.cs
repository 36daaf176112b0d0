using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Reports;
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
            !ReportAddress.TryLanguage(lang, out var language, out var problem)
                ? problem!
                : await PdfAsync(http, download, async () =>
                {
                    var model = await service.BuildAsync(http.User.ToActor(), id, language, http.RequestAborted);
                    return (VisitReportDocument.Render(model), $"laporan-peninjauan-{model.VisitDate:yyyy-MM-dd}.pdf");
                }));
        reports.MapGet("/monthly/{month}.pdf", async (string month, string? opd, string? lang, bool? download, HttpContext http, MonthlyReportService service) =>
            ReportAddress.Read(month, opd, lang, out var problem) is not { } query
                ? problem!
                : await PdfAsync(http, download, async () =>
                {
                    var model = await service.BuildAsync(http.User.ToActor(), query.Month, query.OpdId, query.Language, http.RequestAborted);
                    var name = query.Language == ReportLanguage.English ? "monthly-report" : "laporan-bulanan";
                    return (MonthlyReportDocument.Render(model), $"{name}-{query.Month}.pdf");
                }));
        return app;
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
        catch (DomainException refused) when (ReportAddress.Refusal(refused) is { } answer)
        {
            return answer;
        }
    }
}
