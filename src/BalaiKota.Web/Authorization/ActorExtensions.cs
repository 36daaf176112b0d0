using System.Security.Claims;
using BalaiKota.Core.Domain;

namespace BalaiKota.Web.Authorization;

public static class ActorExtensions
{
    /// <summary>The signed-in user as the services see them: id and roles, read from the authentication cookie.</summary>
    public static Actor ToActor(this ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty,
        Roles.All.Where(user.IsInRole).ToHashSet());
}
