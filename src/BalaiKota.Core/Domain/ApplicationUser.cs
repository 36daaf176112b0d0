using Microsoft.AspNetCore.Identity;

namespace BalaiKota.Core.Domain;

public class ApplicationUser : IdentityUser
{
    public string FullName { get; set; } = string.Empty;

    /// <summary>For a repair unit's member: the unit whose tasks they see and work on.</summary>
    public Guid? ResponsibleUnitId { get; set; }

    public bool IsActive { get; set; } = true;
}
