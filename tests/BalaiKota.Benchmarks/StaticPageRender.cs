using System.Security.Claims;
using BalaiKota.Core.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;
using MudBlazor.Services;

namespace BalaiKota.Benchmarks;

/// <summary>
/// A page rendered to HTML as a prerender does it, without the layout around it: the services every page needs
/// (MudBlazor, the app's texts, a signed-in user, a navigation manager at the page's address with its query read by
/// [SupplyParameterFromQuery], the scenario's database, a JavaScript runtime that a static render never calls).
/// </summary>
internal static class StaticPageRender
{
    /// <summary>The shared services; the caller adds the Core services its page injects and builds the provider.</summary>
    public static ServiceCollection Services(InspectionScenario scenario, string address, string userId, string role)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLocalization();
        services.AddMudServices();
        services.AddSingleton<StaticJsRuntime>();
        services.AddSingleton<IJSRuntime>(sp => sp.GetRequiredService<StaticJsRuntime>());
        services.AddScoped<NavigationManager>(_ => new StaticNavigationManager($"http://localhost{address}"));
        services.AddSupplyValueFromQueryProvider();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider>(_ => new SignedIn(userId, role));
        services.AddSingleton(scenario.Host.Services.GetRequiredService<IDbContextFactory<BalaiKotaDbContext>>());
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>Renders a component to HTML in a scope of its own, as a request would, after its asynchronous loading has finished.</summary>
    public static async Task<string> RenderAsync<TComponent>(IServiceProvider services, Dictionary<string, object?>? parameters = null)
        where TComponent : IComponent
    {
        await using var scope = services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
        var view = parameters is null ? ParameterView.Empty : ParameterView.FromDictionary(parameters);
        return await renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<TComponent>(view)).ToHtmlString());
    }

    private sealed class StaticNavigationManager : NavigationManager
    {
        public StaticNavigationManager(string uri) => Initialize("http://localhost/", uri);
    }

    private sealed class SignedIn(string userId, string role) : AuthenticationStateProvider
    {
        private readonly Task<AuthenticationState> _state = Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.Name, $"{userId}@bench.test"), new Claim(ClaimTypes.Role, role)],
            authenticationType: "Bench"))));

        public override Task<AuthenticationState> GetAuthenticationStateAsync() => _state;
    }
}

/// <summary>Counts JavaScript calls and answers them with nothing; a static render should make none.</summary>
internal sealed class StaticJsRuntime : IJSRuntime
{
    private int _calls;

    public int Calls => _calls;

    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args)
    {
        Interlocked.Increment(ref _calls);
        return ValueTask.FromResult(default(TValue)!);
    }

    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) => InvokeAsync<TValue>(identifier, args);
}
