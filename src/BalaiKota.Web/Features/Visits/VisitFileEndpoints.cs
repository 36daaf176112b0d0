using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.FollowUps;
using BalaiKota.Core.Features.Visits;
using BalaiKota.Web.Authorization;

namespace BalaiKota.Web.Features.Visits;

/// <summary>
/// Photos and signatures leave the app only here. A photo goes to whoever reads the visit or the follow-up task it
/// belongs to (a repair unit sees the finding's photos of its own tasks without reading visits), each service
/// checking its own side; signatures need the visits policy too.
/// </summary>
public static class VisitFileEndpoints
{
    public static IEndpointRouteBuilder MapVisitFiles(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup(string.Empty).RequireAuthorization();
        files.MapGet("/photos/{id:guid}", (Guid id, HttpContext http, InspectionService inspections, FollowUpService followUps) => PhotoAsync(id, thumbnail: false, http, inspections, followUps));
        files.MapGet("/photos/{id:guid}/thumb", (Guid id, HttpContext http, InspectionService inspections, FollowUpService followUps) => PhotoAsync(id, thumbnail: true, http, inspections, followUps));
        files.MapGet("/visits/{id:guid}/signatures/{signer}", async (Guid id, string signer, HttpContext http, VisitService visits) =>
        {
            if (!Enum.TryParse<VisitSigner>(signer, ignoreCase: true, out var who))
            {
                return Results.NotFound();
            }

            var png = await visits.GetSignaturePngAsync(http.User.ToActor(), id, who, http.RequestAborted);
            return png is null ? Results.NotFound() : Results.File(png, "image/png");
        }).RequireAuthorization(PageAccess.Visits);
        return app;
    }

    // Not found rather than forbidden for a photo the caller may not see: its existence is not the caller's business.
    private static async Task<IResult> PhotoAsync(Guid id, bool thumbnail, HttpContext http, InspectionService inspections, FollowUpService followUps)
    {
        var actor = http.User.ToActor();
        var bytes = await inspections.GetPhotoBytesAsync(actor, id, thumbnail, http.RequestAborted)
            ?? await followUps.GetPhotoBytesAsync(actor, id, thumbnail, http.RequestAborted);
        if (bytes is null)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "private, max-age=86400";
        return Results.File(bytes, "image/jpeg");
    }
}
