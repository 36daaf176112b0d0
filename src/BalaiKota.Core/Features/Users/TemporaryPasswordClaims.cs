using System.Security.Claims;
using BalaiKota.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BalaiKota.Core.Features.Users;

/// <summary>
/// Marks the sign-in of an account whose password an administrator set, so the web layer can hold it at the
/// change-password page without reading the database on every request. Replacing the password signs in afresh
/// without the mark.
/// </summary>
public sealed class TemporaryPasswordClaims(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    public const string ClaimType = "balaikota:temporary-password";

    public static bool HasTemporaryPassword(ClaimsPrincipal user) => user.HasClaim(c => c.Type == ClaimType);

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(ClaimType, "true"));
        }

        return identity;
    }
}
