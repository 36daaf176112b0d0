using System.Security.Claims;
using BalaiKota.Core.Domain;
using BalaiKota.Web.Authorization;
using BalaiKota.Web.Localization;
using BalaiKota.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace BalaiKota.Web.Features.Visits;

/// <summary>What the visit and follow-up pages share: who is asking, and refusals shown as a message in the user's language.</summary>
public abstract class VisitPageBase : ComponentBase
{
    [Inject]
    protected IStringLocalizer<SharedResource> L { get; set; } = default!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ILogger<VisitPageBase> Logger { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>The last refusal, in the user's language; null when the last action went through.</summary>
    protected string? Error { get; set; }

    /// <summary>The code of the last refusal, for a page that shows more than a message (no access, not found).</summary>
    protected string? RefusalCode { get; private set; }

    protected async Task<ClaimsPrincipal> UserAsync() => (await AuthenticationState).User;

    protected async Task<Actor> ActorAsync() => (await UserAsync()).ToActor();

    /// <summary>The refusal in the user's language; a page may word a code for its own subject.</summary>
    protected virtual string Describe(DomainException refused) => ErrorText.For(refused, L);

    /// <summary>Runs an action of the user; a refusal becomes <see cref="Error"/> and the page stays as it was.</summary>
    protected async Task<bool> TryAsync(Func<Actor, Task> action)
    {
        try
        {
            await action(await ActorAsync());
            Error = null;
            RefusalCode = null;
            return true;
        }
        catch (DomainException refused)
        {
            RefusalCode = refused.Code;
            Error = Describe(refused);
            return false;
        }
        catch (Exception trouble) when (ErrorText.IsTransient(trouble))
        {
            Logger.LogWarning(trouble, "An action on {Page} failed", GetType().Name);
            RefusalCode = null;
            Error = L["Error_NotSaved"];
            return false;
        }
    }
}
