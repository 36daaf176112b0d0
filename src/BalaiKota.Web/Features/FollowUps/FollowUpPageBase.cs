using System.Security.Claims;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.FollowUps;
using BalaiKota.Core.Features.Visits;
using BalaiKota.Web.Authorization;
using BalaiKota.Web.Localization;
using BalaiKota.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace BalaiKota.Web.Features.FollowUps;

/// <summary>
/// What the follow-up pages and their parts share: who is asking, refusals shown as a message in the user's language,
/// and changes of a task sent with the version the user saw.
/// </summary>
public abstract class FollowUpPageBase : ComponentBase
{
    [Inject]
    protected IStringLocalizer<SharedResource> L { get; set; } = default!;

    [Inject]
    private ILogger<FollowUpPageBase> Logger { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>The last refusal, in the user's language; null when the last action went through.</summary>
    protected string? Error { get; set; }

    /// <summary>The code of the last refusal, for a page that shows more than a message (no access, not found).</summary>
    protected string? RefusalCode { get; private set; }

    protected async Task<ClaimsPrincipal> UserAsync() => (await AuthenticationState).User;

    protected async Task<Actor> ActorAsync() => (await UserAsync()).ToActor();

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
            // The shared text of this code speaks of visits; here it is a task the user may not touch.
            Error = refused.Code == VisitAccess.DeniedCode ? L["Task_Denied"] : ErrorText.For(refused, L);
            return false;
        }
        catch (Exception trouble) when (ErrorText.IsTransient(trouble))
        {
            Logger.LogWarning(trouble, "An action on {Part} failed", GetType().Name);
            RefusalCode = null;
            Error = L["Error_NotSaved"];
            return false;
        }
    }

    /// <summary>
    /// Sends a change of a task with the version the user saw. Applied: what was typed for it is cleared. Refused
    /// because someone else changed the task first: it stays in its field and goes to the owner with the task as it
    /// is now, so the user decides again and nothing typed is lost. Refused for a reason: <see cref="Error"/> says why.
    /// </summary>
    protected async Task SendAsync(Func<Actor, Task<TaskChangeResult>> change, string? typed, Action clear, EventCallback<TaskChanged> changed)
    {
        TaskChangeResult? result = null;
        if (!await TryAsync(async actor => result = await change(actor)) || result is null)
        {
            return;
        }

        if (!result.IsConflict)
        {
            clear();
        }

        await changed.InvokeAsync(new TaskChanged(result, result.IsConflict ? typed : null));
    }
}

/// <summary>
/// A change of a task came back: applied, or refused because someone else changed the task first. On a conflict
/// <see cref="UnsentText"/> is what the user typed for it, so the page can show it even where its field is gone.
/// </summary>
public sealed record TaskChanged(TaskChangeResult Result, string? UnsentText);
