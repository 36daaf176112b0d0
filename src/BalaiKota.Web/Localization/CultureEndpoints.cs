using Microsoft.AspNetCore.Localization;

namespace BalaiKota.Web.Localization;

internal static class CultureEndpoints
{
    /// <summary>Stores the chosen language in the culture cookie and goes back to the page the user was on.</summary>
    public static IEndpointConventionBuilder MapCultureEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/culture/set", (HttpContext context, string? culture, string? redirectUri) =>
        {
            var chosen = AppCultures.Supported.FirstOrDefault(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase)) ?? AppCultures.Indonesian;
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            var target = string.IsNullOrEmpty(redirectUri) || !Uri.IsWellFormedUriString(redirectUri, UriKind.Relative) || redirectUri.StartsWith("//", StringComparison.Ordinal)
                ? "/"
                : redirectUri;
            return TypedResults.LocalRedirect(target.StartsWith('/') ? target : "/" + target);
        }).AllowAnonymous();
}
