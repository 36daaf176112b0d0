using Microsoft.AspNetCore.Components;

namespace BalaiKota.Web.Tests.Components;

/// <summary>
/// Navigation while the browser has not answered yet: the page asks for a new address and goes on reading the old one.
/// An interactive server page meets this between a choice and the round trip that brings the new address back, which is
/// when a second quick choice comes in.
/// </summary>
internal sealed class UnansweredNavigationManager : NavigationManager
{
    public UnansweredNavigationManager(string address) => Initialize("http://localhost/", "http://localhost" + address);

    /// <summary>The addresses the page asked for, oldest first.</summary>
    public List<string> Requested { get; } = [];

    protected override void NavigateToCore(string uri, NavigationOptions options) => Requested.Add(ToAbsoluteUri(uri).ToString());
}
