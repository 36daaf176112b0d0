using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Registry;
using BalaiKota.Web.Authorization;
using BalaiKota.Web.Features.Reports;

namespace BalaiKota.Web.Features.Admin.Registry;

/// <summary>
/// The registry's CSV files leave the app here, for administrators: /admin/registry/opds.csv, buildings.csv and
/// rooms.csv. As with the other exports, a refusal is a plain 403 with the reason, not the sign-in page's redirect.
/// </summary>
public static class RegistryEndpoints
{
    public static string Address(RegistryKind kind) => $"/admin/registry/{kind.ToString().ToLowerInvariant()}.csv";

    public static IEndpointRouteBuilder MapRegistryFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/registry/{kind}.csv", ExportAsync).RequireArea(PageAccess.Admin, "mengekspor daftar ruangan");
        return app;
    }

    private static async Task<IResult> ExportAsync(string kind, HttpContext http, RegistryImportService registry)
    {
        if (!Enum.GetValues<RegistryKind>().Any(k => string.Equals(k.ToString(), kind, StringComparison.OrdinalIgnoreCase)))
        {
            return Results.NotFound();
        }

        try
        {
            var file = await registry.ExportAsync(http.User.ToActor(), Enum.Parse<RegistryKind>(kind, ignoreCase: true), http.RequestAborted);
            return Results.File(file.Content, file.ContentType, file.FileName);
        }
        catch (DomainException refused) when (ReportAddress.Refusal(refused) is { } answer)
        {
            return answer;
        }
    }
}
