using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Visits;
using BalaiKota.Web.Authorization;

namespace BalaiKota.Web.Features.Visits;

/// <summary>Photos and signatures leave the app only here, with the visits policy and the service's own check of the visit.</summary>
public static class VisitFileEndpoints
{
    public static IEndpointRouteBuilder MapVisitFiles(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup(string.Empty).RequireAuthorization(PageAccess.Visits);
        files.MapGet("/photos/{id:guid}", (Guid id, HttpContext http, InspectionService inspections) => PhotoAsync(id, thumbnail: false, http, inspections));
        files.MapGet("/photos/{id:guid}/thumb", (Guid id, HttpContext http, InspectionService inspections) => PhotoAsync(id, thumbnail: true, http, inspections));
        files.MapGet("/visits/{id:guid}/signatures/{signer}", async (Guid id, string signer, HttpContext http, VisitService visits) =>
        {
            if (!Enum.TryParse<VisitSigner>(signer, ignoreCase: true, out var who))
            {
                return Results.NotFound();
            }

            var png = await visits.GetSignaturePngAsync(http.User.ToActor(), id, who, http.RequestAborted);
            return png is null ? Results.NotFound() : Results.File(png, "image/png");
        });
        return app;
    }

    // Not found rather than forbidden for a photo of someone else's visit: its existence is not the caller's business.
    private static async Task<IResult> PhotoAsync(Guid id, bool thumbnail, HttpContext http, InspectionService inspections)
    {
        var bytes = await inspections.GetPhotoBytesAsync(http.User.ToActor(), id, thumbnail, http.RequestAborted);
        if (bytes is null)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "private, max-age=86400";
        return Results.File(bytes, "image/jpeg");
    }
}
