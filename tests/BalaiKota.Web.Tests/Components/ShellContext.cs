using System.Globalization;
using BalaiKota.Core.Data.Seeding;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace BalaiKota.Web.Tests.Components;

/// <summary>A bUnit context with MudBlazor, the app's texts, a fixed clock and a signed-in user.</summary>
public abstract class ShellContext : BunitContext
{
    protected ShellContext()
    {
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero)));
        Services.AddSingleton(Options.Create(new DemoOptions { Enabled = true }));
        JSInterop.Mode = JSRuntimeMode.Loose;
        UseCulture("id-ID");
    }

    protected static void UseCulture(string name)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
    }

    protected void SignInAs(params string[] roles)
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized("peninjau@balaikota.test");
        authorization.SetRoles(roles);
    }
}
