using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace BalaiKota.Web.Tests.Components;

/// <summary>Chooses a value in a page's select as its change event does, without waiting for the popover.</summary>
internal static class SelectChoice
{
    public static Task ChooseAsync<TValue>(this IRenderedComponent<IComponent> page, string testId, TValue value)
    {
        var select = page.FindComponents<MudSelect<TValue>>().Single(s => Equals(s.Instance.UserAttributes.GetValueOrDefault("data-testid"), testId));
        return page.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
    }
}
