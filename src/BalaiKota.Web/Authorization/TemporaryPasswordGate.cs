using BalaiKota.Core.Features.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;

namespace BalaiKota.Web.Authorization;

/// <summary>
/// Someone signed in with a password an administrator gave out may only replace it (or sign out): every other page
/// sends them to the change-password page, every other request that needs a sign-in is refused, and so is the
/// connection the interactive pages run on. Checked on the server for each request, so no link, bookmark or
/// open tab gets past it.
/// </summary>
public static class TemporaryPasswordGate
{
    public const string ChangePasswordPath = "/Account/ChangePassword";

    private const string Refusal = $"Ganti dulu kata sandi sementara Anda di {ChangePasswordPath}.";

    private static readonly PathString[] Allowed = [ChangePasswordPath, "/Account/Logout"];

    public static IApplicationBuilder UseTemporaryPasswordGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var endpoint = context.GetEndpoint();
            if (!TemporaryPasswordClaims.HasTemporaryPassword(context.User) || !IsHeld(context.Request.Path, endpoint))
            {
                await next(context);
                return;
            }

            if (HttpMethods.IsGet(context.Request.Method) && endpoint?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            {
                context.Response.Redirect(ChangePasswordPath);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsync(Refusal);
        });

    private static bool IsHeld(PathString path, Endpoint? endpoint)
    {
        if (Allowed.Any(a => path.Equals(a, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        // The interactive pages' connection carries no authorization metadata of its own, yet opens every page.
        return path.StartsWithSegments("/_blazor", StringComparison.OrdinalIgnoreCase)
            || endpoint?.Metadata.GetMetadata<IAuthorizeData>() is not null;
    }
}
