using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.FollowUps;
using BalaiKota.Core.Features.Visits;
using BalaiKota.Web.Features.Visits;
using Microsoft.AspNetCore.Components;

namespace BalaiKota.Web.Features.FollowUps;

/// <summary>
/// What the follow-up pages and their parts add to <see cref="VisitPageBase"/>: their own wording of a refusal, and changes of a task sent with the version the user saw.
/// </summary>
public abstract class FollowUpPageBase : VisitPageBase
{
    // The shared text of this code speaks of visits; here it is a task the user may not touch.
    protected override string Describe(DomainException refused) =>
        refused.Code == VisitAccess.DeniedCode ? L["Task_Denied"] : base.Describe(refused);

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
