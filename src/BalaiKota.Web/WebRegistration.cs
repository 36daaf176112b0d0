using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.FollowUps;
using BalaiKota.Web.Authorization;
using BalaiKota.Web.Components;
using BalaiKota.Web.Components.Account;
using BalaiKota.Web.Features.Admin.Registry;
using BalaiKota.Web.Features.Reports;
using BalaiKota.Web.Features.Visits;
using BalaiKota.Web.Localization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using MudBlazor;
using MudBlazor.Services;

namespace BalaiKota.Web;

public static class WebRegistration
{
    /// <summary>Blazor, MudBlazor, sign-in, authorization, languages and the health check.</summary>
    public static IHostApplicationBuilder AddBalaiKotaWeb(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        // A signature drawn on the tablet comes back as one message of a few kilobytes; 128 KB leaves room for a
        // scribbled one without opening the door to large messages.
        services.AddRazorComponents().AddInteractiveServerComponents().AddHubOptions(hub => hub.MaximumReceiveMessageSize = 128 * 1024);
        services.AddMudServices();
        services.AddLocalization();
        services.AddTransient<MudLocalizer, IndonesianMudLocalizer>();

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.ExpireTimeSpan = TimeSpan.FromHours(10);
            options.SlidingExpiration = true;
        });
        // The same minute as the open pages' revalidation: a locked or deactivated account's renewed stamp ends its cookie too.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddIdentityCore<ApplicationUser>().AddSignInManager().AddErrorDescriber<LocalizedIdentityErrors>();
        services.AddAuthorization(PageAccess.AddPolicies);

        services.AddHostedService<DueReminderWorker>();
        services.AddRoomLabels();
        services.AddHealthChecks().AddDbContextCheck<BalaiKotaDbContext>();
        return builder;
    }

    public static WebApplication UseBalaiKota(this WebApplication app)
    {
        // Behind a reverse proxy that terminates HTTPS (on the same machine: loopback proxies are trusted).
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
        app.UseRequestLocalization(options =>
        {
            options.SetDefaultCulture(AppCultures.Indonesian)
                .AddSupportedCultures([.. AppCultures.Supported])
                .AddSupportedUICultures([.. AppCultures.Supported]);

            // The language is the user's choice in the app (cookie), not the browser's default.
            options.RequestCultureProviders = [new Microsoft.AspNetCore.Localization.CookieRequestCultureProvider()];
        });
        app.UseAntiforgery();
        app.UseTemporaryPasswordGate();

        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAccountEndpoints();
        app.MapCultureEndpoint();
        app.MapVisitFiles();
        app.MapReports();
        app.MapExports();
        app.MapRegistryFiles();
        app.MapRoomLabels();
        app.MapHealthChecks("/health").AllowAnonymous();
        return app;
    }
}
