using BalaiKota.Core.Features.Visits;
using Microsoft.AspNetCore.Authorization;

namespace BalaiKota.Web.Authorization;

/// <summary>
/// Files leave the app through endpoints that a page opens in a new tab. A refusal there is a plain 403 with the reason,
/// which the tab shows, rather than the access-denied page's redirect.
/// </summary>
public static class FileEndpointAccess
{
    /// <summary>Signed-in users whose roles give them <paramref name="area"/> (a <see cref="PageAccess"/> route); <paramref name="what"/> words the refusal.</summary>
    public static TBuilder RequireArea<TBuilder>(this TBuilder builder, string area, string what)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireAuthorization();
        return builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
            return (await authorization.AuthorizeAsync(http.User, area)).Succeeded
                ? await next(context)
                : Results.Text(VisitAccess.Denied(what).Message, statusCode: StatusCodes.Status403Forbidden);
        });
    }
}
