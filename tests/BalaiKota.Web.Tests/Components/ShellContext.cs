using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace BalaiKota.Web.Tests.Components;

/// <summary>A bUnit context with MudBlazor, the app's texts and a signed-in user.</summary>
public abstract class ShellContext : BunitContext
{
    protected ShellContext()
    {
        Services.AddMudServices();
        Services.AddLocalization();
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
