using Microsoft.AspNetCore.Identity;

namespace BalaiKota.Core.Domain;

public class ApplicationUser : IdentityUser
{
    public string FullName { get; set; } = string.Empty;

    /// <summary>For a repair unit's member: the unit whose tasks they see and work on.</summary>
    public Guid? ResponsibleUnitId { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>Set while the password is one an administrator gave out; until it is replaced the account can open nothing else.</summary>
    public bool MustChangePassword { get; set; }
}
