using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Reports;
using BalaiKota.Core.Features.Visits;

namespace BalaiKota.Web.Features.Reports;

/// <summary>The month, OPD and language of a report or export address.</summary>
public sealed record ReportQuery(WibMonth Month, Guid? OpdId, ReportLanguage Language);

/// <summary>
/// What the report and export addresses share: the month, the OPD and the language read with one set of plain
/// messages, and the services' refusals as plain status codes rather than an HTML page or a sign-in redirect.
/// </summary>
public static class ReportAddress
{
    /// <summary>The query, or null with a 400 that says what to write instead.</summary>
    public static ReportQuery? Read(string month, string? opd, string? lang, out IResult? problem)
    {
        if (!WibMonth.TryParse(month, out var wibMonth))
        {
            problem = BadRequest("Bulan tidak dikenali: tulis tahun dan bulan sebagai tttt-bb, misalnya 2026-11.");
            return null;
        }

        Guid? opdId = null;
        if (!string.IsNullOrWhiteSpace(opd))
        {
            if (!Guid.TryParse(opd, out var id))
            {
                problem = BadRequest("Kode OPD tidak dikenali. Pilih OPD dari daftar, lalu coba lagi.");
                return null;
            }

            opdId = id;
        }

        if (!TryLanguage(lang, out var language, out problem))
        {
            return null;
        }

        return new ReportQuery(wibMonth, opdId, language);
    }

    /// <summary>id (or nothing) for Indonesian, en for English; anything else is a 400.</summary>
    public static bool TryLanguage(string? lang, out ReportLanguage language, out IResult? problem)
    {
        language = string.Equals(lang, "en", StringComparison.OrdinalIgnoreCase) ? ReportLanguage.English : ReportLanguage.Indonesian;
        var known = string.IsNullOrEmpty(lang) || language == ReportLanguage.English || string.Equals(lang, "id", StringComparison.OrdinalIgnoreCase);
        problem = known ? null : BadRequest("Bahasa laporan harus id (Indonesia) atau en (English).");
        return known;
    }

    /// <summary>A service's refusal as 403, 404 or 409 with its message; null for a refusal that is not about access or existence.</summary>
    public static IResult? Refusal(DomainException refused) => refused.Code switch
    {
        VisitAccess.DeniedCode => Results.Text(refused.Message, statusCode: StatusCodes.Status403Forbidden),
        VisitReportService.NotFoundCode or MonthlyReportService.OpdNotFoundCode => Results.Text(refused.Message, statusCode: StatusCodes.Status404NotFound),
        VisitReportService.NotSubmittedCode => Results.Text(refused.Message, statusCode: StatusCodes.Status409Conflict),
        _ => null,
    };

    private static IResult BadRequest(string message) => Results.Text(message, statusCode: StatusCodes.Status400BadRequest);
}
